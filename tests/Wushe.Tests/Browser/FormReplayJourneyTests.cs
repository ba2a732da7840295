using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Demo;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>
/// Review 7b items 10, 35, 37 in the browser: the visit form sent twice records once; a second visit the same day asks for a
/// confirmation; closing a household asks for a reason and a day and shows them.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class FormReplayJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_double_submitted_visit_records_once_a_same_day_visit_is_confirmed_and_a_closing_keeps_its_reason()
    {
        var app = browser.App;
        var township = await Places.NewTownshipAsync(app, "重放镇");
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var household = await TestHouseholds.CreateAsync(app, community, "重放路3号", worker.Id, TestHouseholds.Head("周重放"));
        Task<int> Visits() => app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == household.Id));

        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, worker.UserName);

        // The same form body sent twice at once, as a slow phone's double submit does (the button's guard stops only a double click).
        await page.GotoAsync($"/Households/Visit?household={household.Id}");
        await page.FillAsync("#Input_Health", "重放测试");
        var statuses = await page.EvaluateAsync<int[]>(@"async () => {
            const f = document.getElementById('visit-form');
            const body = () => new URLSearchParams(new FormData(f));
            const send = () => fetch(location.href, { method: 'POST', body: body(), redirect: 'manual' }).then(r => r.status);
            return Promise.all([send(), send()]);
        }");
        Assert.Equal(2, statuses.Length);
        Assert.Equal(1, await Visits());

        // Opening the form again the same day: the warning, and a save needs the box ticked.
        await page.GotoAsync($"/Households/Visit?household={household.Id}");
        Assert.Contains("该户今日已有探访记录", await page.Locator("#same-day-visit").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#save-visit");
        await page.WaitForSelectorAsync("#same-day-visit .text-danger:not(:empty)");
        Assert.Equal(1, await Visits());
        await browser.Screenshot(page, "visit-same-day-warning");
        await page.CheckAsync("#ConfirmSameDay");
        await page.ClickAsync("#save-visit");
        await page.ArriveAsync(new Regex("/Households/MyVisits"));
        Assert.Equal(2, await Visits());

        // Closing: reason and day asked, kept and shown.
        await page.GotoAsync($"/Households/Details?id={household.Id}");
        await page.ClickAsync("#close-toggle");
        await page.SelectOptionAsync("#Closing_Reason", "MovedAway");
        await page.FillAsync("#Closing_ClosedOn", Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"));
        await browser.Screenshot(page, "household-close-form");
        await page.ClickAsync("#confirm-close");
        await page.WaitForSelectorAsync("#closure");
        Assert.Contains("迁出", await page.Locator("#closure").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "household-closed");

        // The same at a phone's width, in English.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/lang/en?returnUrl=/Households/Details?id={household.Id}");
        await page.GotoAsync($"/Households/Details?id={household.Id}");
        Assert.Contains("Moved away", await page.Locator("#closure").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "household-closed-phone-en");
    }
}
