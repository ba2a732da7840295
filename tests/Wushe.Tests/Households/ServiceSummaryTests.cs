using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wushe.Features.Casework;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Households;

/// <summary>The service summary counts services, attendances and unique people (DOMAIN.md: people, not attendances), by kind and child area.</summary>
public sealed class ServiceSummaryTests(TestApp app)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    static async Task<ServiceSummary.Summary> SummaryAsync(HttpClient client, string area, DateOnly? from = null, DateOnly? to = null)
    {
        var response = await client.GetAsync($"/api/v1/service-records/summary?area={area}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ServiceSummary.Summary>(Json))!;
    }

    [Fact]
    public async Task A_person_in_three_sessions_and_two_kinds_counts_once()
    {
        var place = await GroupTests.NewPlaceAsync(app);
        var (a, b) = (place.Residents[0], place.Residents[1]);
        var start = Today.AddDays(-20);
        var group = await GroupTests.CreateGroupAsync(place.Worker, place.Community, startsOn: start);
        await GroupTests.AddMembersAsync(place.Worker, group, a, b);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, group, start, a, b)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, group, start.AddDays(7), a)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, group, start.AddDays(14), a)).StatusCode);
        var activity = await GroupTests.CreateGroupAsync(place.Worker, place.Community, GroupKind.CommunityActivity, start, planned: 1);
        Assert.Equal(HttpStatusCode.Created, (await GroupTests.RecordAsync(place.Worker, activity, start.AddDays(1), a)).StatusCode);

        var s = await SummaryAsync(place.Worker, place.Township, start, Today);
        Assert.Equal(10, s.Kinds.Count);
        var groups = s.Kinds.Single(k => k.Kind == ServiceKind.GroupService);
        Assert.Equal((3, 4, 2), (groups.Services, groups.Attendances, groups.People));
        var activities = s.Kinds.Single(k => k.Kind == ServiceKind.CommunityActivity);
        Assert.Equal((1, 1, 1), (activities.Services, activities.Attendances, activities.People));
        Assert.All(s.Kinds.Where(k => k.Kind is not (ServiceKind.GroupService or ServiceKind.CommunityActivity)), k => Assert.Equal(0, k.Services));
        // A counts once overall though served by two kinds, four times.
        Assert.Equal((4, 5, 2), (s.Services, s.Attendances, s.People));
        var community = Assert.Single(s.Children, c => c.AreaCode == place.Community);
        Assert.Equal((4, 5, 2), (community.Services, community.Attendances, community.People));

        // The records behind the figure.
        var records = await place.Worker.GetFromJsonAsync<Wushe.Platform.Outcomes.PageOf<ListServiceRecords.Row>>(
            $"/api/v1/service-records?area={place.Township}&kind=GroupService&from={start:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        Assert.Equal(3, records!.Total);
        Assert.All(records.Items, r => Assert.Equal(group, r.GroupId));
    }

    [Fact]
    public async Task The_period_includes_both_its_China_dates_and_is_checked()
    {
        var place = await GroupTests.NewPlaceAsync(app);
        var first = Today.AddDays(-9);
        var last = Today.AddDays(-2);
        var group = await GroupTests.CreateGroupAsync(place.Worker, place.Community, startsOn: first);
        await GroupTests.AddMembersAsync(place.Worker, group, place.Residents[0], place.Residents[1]);
        await GroupTests.RecordAsync(place.Worker, group, first, place.Residents[0]);
        await GroupTests.RecordAsync(place.Worker, group, last, place.Residents[1]);

        Assert.Equal((2, 2), Figures(await SummaryAsync(place.Worker, place.Community, first, last)));
        Assert.Equal((1, 1), Figures(await SummaryAsync(place.Worker, place.Community, first.AddDays(1), last)));
        Assert.Equal((1, 1), Figures(await SummaryAsync(place.Worker, place.Community, first, last.AddDays(-1))));
        Assert.Equal((0, 0), Figures(await SummaryAsync(place.Worker, place.Community, first.AddDays(1), last.AddDays(-1))));

        var reversed = await place.Worker.GetAsync($"/api/v1/service-records/summary?area={place.Community}&from={last:yyyy-MM-dd}&to={first:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("开始日期不能晚于结束日期", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await place.Worker.GetAsync($"/api/v1/service-records/summary?area={place.Community}&from=2019-01-01&to=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await place.Worker.GetAsync($"/api/v1/service-records/summary?from=2026-02-30")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await place.Worker.GetAsync($"/api/v1/service-records?from={last:yyyy-MM-dd}&to={first:yyyy-MM-dd}")).StatusCode);

        static (int, int) Figures(ServiceSummary.Summary s) => (s.Services, s.People);
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
            var s = await SummaryAsync(await app.CreateClientAsync(user), area, Today.AddYears(-1).AddDays(1), Today);
            Assert.True(s.People > 0, $"{area} shows nobody served");
            Assert.True(s.Kinds.Single(k => k.Kind is ServiceKind.GroupService).Services + s.Kinds.Single(k => k.Kind is ServiceKind.CommunityActivity).Services > 0);
        }
    }
}
