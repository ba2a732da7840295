using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wushe.Features.Casework;
using Wushe.Features.Households;
using Wushe.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Households;

/// <summary>The service summary counts services, attendances and unique people (DOMAIN.md: people, not attendances), by kind and child area.</summary>
public sealed class ServiceSummaryTests(TestApp app)
{

    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    static async Task<ServiceSummary.Summary> SummaryAsync(HttpClient client, string area, int? year = null, int? fromMonth = null, int? toMonth = null)
    {
        var query = $"area={area}" + (year is { } y ? $"&year={y}" : "") + (fromMonth is { } f ? $"&fromMonth={f}" : "") + (toMonth is { } t ? $"&toMonth={t}" : "");
        var response = await client.GetAsync($"/api/v1/service-records/summary?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ServiceSummary.Summary>(Answers.JsonOptions))!;
    }

    /// <summary>
    /// Last year, so that the months are fixed whatever the day: a group in community 1 meets in January (A, B) and March (A);
    /// the township's own activity in March has A and C (C lives in community 2).
    /// </summary>
    async Task<(GroupTests.Place Place, string Second, int Year, Guid[] People)> LastYearAsync()
    {
        var place = await GroupTests.NewPlaceAsync(app);
        var second = await TestHouseholds.NewCommunityAsync(app, place.Township, number: 2);
        var third = await TestHouseholds.CreateAsync(app, second, members: [TestHouseholds.Head("王五")]);
        await GroupTests.RegisteredLongAgoAsync(app, third.Id);
        var c = third.Members[0];
        var (a, b) = (place.Residents[0], place.Residents[1]);
        var year = Today.Year - 1;
        var group = await GroupTests.CreateGroupAsync(place.Worker, place.Community, startsOn: new DateOnly(year, 1, 1));
        await GroupTests.AddMembersAsync(place.Worker, group, a, b);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, group, new DateOnly(year, 1, 15), a, b)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, group, new DateOnly(year, 3, 15), a)).StatusCode);
        var activity = await GroupTests.CreateGroupAsync(place.Worker, place.Township, GroupKind.CommunityActivity, new DateOnly(year, 1, 1), planned: 1);
        await GroupTests.AddMembersAsync(place.Worker, activity, a, c);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, activity, new DateOnly(year, 3, 20), a, c)).StatusCode);
        return (place, second, year, [a, b, c]);
    }

    [Fact]
    public async Task People_count_once_across_sessions_kinds_and_months_and_each_child_area_counts_its_own()
    {
        var (place, second, year, _) = await LastYearAsync();

        var s = await SummaryAsync(place.Worker, place.Township, year, 1, 3);
        Assert.Equal(10, s.Kinds.Count);
        var groups = s.Kinds.Single(k => k.Kind == ServiceKind.GroupService);
        Assert.Equal((2, 3, 2), (groups.Services, groups.Attendances, groups.People));
        var activities = s.Kinds.Single(k => k.Kind == ServiceKind.CommunityActivity);
        Assert.Equal((1, 2, 2), (activities.Services, activities.Attendances, activities.People));
        Assert.All(s.Kinds.Where(k => k.Kind is not (ServiceKind.GroupService or ServiceKind.CommunityActivity)), k => Assert.Equal(0, k.Services));
        // A counts once overall though served by two kinds, three times.
        Assert.Equal((3, 5, 3), (s.Services, s.Attendances, s.People));
        Assert.Equal((new DateOnly(year, 1, 1), new DateOnly(year, 3, 31)), (s.From, s.To));

        // The children: community 1 (the group), community 2 (nothing of its own), and the township's own activity.
        var first = Assert.Single(s.Children, c => c.AreaCode == place.Community);
        Assert.Equal((2, 3, 2), (first.Services, first.Attendances, first.People));
        var other = Assert.Single(s.Children, c => c.AreaCode == second);
        Assert.Equal((0, 0, 0), (other.Services, other.Attendances, other.People));
        var own = Assert.Single(s.Children, c => c.AreaCode == place.Township);
        Assert.Contains("本级", own.AreaName, StringComparison.Ordinal);
        Assert.Equal((1, 2, 2), (own.Services, own.Attendances, own.People));

        // Months: February alone had nothing; March had A (twice, two kinds) and C.
        Assert.Equal((0, 0, 0), Figures(await SummaryAsync(place.Worker, place.Township, year, 2, 2)));
        Assert.Equal((2, 3, 2), Figures(await SummaryAsync(place.Worker, place.Township, year, 3, 3)));
        Assert.Equal((1, 2, 2), Figures(await SummaryAsync(place.Worker, place.Township, year, 1, 1)));
        Assert.Equal((3, 5, 3), Figures(await SummaryAsync(place.Worker, place.Township, year, 1, 12)));
        // The county above holds the township's figures (other tests add theirs there too).
        var county = await SummaryAsync(await app.CreateClientAsync("admin"), place.Township[..6] + "000000", year, 1, 3);
        Assert.True(county.People >= 3 && county.Services >= 3, $"{county.People} people, {county.Services} services in the county");

        // The records behind the figure.
        var records = await place.Worker.GetFromJsonAsync<Wushe.Platform.Outcomes.PageOf<ListServiceRecords.Row>>(
            $"/api/v1/service-records?area={place.Township}&kind=GroupService&from={s.From:yyyy-MM-dd}&to={s.To:yyyy-MM-dd}", Answers.JsonOptions);
        Assert.Equal(2, records!.Total);
    }

    static (int, int, int) Figures(ServiceSummary.Summary s) => (s.Services, s.Attendances, s.People);

    [Fact]
    public async Task The_roll_ups_are_what_a_rebuild_from_the_records_gives()
    {
        var (place, second, _, _) = await LastYearAsync();
        string[] nodes = [place.Township, place.Community, second];
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        async Task<List<string>> RowsAsync() =>
            [.. (await db.Set<ServiceTally>().AsNoTracking().Where(t => nodes.Contains(t.AreaCode)).ToListAsync())
                .Select(t => $"{t.AreaCode} {t.Own} {t.Year}-{t.Month} {t.Kind}: {t.Services}/{t.Attendances}"),
             .. (await db.Set<ServedPeopleTally>().AsNoTracking().Where(t => nodes.Contains(t.AreaCode) && t.People != 0).ToListAsync())
                .Select(t => $"{t.AreaCode} {t.Own} {t.Year} {t.Kind} {Convert.ToString(t.Months, 2)}: {t.People}")];
        // In a transaction rolled back at the end: the other tests' figures stay as they are.
        await using var tx = await db.Database.BeginTransactionAsync();
        var kept = (await RowsAsync()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(kept);
        await ServiceTallies.RebuildAsync(db);
        Assert.Equal(kept, (await RowsAsync()).Order(StringComparer.Ordinal).ToList());
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task The_demo_places_figures_are_the_records_counted_one_by_one()
    {
        var today = Today;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        // One snapshot for both readings, while other tests write.
        await using var tx = await db.Database.BeginTransactionAsync(db.Database.IsNpgsql() ? System.Data.IsolationLevel.RepeatableRead : System.Data.IsolationLevel.Serializable);
        foreach (var area in new[] { "150207000000", "370502000000", "520500000000", "340600000000" })
        {
            var s = (await ServiceSummary.Handle(db, Wushe.Platform.Access.CurrentUser.System, TimeProvider.System, new(area))).Value!;
            var (from, to) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1));
            var (low, high) = Wushe.Platform.Areas.AreaCode.Range(area);
            var records = db.Set<ServiceRecord>().Where(r => r.ServedOn >= from && r.ServedOn <= to && string.Compare(r.AreaCode, low) >= 0 && string.Compare(r.AreaCode, high) <= 0);
            var people = db.Set<ServiceBeneficiary>().Where(b => b.ServedOn >= from && b.ServedOn <= to && string.Compare(b.AreaCode, low) >= 0 && string.Compare(b.AreaCode, high) <= 0);
            Assert.True(s.People > 0, $"{area} shows nobody served");
            Assert.Equal(await records.CountAsync(), s.Services);
            Assert.Equal(await people.CountAsync(), s.Attendances);
            Assert.Equal(await people.Select(b => b.ResidentId).Distinct().CountAsync(), s.People);
            foreach (var k in s.Kinds)
                Assert.Equal(await people.Where(b => b.Kind == k.Kind).Select(b => b.ResidentId).Distinct().CountAsync(), k.People);
        }
    }

    [Fact]
    public async Task The_period_is_whole_months_of_one_year_and_is_checked()
    {
        var place = await GroupTests.NewPlaceAsync(app);
        async Task<string> Refused(string query)
        {
            var response = await place.Worker.GetAsync($"/api/v1/service-records/summary?area={place.Community}&{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("开始月份不能晚于结束月份", await Refused("fromMonth=5&toMonth=3"), StringComparison.Ordinal);
        Assert.Contains("结束月份须为 1 至 12", await Refused("toMonth=13"), StringComparison.Ordinal);
        Assert.Contains("统计年度须在", await Refused($"year={Today.Year + 1}"), StringComparison.Ordinal);
        Assert.Contains("统计年度须在", await Refused("year=1999"), StringComparison.Ordinal);
        await Refused("year=abc");
        // The default: this year, January to this month.
        var s = await SummaryAsync(place.Worker, place.Community);
        Assert.Equal((Today.Year, 1, Today.Month), (s.Year, s.FromMonth, s.ToMonth));
        // The page names a value it did not apply and shows the default.
        var page = await app.CookieClientAsync("huaibei");
        var html = await page.GetStringAsync($"/Households/Services?area={place.Township}&fromMonth=9&toMonth=2");
        Assert.Contains("开始月份不能晚于结束月份", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_page_shows_the_figures_and_exports_them()
    {
        var place = await GroupTests.NewPlaceAsync(app);
        var group = await GroupTests.CreateGroupAsync(place.Worker, place.Community);
        await GroupTests.AddMembersAsync(place.Worker, group, place.Residents[0]);
        await GroupTests.RecordAsync(place.Worker, group, Today, place.Residents[0]);
        var bureau = await app.CookieClientAsync("huaibei");
        var html = await bureau.GetStringAsync($"/Households/Services?area={place.Township}");
        Assert.Contains("小组服务", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kpi-people\">1<", html, StringComparison.Ordinal);
        var export = await bureau.GetAsync($"/Households/Services?handler=Export&area={place.Township}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Wushe.Platform.Export.Spreadsheet.XlsxContentType, export.Content.Headers.ContentType!.MediaType);
        // Outside the scope: 404 on the page too.
        var other = await app.CookieClientAsync("shahe");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Households/Services?area={place.Township}")).StatusCode);
    }

    [Fact]
    public async Task The_demo_groups_give_the_four_places_figures()
    {
        await Wushe.Features.Demo.GroupsDemo.SeedAsync(app.Services);
        foreach (var (user, area) in new[] { ("jiuyuan", "150207000000"), ("dongying", "370502000000"), ("bijie", "520500000000"), ("huaibei", "340600000000") })
        {
            var s = await SummaryAsync(await app.CreateClientAsync(user), area);
            Assert.True(s.People > 0, $"{area} shows nobody served");
            Assert.True(s.Kinds.Single(k => k.Kind is ServiceKind.GroupService).Services + s.Kinds.Single(k => k.Kind is ServiceKind.CommunityActivity).Services > 0);
        }
    }
}
