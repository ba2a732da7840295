using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Features.Stations;

namespace Wushe.Tests.Browser;

/// <summary>
/// A date the browser cannot read (30 February typed into a date box) or letters in a number box are
/// sent as empty values: the form names them instead of sending, so nothing is saved empty or as today.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class UnreadableInputTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_follow_up_deadline_the_browser_cannot_read_is_named_and_nothing_is_saved()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Stations/Supervisions/Create");
        await page.SelectOptionAsync("#Input_StationId", new SelectOptionValue { Index = 1 });
        var topic = "键入日期测试" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Input_Topics", topic);
        await page.ClickAsync("#Input_FollowUpDue");
        await page.Keyboard.TypeAsync("20260230");
        await page.ClickAsync("#supervision-form button[type=submit]");
        Assert.Contains("整改期限格式不正确", await page.Locator("#supervision-form").InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/Stations/Supervisions/Create", page.Url, StringComparison.Ordinal);
        await browser.Screenshot(page, "supervision-unreadable-date");
        Assert.False(await browser.App.Query(db => db.Set<Supervision>().AnyAsync(s => s.Topics == topic)));
    }

    [Fact]
    public async Task Letters_in_a_number_box_are_named_before_the_round_is_sent()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "bijie");
        await page.GotoAsync("/Stations/Ratings/Create");
        var name = "键入数字测试" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Input_Name", name);
        var score = page.Locator("input[name='Input.Modules[0].MaxScore']");
        await score.FillAsync("");
        await score.ClickAsync();
        await page.Keyboard.TypeAsync("15e");
        await page.ClickAsync("#round-form button[type=submit]");
        Assert.Contains("格式不正确", await page.Locator("#module-rows").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await browser.App.Query(db => db.Set<RatingRound>().AnyAsync(r => r.Name == name)));
    }
}
