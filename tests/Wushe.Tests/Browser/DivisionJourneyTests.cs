using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Tests.Areas;

namespace Wushe.Tests.Browser;

/// <summary>
/// The platform admin uploads a cut-off list and is shown what it would do before anything is saved;
/// a bureau marks a development zone as needing a station. At desktop and phone width, in Chinese and English.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class DivisionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Whether the element's content fits inside it (nothing cut off or scrolling sideways).</summary>
    static async Task<bool> Fits(IPage page, string selector) =>
        await page.EvaluateAsync<bool>($"(() => {{ const e = document.querySelector('{selector}'); return e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().width <= window.innerWidth; }})()");

    [Fact]
    public async Task The_admin_sees_what_a_cut_off_list_would_retire_and_nothing_is_saved_until_confirmed()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/Areas/Import");
        // 贵州省 only, its streets.csv cut after 100 rows: Bijie's townships, which have stations, would vanish.
        var list = RealList.Provinces("52").Truncate("streets.csv", 100);
        foreach (var field in new[] { "provinces", "cities", "areas", "streets" })
            await page.SetInputFilesAsync($"#{field}", new FilePayload { Name = field + ".csv", MimeType = "text/csv", Buffer = list.Bytes(field + ".csv") });
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-plan");
        var plan = await page.Locator("#import-plan").InnerTextAsync();
        Assert.Contains("尚未保存任何数据", plan, StringComparison.Ordinal);
        Assert.Contains("撤销", plan, StringComparison.Ordinal);
        Assert.Contains("社工站", await page.Locator("#import-hanging").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#confirm-import").IsVisibleAsync());
        await browser.Screenshot(page, "division-import-confirm");
        await page.SetViewportSizeAsync(390, 844);
        await browser.Screenshot(page, "division-import-confirm-phone");
        Assert.True(await Fits(page, "#import-progress"), "The plan does not fit a 390 px phone.");
        await page.SetViewportSizeAsync(1440, 900);

        // 取消: back to the upload form; Bijie's townships are all still there.
        await page.ClickAsync("#confirm-form a");
        await page.WaitForSelectorAsync("#import-form");
        await page.GotoAsync("/Stations/Coverage?area=520500000000");
        Assert.Contains("279", await page.Locator("#coverage-levels").InnerTextAsync(), StringComparison.Ordinal);

        // The same plan in English.
        var english = await browser.NewPage("en");
        await BrowserFixture.SignInAsync(english, "admin");
        await english.GotoAsync("/lang/en?returnUrl=/Areas/Import");
        foreach (var field in new[] { "provinces", "cities", "areas", "streets" })
            await english.SetInputFilesAsync($"#{field}", new FilePayload { Name = field + ".csv", MimeType = "text/csv", Buffer = list.Bytes(field + ".csv") });
        await english.ClickAsync("#import-form button[type=submit]");
        await english.WaitForSelectorAsync("#import-plan");
        var englishPlan = await english.Locator("#import-plan").InnerTextAsync();
        Assert.Contains("Nothing has been saved yet", englishPlan, StringComparison.Ordinal);
        Assert.Contains("would be added", englishPlan, StringComparison.Ordinal);
        Assert.Contains("Confirm the import", await english.Locator("#confirm-import").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(english, "division-import-confirm-en");
    }

    [Fact]
    public async Task A_bureau_marks_a_development_zone_as_needing_a_station()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "huaibei");
        await page.GotoAsync("/Areas?code=340621400000");
        Assert.Contains("类似乡级单位", await page.Locator("main, .main").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("否", await page.Locator("#needs-station").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#needs-station button[type=submit]");
        // The page is already at this address: wait for the form's answer itself (once it timed out in CI under load with no
        // word of what the server said), then for the page it leads to.
        var posted = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#confirm-dialog .confirm-ok"),
            r => r.Request.Method == "POST" && r.Url.Contains("340621400000", StringComparison.Ordinal), new() { Timeout = 60_000 });
        if (posted.Status is not (302 or 303)) throw new Xunit.Sdk.XunitException($"The setting was answered {posted.Status}: {await posted.TextAsync()}");
        await page.WaitForSelectorAsync("#needs-station .text-bg-primary", new() { Timeout = 60_000 });
        await browser.Screenshot(page, "area-township-like-unit");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await Fits(page, "#needs-station"), "The setting does not fit a 390 px phone.");
        await browser.Screenshot(page, "area-township-like-unit-phone");

        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/Stations/Coverage?area=340600000000");
        Assert.Contains("类似乡级单位", await page.Locator("#coverage-uncounted").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "coverage-township-like-units");
    }
}
