using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Features.Households;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>A station social worker creates a group, adds members found by name, records a session on a phone, and sees the service summary move.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class GroupJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static async Task<int> PeopleServed(IPage page)
    {
        await page.GotoAsync("/Households/Services?area=520502001000");
        return int.Parse(await page.Locator("#kpi-people").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_social_worker_runs_a_group_session_and_the_summary_counts_the_people()
    {
        // Two households of 市西街道第1社区 whose members the worker will find by name.
        await TestHouseholds.CreateAsync(browser.App, "520502001001", members: [TestHouseholds.Head("旅程甲"), TestHouseholds.Head("旅程乙") with { Relation = Relation.Spouse }]);
        await TestHouseholds.CreateAsync(browser.App, "520502001001", members: [TestHouseholds.Head("旅程丙")]);

        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "shixi");
        var before = await PeopleServed(page);

        await page.GotoAsync("/Groups");
        await page.ClickAsync("#add-group");
        await page.ArriveAsync(new Regex("/Groups/Edit"));
        await page.Locator(".area-picker select").First.WaitForAsync();
        await page.FillAsync("#Input_Title", "旅程长者互助小组");
        await page.FillAsync("#Input_Topic", "健康互助与防跌倒");
        await page.FillAsync("#Input_TargetGroup", "独居老人");
        await page.FillAsync("#Input_PlannedSessions", "4");
        await browser.Screenshot(page, "group-create");
        await page.ClickAsync("#group-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Groups/Details/"));
        Assert.Contains("旅程长者互助小组", await page.Locator("#group-title").InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#term", "旅程");
        await page.ClickAsync("#member-search button[type=submit]");
        var candidates = page.Locator("#add-members input[type=checkbox]");
        Assert.Equal(3, await candidates.CountAsync());
        // Masked ID numbers beside the names.
        Assert.Matches(@"\d{4}\*+\w{4}", await page.Locator("#add-members").InnerTextAsync());
        await candidates.Nth(0).CheckAsync();
        await candidates.Nth(1).CheckAsync();
        await candidates.Nth(2).CheckAsync();
        await browser.Screenshot(page, "group-add-members");
        await page.ClickAsync("#add-members button[type=submit]");
        await page.LoadedAsync();
        Assert.Equal(3, await page.Locator("#members-table tbody tr").CountAsync());

        // On a phone: the attendance checklist, two of three ticked.
        await page.SetViewportSizeAsync(390, 844);
        await page.FillAsync("#Session_Theme", "相识相知：小组契约");
        var ticks = page.Locator("#attendance input[type=checkbox]");
        await ticks.Nth(0).CheckAsync();
        await ticks.Nth(2).CheckAsync();
        await browser.Screenshot(page, "group-session-phone");
        await page.ClickAsync("#session-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Groups/Details/"));
        Assert.Equal(1, await page.Locator("#sessions-table tbody tr").CountAsync());
        Assert.Contains("相识相知", await page.Locator("#sessions-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1 / 4", (await page.Locator("#sessions-held").InnerTextAsync()).Replace("已开展 ", "").Replace(" 节", "").Replace("计划 ", ""), StringComparison.Ordinal);

        await page.SetViewportSizeAsync(1366, 800);
        var after = await PeopleServed(page);
        Assert.Equal(before + 2, after);
        Assert.Contains("市西街道（本级）", await page.Locator("#children-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "group-service-summary");
        // The figure clicks through to the record behind it.
        await page.ClickAsync("#kinds-table tr[data-kind=GroupService] a");
        await page.ArriveAsync(new Regex("/Households/ServiceRecords"));
        Assert.Contains("旅程长者互助小组 第1节", await page.Locator("#records-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "group-service-records");
    }
}
