using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>A bureau worker opens a station, reads its checklist, records a check with evidence, and registers a station.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class StationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_bureau_worker_opens_a_station_and_records_a_checklist_item_with_a_photo()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Stations?keyword=市西街道");
        await page.ClickAsync("#stations-table a:text('市西街道社会工作服务站')");
        await page.ArriveAsync(new Regex("/Stations/Details"));
        Assert.Equal("市西街道社会工作服务站", (await page.Locator("#station-name").InnerTextAsync()).Split('\n')[0].Split(' ')[0].Trim());

        await page.ClickAsync("#checklist-tab");
        var rows = page.Locator("#checklist-table tbody tr");
        Assert.Equal(10, await rows.CountAsync());
        Assert.Contains("有办公场所", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "station-checklist");

        // A photo as evidence: a real PNG, checked by content (it must parse to its end), not by name.
        var photo = new FilePayload { Name = "办公场所.png", MimeType = "image/png", Buffer = TestImages.Png };
        await page.SelectOptionAsync("#Check_Item", "UnifiedSign");
        await page.CheckAsync("#met-no");
        await page.SetInputFilesAsync("#evidence", photo);
        await page.FillAsync("#Check_Note", "门牌标识尚未更换");
        await page.ClickAsync("#check-form button[type=submit]");
        await page.ArriveAsync(new Regex("tab=checklist"));
        var sign = page.Locator("#checklist-table tbody tr", new() { HasText = "统一标识" });
        Assert.Contains("未达标", await sign.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("办公场所.png", await sign.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("门牌标识尚未更换", await page.Locator("#check-history").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "station-checklist-recorded");
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_is_refused_with_the_upload_rule_and_nothing_is_recorded()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Stations?keyword=市东街道");
        await page.ClickAsync("#stations-table a:text('市东街道社会工作服务站')");
        await page.ClickAsync("#checklist-tab");
        var before = await page.Locator("#check-history tbody tr").CountAsync();
        await page.SelectOptionAsync("#Check_Item", "HasRules");
        await page.SetInputFilesAsync("#evidence", new FilePayload { Name = "rules.pdf", MimeType = "application/pdf", Buffer = "not a pdf"u8.ToArray() });
        await page.ClickAsync("#check-form button[type=submit]");
        await page.LoadedAsync();
        Assert.Contains("文件内容与扩展名不符", await page.Locator("#check-form").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await page.Locator("#check-history tbody tr").CountAsync());
    }

    [Fact]
    public async Task Registering_a_second_station_for_a_township_names_the_problem_beside_the_area()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Stations/Edit?area=520502001000");
        // The cascader walks down to the township from the code it was given.
        await page.Locator(".area-picker select").Nth(1).WaitForAsync();
        await page.FillAsync("#Input_Name", "市西街道第二社工站");
        await page.ClickAsync("#station-form button[type=submit]");
        await page.LoadedAsync();
        Assert.Contains("已有乡镇（街道）社工站，不能重复新增", await page.Locator("#station-form").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "station-duplicate");
    }
}
