using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>A county bureau registers a social organization through the page, and reads the register on a desktop and a phone.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class OrganizationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_bureau_worker_registers_an_organization_on_the_page_and_finds_it_in_the_register()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Organizations");
        Assert.Contains("七星关区社工服务中心", await page.Locator("#organizations-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "organizations-list-1280");

        await page.ClickAsync("#add-organization");
        await page.ArriveAsync(new Regex("/Organizations/Register"));
        // The registering area starts as the bureau's own county, walked down by the cascader.
        await page.Locator(".area-picker select").Nth(1).WaitForAsync();
        var code = OrganizationsDemo.Code('2', "520502000000", Random.Shared.Next(5_000_000, 9_000_000));
        await page.FillAsync("#Input_Name", "七星关区阳光助残服务中心");
        await page.FillAsync("#Input_CreditCode", code.ToLowerInvariant());
        await page.FillAsync("#Input_RegisteringAuthority", "毕节市七星关区民政局");
        await page.FillAsync("#Input_RegisteredOn", "2023-06-18");
        await page.FillAsync("#Input_LegalRepresentative", "田志刚");
        await page.FillAsync("#Input_ContactPhone", "13985001234");
        await page.CheckAsync("#focus-Disability");
        await page.CheckAsync("#focus-MentalHealth");
        // Where it serves: 市西街道, chosen level by level with the cascader.
        var served = page.Locator("#service-areas .area-picker").First;
        await served.Locator("select").First.SelectOptionAsync("520502000000");
        await served.Locator("select").Nth(1).WaitForAsync();
        await served.Locator("select").Nth(1).SelectOptionAsync("520502001000");
        await browser.Screenshot(page, "organization-register-1280");
        await page.ClickAsync("#organization-form button[type=submit]");
        try
        {
            await page.ArriveAsync(new Regex("/Organizations/Details/"));
        }
        catch (TimeoutException)
        {
            // Say what the page said instead of only "timeout" (a refused form stays on the register page).
            throw new Xunit.Sdk.XunitException("The register form did not save: " + await page.Locator("main").InnerTextAsync());
        }

        Assert.Equal(code, await page.Locator("#credit-code").InnerTextAsync());
        Assert.Contains("已登记", await page.Locator("#organization-status").InnerTextAsync(), StringComparison.Ordinal);
        var focus = await page.Locator("#focus-areas").InnerTextAsync();
        Assert.Contains("助残", focus, StringComparison.Ordinal);
        Assert.Contains("心理健康", focus, StringComparison.Ordinal);
        Assert.Equal("市西街道", await page.Locator("#service-areas").InnerTextAsync());
        Assert.DoesNotContain("13985001234", await page.ContentAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "organization-details-1280");

        // On a phone: the list and the details fit without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Organizations?keyword=" + Uri.EscapeDataString("阳光助残"));
        Assert.Contains("七星关区阳光助残服务中心", await page.Locator("#organizations-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The list scrolls sideways on a phone.");
        await browser.Screenshot(page, "organizations-list-390");
        await page.ClickAsync("#organizations-table a:text('七星关区阳光助残服务中心')");
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The details scroll sideways on a phone.");
        await browser.Screenshot(page, "organization-details-390");
    }

    [Fact]
    public async Task Organization_staff_find_their_organization_from_home_and_keep_its_contact_details()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "org.staff");
        Assert.Contains("七星关区社工服务中心", await page.Locator("#my-organization").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("nav a[href='/Organizations/Mine']").CountAsync());
        await browser.Screenshot(page, "org-staff-home-1280");

        await page.ClickAsync("#my-organization-link");
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        Assert.Equal(0, await page.Locator("#status-form").CountAsync());
        await browser.Screenshot(page, "org-staff-organization-1280");
        await page.ClickAsync("#edit-contact");
        await page.ArriveAsync(new Regex("/Organizations/Contact"));
        var contact = "钱红梅（" + Random.Shared.Next(100, 999) + "）";
        await page.FillAsync("#Input_ContactName", contact);
        await page.FillAsync("#Input_Address", "七星关区洪山街道广惠路 18 号 3 楼");
        await browser.Screenshot(page, "org-staff-contact-1280");
        await page.ClickAsync("#contact-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        Assert.Contains(contact, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // On a phone: home, the organization and its form fit without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The home page scrolls sideways on a phone.");
        await browser.Screenshot(page, "org-staff-home-390");
        await page.GotoAsync("/Organizations/Mine");
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The organization scrolls sideways on a phone.");
        await browser.Screenshot(page, "org-staff-organization-390");
    }

    [Fact]
    public async Task A_station_worker_follows_an_incubation_and_records_the_support_given()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "shixi");
        await page.GotoAsync("/Organizations?keyword=" + Uri.EscapeDataString("邻里互助会"));
        await page.ClickAsync("#organizations-table a:text('市西街道邻里互助会')");
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        var incubation = page.Locator("#incubation");
        Assert.Contains("完成章程制定并召开成立大会", await incubation.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("¥20,000.00", await incubation.InnerTextAsync(), StringComparison.Ordinal);

        await incubation.Locator("summary:text('登记孵化支持')").ClickAsync();
        await page.FillAsync("#Support_GivenOn", DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#Support_Kind", "Training");
        var note = "项目书撰写培训 " + Random.Shared.Next(100, 999);
        await page.FillAsync("#Support_Note", note);
        await browser.Screenshot(page, "organization-incubation-1280");
        await page.ClickAsync("#support-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        Assert.Contains(note, await page.Locator("#incubation").InnerTextAsync(), StringComparison.Ordinal);

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The incubation scrolls sideways on a phone.");
        await browser.Screenshot(page, "organization-incubation-390");
    }

    [Fact]
    public async Task A_county_bureau_reads_the_citys_foundation_serving_its_county_but_cannot_change_it()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Organizations?keyword=" + Uri.EscapeDataString("毕节市慈善基金会"));
        Assert.True(await page.Locator("#above").IsCheckedAsync());
        var row = page.Locator("#organizations-table tbody tr", new() { HasText = "毕节市慈善基金会" });
        Assert.Contains("上级登记 · 服务本区", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await row.Locator("a:text('修改')").CountAsync());
        await browser.Screenshot(page, "organizations-registered-above-1280");

        await row.Locator("a:text('毕节市慈善基金会')").ClickAsync();
        await page.ArriveAsync(new Regex("/Organizations/Details/"));
        Assert.Contains("上级登记 · 服务本区", await page.Locator("#registered-above").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("a[href^='/Organizations/Edit']").CountAsync());
        Assert.Equal(0, await page.Locator("#status-form, #deregister-form, #incubation-start-form").CountAsync());
        await browser.Screenshot(page, "organization-registered-above-details-1280");

        // Unticking the box leaves the county's own register.
        await page.GotoAsync("/Organizations?keyword=" + Uri.EscapeDataString("毕节市慈善基金会"));
        await page.UncheckAsync("#above");
        await page.ClickAsync("#organization-search button[type=submit]");
        await page.ArriveAsync(new Regex("above=false"));
        Assert.False(await page.Locator("#above").IsCheckedAsync());
        Assert.DoesNotContain("毕节市慈善基金会", await page.Locator("#organizations-table").InnerTextAsync(), StringComparison.Ordinal);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Organizations?keyword=" + Uri.EscapeDataString("毕节市慈善基金会"));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The list scrolls sideways on a phone.");
        await browser.Screenshot(page, "organizations-registered-above-390");
    }

    // Issue 8: a case referred by 市东街道's station to 七星关区社工服务中心 (the demo's) waits for org.staff, who accepts it and adds a note.
    [Fact]
    public async Task Organization_staff_accept_a_referred_case_and_add_a_note_the_station_reads()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "org.staff");
        await page.ClickAsync("#kpi-referred-cases");
        await page.ArriveAsync(new Regex("/Casework/Referred"));
        var waiting = page.Locator("#waiting-list li.list-group-item").First;
        var caseNo = (await waiting.Locator(".fw-semibold").First.InnerTextAsync()).Trim();
        Assert.Contains("*", await waiting.Locator(".referral-summary").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "org-referred-cases-1280");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The referred cases scroll sideways on a phone.");
        await browser.Screenshot(page, "org-referred-cases-390");
        await waiting.Locator("button:has-text('接收')").ClickAsync();
        await page.ClickAsync("#confirm-dialog .confirm-ok");
        await page.ArriveAsync(new Regex("/Casework/Details"));
        Assert.Equal(caseNo, await page.Locator("#case-no").InnerTextAsync());
        Assert.Contains("已接收", await page.Locator(".organization-referral").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#step-form, #refer-form").CountAsync());
        var note = "机构社工首次上门，服务对象情绪平稳（" + Random.Shared.Next(100, 999) + "）";
        await page.FillAsync("#Note_Text", note);
        await page.ClickAsync("#note-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Casework/Details"));
        Assert.Contains(note, await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The case scrolls sideways on a phone.");
        await browser.Screenshot(page, "org-referred-case-390");
        await page.SetViewportSizeAsync(1280, 900);
        await browser.Screenshot(page, "org-referred-case-1280");

        // The station reads the organization's note on its own case page.
        var station = await browser.NewPage();
        await station.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(station, "shidong");
        await station.GotoAsync(new Uri(page.Url).PathAndQuery);
        Assert.Contains(note, await station.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("七星关区社工服务中心（已接收）", await station.Locator(".organization-referral").First.InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(station, "station-case-org-note-1280");
    }

    // Issue 8: org.staff carry out a need referred to 七星关区社工服务中心 (the demo's): 开始办理, then 解决 with the outcome.
    [Fact]
    public async Task Organization_staff_start_and_resolve_a_referred_need_on_their_page()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "org.staff");
        await page.GotoAsync("/Needs/Referred");
        var card = page.Locator("#referred-needs li", new() { Has = page.Locator("button:has-text('开始办理')") }).First;
        var id = await card.GetAttributeAsync("id");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The referred needs scroll sideways on a phone.");
        await browser.Screenshot(page, "org-referred-needs-390");
        await card.Locator("input[name=note]").First.FillAsync("已安排社工上门了解情况");
        await card.Locator("button:has-text('开始办理')").ClickAsync();
        await page.ClickAsync("#confirm-dialog .confirm-ok");
        var mine = page.Locator($"#{id}");
        await mine.Locator(".badge:text('办理中')").WaitForAsync();
        Assert.Equal(0, await mine.Locator("button:has-text('开始办理')").CountAsync());
        await mine.Locator("input[name=note]").FillAsync("已链接托管班，孩子每天放学后参加");
        await mine.Locator("button:has-text('解决')").ClickAsync();
        await page.ClickAsync("#confirm-dialog .confirm-ok");
        await page.Locator($"#{id} .badge:text('已解决')").WaitForAsync();
        Assert.Equal(0, await page.Locator($"#{id} form").CountAsync());
        await page.SetViewportSizeAsync(1280, 900);
        await browser.Screenshot(page, "org-referred-needs-1280");
    }
}
