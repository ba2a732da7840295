using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wushe.Data;
using Wushe.Features.Demo;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Browser;

/// <summary>A social worker opens My visits, opens an overdue household's visit form, records a visit, and sees it leave the overdue list.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class VisitJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_social_worker_records_a_visit_and_the_household_leaves_the_overdue_list()
    {
        var app = browser.App;
        var township = await Places.NewTownshipAsync(app, "探访镇");
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        // Registered 100 days ago and never visited: due since the day it was registered, 100 days overdue.
        await using (var scope = app.Scope())
        {
            var sp = scope.ServiceProvider;
            var registered = await RegisterHousehold.Handle(sp.GetRequiredService<AppDb>(), CurrentUser.System, sp.GetRequiredService<Sealer>(),
                new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-100)), new RegisterHousehold.Request(community, "和平路18号", [TestHouseholds.Head("孙桂兰")], worker.Id));
            Assert.True(registered.IsOk, registered.Failure?.Title);
        }

        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, worker.UserName);

        await page.GotoAsync("/Households/MyVisits");
        await page.ClickAsync("#tab-overdue");
        await page.ArriveAsync(new Regex("due=overdue"));
        var row = page.Locator("#visits-table tbody tr", new() { HasText = "孙桂兰" });
        Assert.Contains("逾期 100 天", await row.InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "my-visits-overdue");

        await row.Locator("a.visit-link").ClickAsync();
        await page.ArriveAsync(new Regex("/Households/Visit"));
        // The recorder is ticked as the social worker, and the household's members as seen.
        Assert.True(await page.Locator($"#worker-{worker.Id}").IsCheckedAsync());
        await page.FillAsync("#Input_LivingConditions", "独居，屋内整洁，冬季取暖已落实");
        await page.FillAsync("#Input_Health", "腿脚不便，需要定期送药");
        await page.CheckAsync("#service-LifeCare");
        await browser.Screenshot(page, "visit-form");
        await page.ClickAsync("#save-visit");
        await page.ArriveAsync(new Regex("/Households/MyVisits"));

        await page.GotoAsync("/Households/MyVisits?due=overdue");
        Assert.Equal(0, await page.Locator("#visits-table tbody tr", new() { HasText = "孙桂兰" }).CountAsync());
        await browser.Screenshot(page, "my-visits-after-visit");

        // The same at a phone's width, in English.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/lang/en?returnUrl=/Households/MyVisits");
        await page.GotoAsync("/Households/MyVisits");
        await browser.Screenshot(page, "my-visits-phone-en");
    }
}
