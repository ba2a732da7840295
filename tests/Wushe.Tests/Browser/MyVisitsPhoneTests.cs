using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>
/// My visits on a 390 px phone: the area tree waits behind a button, each household is a card, and 记录探访 of the first one is on
/// the first screen without scrolling sideways; on a desktop the tree and the table as before.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class MyVisitsPhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("zh-CN", "记录探访")]
    [InlineData("en", "Record a visit")]
    public async Task On_a_phone_record_a_visit_is_on_the_first_screen_without_scrolling_sideways(string locale, string button)
    {
        var page = await browser.NewPage(locale);
        await BrowserFixture.SignInAsync(page, "saihan");
        if (locale == "en") await page.GotoAsync("/lang/en?returnUrl=/");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Households/MyVisits");
        Assert.False(await page.Locator("#area-tree-panel").IsVisibleAsync());
        Assert.False(await page.Locator("#visits-table").IsVisibleAsync());
        var first = page.Locator("#visits-cards .visit-card-link").First;
        Assert.Contains(button, await first.InnerTextAsync(), StringComparison.Ordinal);
        var box = (await first.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{button} at x {box.X}–{box.X + box.Width} on a 390 px screen.");
        Assert.True(box.Y + box.Height <= 844, $"{button} at y {box.Y}: below the first screen.");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The page scrolls sideways.");
        Assert.Contains(locale == "en" ? "All due" : "全部待访", await page.Locator("#due-tabs").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, $"my-visits-phone-{locale}");

        // The tree is a tap away.
        await page.ClickAsync("#area-tree-toggle");
        await page.Locator("#area-tree").WaitForAsync();
        Assert.True(await page.Locator("#area-tree").IsVisibleAsync());

        // On a desktop: the tree open, the table, no toggle.
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/Households/MyVisits");
        Assert.True(await page.Locator("#area-tree").IsVisibleAsync());
        Assert.False(await page.Locator("#area-tree-toggle").IsVisibleAsync());
        Assert.True(await page.Locator("#visits-table").IsVisibleAsync());
        Assert.False(await page.Locator("#visits-cards").IsVisibleAsync());
        Assert.True(await page.Locator("#visits-table a.visit-link").First.IsVisibleAsync());
        await browser.Screenshot(page, $"my-visits-desktop-{locale}");
    }
}
