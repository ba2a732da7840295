using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Features.Households;

namespace Wushe.Tests.Browser;

/// <summary>
/// The care pages on a 390 px phone (review 7b F1, F6, F36): every list is cards as My visits is (the household list, a
/// household's members and consents, the service records, the households a volunteer visited), no table wider than the
/// screen, nothing to scroll sideways, the empty-state sentence whole; on a desktop the tables as before.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class CarePhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static async Task<IPage> SignIn(BrowserFixture browser, string login, string locale)
    {
        var page = await browser.NewPage(locale);
        await BrowserFixture.SignInAsync(page, login);
        if (locale == "en") await page.GotoAsync("/lang/en?returnUrl=/");
        return page;
    }

    /// <summary>What sticks out on the phone: the page's own sideways scroll, and every visible table wider than its box.</summary>
    static async Task AssertFits(IPage page, string url)
    {
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, $"{url} scrolls sideways.");
        var wide = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('table')].filter(t => t.offsetParent !== null && t.scrollWidth > t.parentElement.clientWidth + 1)
                .map(t => (t.id || t.className) + ' ' + t.scrollWidth + '>' + t.parentElement.clientWidth)
            """);
        Assert.True(wide.Length == 0, $"{url}: tables wider than the phone: {string.Join(", ", wide)}");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_social_workers_care_lists_are_cards_on_a_phone_and_tables_on_a_desktop(string locale)
    {
        // The 市西 household with the most members (a child with a guardian: the widest member rows).
        var household = await browser.App.Query(db => db.Set<Household>().IgnoreQueryFilters()
            .Where(h => h.AreaCode.StartsWith("520502001")).OrderByDescending(h => h.MemberCount).ThenBy(h => h.Id).Select(h => h.Id).FirstAsync());
        var page = await SignIn(browser, "shixi", locale);
        await page.SetViewportSizeAsync(390, 844);
        (string Url, string Cards, string Table)[] lists =
        [
            ("/Households", "#households-cards .household-card", "#households-table"),
            ($"/Households/Details?id={household}", "#members-cards .member-card", "#members-table"),
            ($"/Households/Details?id={household}", "#consents-cards .consent-card", "#consents-table"),
            ("/Households/ServiceRecords", "#records-cards .record-card", "#records-table"),
            ("/Households/MyVisits?mine=false", "#visits-cards .visit-card", "#visits-table"),
        ];
        foreach (var (url, cards, table) in lists)
        {
            await page.GotoAsync(url);
            Assert.True(await page.Locator(cards).First.IsVisibleAsync(), $"{url}: no {cards} on a phone.");
            Assert.False(await page.Locator(table).IsVisibleAsync(), $"{url}: {table} on a phone.");
            await AssertFits(page, url);
        }
        // A member's actions are in sight on the phone: 修改 within the screen's width.
        await page.GotoAsync($"/Households/Details?id={household}");
        var edit = (await page.Locator("#members-cards .member-edit").First.BoundingBoxAsync())!;
        Assert.True(edit.X >= 0 && edit.X + edit.Width <= 390, $"修改 at x {edit.X}–{edit.X + edit.Width}.");
        await browser.Screenshot(page, $"household-phone-{locale}");

        // The other care pages fit too.
        foreach (var url in new[] { "/Households/Overdue", "/Households/Services", "/Households/Settings", "/Households/Register", $"/Households/Visit?household={household}" })
        {
            await page.GotoAsync(url);
            await AssertFits(page, url);
        }

        await page.SetViewportSizeAsync(1440, 900);
        foreach (var (url, cards, table) in lists)
        {
            await page.GotoAsync(url);
            Assert.True(await page.Locator(table).IsVisibleAsync(), $"{url}: no {table} on a desktop.");
            Assert.False(await page.Locator(cards).First.IsVisibleAsync(), $"{url}: {cards} on a desktop.");
        }
        await page.GotoAsync($"/Households/Details?id={household}");
        await browser.Screenshot(page, $"household-desktop-{locale}");
    }

    [Theory]
    [InlineData("jiuyuan.zyz", "zh-CN")]
    [InlineData("jiuyuan.zyz", "en")]
    [InlineData("bijie.zyz", "zh-CN")]
    public async Task A_volunteers_visited_households_are_cards_on_a_phone_and_the_empty_sentence_is_whole(string login, string locale)
    {
        var page = await SignIn(browser, login, locale);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Households/Linked");
        Assert.False(await page.Locator("#linked-table").IsVisibleAsync());
        await AssertFits(page, "/Households/Linked");
        if (await page.Locator("#linked-cards .linked-card").CountAsync() == 0)
        {
            // The sentence wraps inside the screen: nothing of it cut off.
            var empty = page.Locator("#linked-cards .empty");
            Assert.Contains(locale == "en" ? "joined a social worker on a visit" : "相关家庭会显示在这里", await empty.InnerTextAsync(), StringComparison.Ordinal);
            var box = (await empty.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390);
            Assert.True(await empty.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"));
        }
        else
        {
            var first = page.Locator("#linked-cards .linked-card").First;
            Assert.Contains(locale == "en" ? "My visits there" : "我参与的探访", await first.InnerTextAsync(), StringComparison.Ordinal);
            if (locale == "en") Assert.DoesNotMatch("[红橙黄蓝绿]卡", await first.InnerTextAsync());
        }
        await browser.Screenshot(page, $"linked-phone-{login}-{locale}");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_case_and_guardianship_lists_fit_a_phone(string locale)
    {
        var page = await SignIn(browser, "shixi", locale);
        await page.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/Casework", "/Casework/Guardianship" })
        {
            await page.GotoAsync(url);
            await browser.Screenshot(page, $"phone-{url.Replace('/', '-').Trim('-')}-{locale}");
            await AssertFits(page, url);
        }
        // A group's members (review7c 14): name, age, attendance and the remove action on the screen.
        await page.GotoAsync("/Groups");
        var group = await page.Locator("a[href*='/Groups/Details']").First.GetAttributeAsync("href");
        await page.GotoAsync(group!);
        await browser.Screenshot(page, $"phone-group-{locale}");
        await AssertFits(page, group!);
    }
}
