using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wushe.Tests.Browser;

/// <summary>
/// The workforce in a real browser: a station worker puts a colleague on the register, records her qualification, sets up a training,
/// enrols her, records her attendance (credited to her continuing education) and issues her attendance certificate; the city bureau
/// reads its new-talent figure with its definition, and Huaibei its exam figures.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class WorkforceJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_station_worker_registers_a_colleague_trains_her_and_the_bureau_reads_its_figures()
    {
        var run = Random.Shared.Next(100, 999);
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        var first17 = "520502" + new DateOnly(1993, 5, 1).AddDays(run).ToString("yyyyMMdd") + "7" + (run % 100).ToString("00").Substring(0, 1) + "2";
        var idNumber = first17 + Wushe.Platform.Validation.ResidentId.CheckChar(first17);
        var name = "龙" + "晓芸丽娜"[run % 4] + "芳";

        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "shixi");
        await page.GotoAsync("/Workforce/Edit");
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_IdNumber", idNumber);
        await page.FillAsync("#Input_Phone", $"1385{run}{Random.Shared.Next(1000, 9999)}");
        await page.SelectOptionAsync("#Input_EmployerKind", "Station");
        await page.SelectOptionAsync("#Input_StationId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_Post", "专职社工");
        await page.FillAsync("#Input_StartedOn", today.AddMonths(-3).ToString("yyyy-MM-dd"));
        await browser.Screenshot(page, "workforce-register-1280");
        await page.ClickAsync("#worker-submit");
        await page.ArriveAsync(new Regex("/Workforce/Details/"));
        var person = page.Url;
        Assert.DoesNotContain(idNumber, await page.ContentAsync(), StringComparison.Ordinal);

        // Her qualification: an assistant, by exam, this spring.
        await page.Locator("#qualifications summary").ClickAsync();
        await page.SelectOptionAsync("select[name='Qualification.Level']", "Assistant");
        await page.SelectOptionAsync("select[name='Qualification.Route']", "Exam");
        await page.FillAsync("input[name='Qualification.ObtainedOn']", today.AddMonths(-2).ToString("yyyy-MM-dd"));
        await page.FillAsync("input[name='Qualification.CertificateNo']", $"A{today:yyyy}{run}{Random.Shared.Next(1000, 9999)}");
        await page.Locator("#qualification-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#qualifications-table >> text=助理社会工作师");
        Assert.Contains("待登记", await page.Locator("#worker-state").InnerTextAsync(), StringComparison.Ordinal);

        // A training of the station, held last week.
        await page.GotoAsync("/Workforce/Trainings/Edit");
        var title = $"新入职社工岗前培训（第{run}期）";
        await page.FillAsync("#Input_Title", title);
        await page.SelectOptionAsync("#Input_Kind", "Rotating");
        await page.SelectOptionAsync("#Input_OrganizerKind", "Station");
        await page.SelectOptionAsync("#Input_StationId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_StartsOn", today.AddDays(-8).ToString("yyyy-MM-dd"));
        await page.FillAsync("#Input_EndsOn", today.AddDays(-7).ToString("yyyy-MM-dd"));
        await page.FillAsync("#Input_Hours", "12");
        await page.FillAsync("#Input_Place", "市西街道社工站二楼培训室");
        await page.FillAsync("#Input_Capacity", "30");
        await browser.Screenshot(page, "workforce-training-edit-1280");
        await page.ClickAsync("#training-submit");
        await page.ArriveAsync(new Regex("/Workforce/Trainings/Details/"));

        // Enrol her, record her attendance, issue her certificate.
        await page.ClickAsync("#enrol-form >> xpath=ancestor::details/summary");
        var option = await page.Locator("#Enrol_SocialWorkerId option", new() { HasText = name }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#Enrol_SocialWorkerId", option!);
        await page.ClickAsync("#enrol-submit");
        var row = page.Locator("#enrolments-table tr", new() { HasText = name });
        await row.Locator(".attendance-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync($"#enrolments-table tr:has-text('{name}') >> text=取消出勤");
        // Issuing downloads the certificate at once; the page then lists its number.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#enrolments-table tr", new() { HasText = name }).Locator("form[action*='handler=Certificate'] button").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await page.GotoAsync(page.Url);
        var link = page.Locator("#enrolments-table tr", new() { HasText = name }).Locator("a[href*='handler=Certificate']");
        await link.WaitForAsync();
        await browser.Screenshot(page, "workforce-training-details-1280");
        var pdf = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4), StringComparison.Ordinal);

        // Her record: the training credited to continuing education, not removable there.
        await page.GotoAsync(person);
        var credit = page.Locator("#education-table tr", new() { HasText = title });
        Assert.Contains("12", await credit.InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "workforce-person-1280");

        // The bureaus' figures.
        var bijie = await browser.NewPage();
        await bijie.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(bijie, "bijie");
        await bijie.GotoAsync("/Workforce/Talents");
        var definition = bijie.Locator(".talent-definition", new() { HasText = "新增社会工作人才" });
        // 7,761 from the demo, and the colleague registered above (市西街道 is Bijie's) as one more.
        var total = int.Parse((await definition.Locator(".talent-total").InnerTextAsync()).Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 7_762, 7_800);
        Assert.Contains("每人只计一次", await definition.InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(bijie, "workforce-talents-1280");
        await bijie.GotoAsync("/Workforce/Trainings/Figures?area=520500000000&year=2023");
        Assert.Contains("62", await bijie.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(bijie, "workforce-training-figures-1280");

        var huaibei = await browser.NewPage();
        await huaibei.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(huaibei, "huaibei");
        await huaibei.GotoAsync("/Workforce/Exams/Figures?area=340600000000&year=2023");
        var text = await huaibei.Locator("main").InnerTextAsync();
        Assert.Contains("1,338", text, StringComparison.Ordinal);
        Assert.Contains("346", text, StringComparison.Ordinal);
        await browser.Screenshot(huaibei, "workforce-exam-figures-390");
    }
}
