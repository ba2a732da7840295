using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>
/// A township's social worker finds the county's colour cards (read-only), creates the township's own scheme (a bad frequency named
/// beside its row first), adds a tag; a worker imports households from Excel, first with a bad row.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class CareSettingsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_township_creates_its_own_scheme_from_the_countys_and_adds_a_tag()
    {
        // A station worker reads the scheme and is told who sets it; the station's head (站长) sets it.
        var worker = await browser.NewPage();
        await BrowserFixture.SignInAsync(worker, "shahe");
        await worker.GotoAsync("/Households/Settings");
        Assert.Equal(0, await worker.Locator("#create-scheme").CountAsync());
        Assert.Contains("站长", await worker.Locator("#scheme-head-only").InnerTextAsync(), StringComparison.Ordinal);

        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "shahe.zz");
        await page.GotoAsync("/Households/Settings");
        Assert.Contains("沿用上级方案", await page.Locator("#scheme-inherited").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("#colours-table tbody tr").CountAsync());
        Assert.Contains("橙卡", await page.Locator("#colours-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#edit-scheme").CountAsync());
        await browser.Screenshot(page, "care-settings-inherited");

        await page.ClickAsync("#create-scheme");
        await page.Locator("#scheme-form").WaitForAsync();
        var rows = page.Locator("#colour-rows tbody tr");
        Assert.Equal(5, await rows.CountAsync());
        // The stable green row goes; the first row's frequency is mistyped as 0.
        await rows.Nth(4).Locator(".colour-remove").ClickAsync();
        await rows.Nth(0).Locator("[data-field=VisitEveryDays]").FillAsync("0");
        await page.ClickAsync("#save-scheme");
        await page.LoadedAsync();
        var first = page.Locator("#colour-rows tbody tr").Nth(0);
        Assert.Contains("探访周期须在 1 到 365 天之间", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await page.Locator("#colour-rows tbody tr").CountAsync());
        await browser.Screenshot(page, "care-settings-error");

        await first.Locator("[data-field=VisitEveryDays]").FillAsync("7");
        await page.ClickAsync("#colour-add");
        var added = page.Locator("#colour-rows tbody tr").Nth(4);
        await added.Locator("[data-field=Key]").FillAsync("purple");
        await added.Locator("[data-field=Name]").FillAsync("紫卡");
        await added.Locator("[data-field=Meaning]").FillAsync("困境儿童家庭");
        await added.Locator("[data-field=VisitEveryDays]").FillAsync("90");   // listed last: no more often than the row above
        await page.ClickAsync("#save-scheme");
        await page.ArriveAsync(new Regex("/Households/Settings$"));
        Assert.Equal(0, await page.Locator("#scheme-inherited").CountAsync());
        Assert.Equal(5, await page.Locator("#colours-table tbody tr").CountAsync());
        Assert.Contains("紫卡", await page.Locator("#colours-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#edit-scheme").CountAsync());

        await page.FillAsync("#Tag_Name", "空巢老人");
        await page.FillAsync("#Tag_NameEn", "Empty-nest elderly");
        await page.ClickAsync("#save-tag");
        await page.ArriveAsync(new Regex("/Households/Settings"));
        Assert.Contains("空巢老人", await page.Locator("#tags-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "care-settings-own");

        await page.SetViewportSizeAsync(390, 844);
        await browser.Screenshot(page, "care-settings-phone");
        var english = await browser.NewPage("en");
        await BrowserFixture.SignInAsync(english, "shahe");
        await english.GotoAsync("/lang/en?returnUrl=/Households/Settings");
        await english.GotoAsync("/Households/Settings");
        await browser.Screenshot(english, "care-settings-en");
    }

    [Fact]
    public async Task A_file_with_a_bad_row_lists_it_and_the_corrected_file_imports()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "wenhui");
        await page.GotoAsync("/Households/Import");
        Assert.Equal(1, await page.Locator("#import-template").CountAsync());

        static byte[] File(string birth)
        {
            var row = new Dictionary<string, object>
            {
                ["户编号"] = "A1", ["所属社区代码"] = "370502001001", ["家庭住址"] = "文汇街道导入路1号", ["姓名"] = "孙桂兰", ["性别"] = "女", ["出生日期"] = birth,
                ["与户主关系"] = "户主", ["身份证号码"] = "", ["重点人群标签"] = "独居老人",
            };
            using var stream = new MemoryStream();
            stream.SaveAs(new List<Dictionary<string, object>> { row });
            return stream.ToArray();
        }

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "导入.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = File("1940-13-01") });
        await page.ClickAsync("#import-submit");
        await page.LoadedAsync();
        var errors = await page.Locator("#import-errors").InnerTextAsync();
        Assert.Contains("第 2 行", errors, StringComparison.Ordinal);
        Assert.Contains("出生日期", errors, StringComparison.Ordinal);
        await browser.Screenshot(page, "household-import-errors");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "导入.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = File("1940-12-01") });
        await page.ClickAsync("#import-submit");
        await page.LoadedAsync();
        Assert.Contains("共 1 户 1 人", await page.Locator("#import-result").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "household-import-done");
    }
}
