namespace Wushe.Tests.Browser;

/// <summary>
/// review7c 1 and 16: on a 1280 px desktop My visits cut its 状态 / Status column at the table's right edge ("11 da"), reachable
/// only by scrolling the table sideways — for station workers and community staff, in Chinese and English. The status of
/// every row lies inside the table's visible box, and so do its actions (review7d: "Record a visit" was cut).
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class MyVisitsDesktopTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("shixi", "zh-CN")]
    [InlineData("shixi", "en")]
    [InlineData("shixi.sq", "zh-CN")]
    [InlineData("shixi.sq", "en")]
    public async Task At_1280_px_the_status_of_every_row_is_visible_without_scrolling_sideways(string login, string locale)
    {
        var page = await browser.NewPage(locale);
        await page.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.SignInAsync(page, login);
        if (locale == "en") await page.GotoAsync("/lang/en?returnUrl=/");
        await page.GotoAsync("/Households/MyVisits?mine=false");

        var frame = (await page.Locator("#visits-table").Locator("xpath=..").BoundingBoxAsync())!;
        var states = page.Locator("#visits-table tbody td.visit-state");
        var count = await states.CountAsync();
        Assert.True(count > 0, "No household due on My visits of " + login);
        for (var i = 0; i < count; i++)
        {
            var box = (await states.Nth(i).BoundingBoxAsync())!;
            Assert.True(box.X >= frame.X && box.X + box.Width <= frame.X + frame.Width + 0.5,
                $"{login} ({locale}) row {i + 1}: the status at x {box.X:0}–{box.X + box.Width:0}, the table shows x {frame.X:0}–{frame.X + frame.Width:0}.");
            // The last column too: its links ("记录探访", "Record a visit", "详情") were cut at the right edge.
            var actions = (await page.Locator("#visits-table tbody td.visit-actions").Nth(i).BoundingBoxAsync())!;
            Assert.True(actions.X + actions.Width <= frame.X + frame.Width + 0.5,
                $"{login} ({locale}) row {i + 1}: the actions end at x {actions.X + actions.Width:0}, the table shows up to x {frame.X + frame.Width:0}.");
        }
        Assert.Contains(locale == "en" ? "Status" : "状态", await page.Locator("#visits-table thead").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, $"my-visits-1280-{login}-{locale}");
    }
}
