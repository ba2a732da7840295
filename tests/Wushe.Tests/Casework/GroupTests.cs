using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>
/// Groups and community activities over the API: a session writes the service record of its attendance in the same save,
/// a bad session saves nothing, and every route answers 404 outside the scope.
/// </summary>
public sealed class GroupTests(TestApp app)
{

    internal sealed record Place(string Township, string Community, HttpClient Worker, List<Guid> Residents);

    /// <summary>A township of its own with a community, four residents (two households), and a station worker of the township signed in.</summary>
    internal static async Task<Place> NewPlaceAsync(TestApp app)
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var township = community[..9] + "000";
        var a = await TestHouseholds.CreateAsync(app, community, members: [TestHouseholds.Head("张一"), TestHouseholds.Head("张二") with { Relation = Relation.Spouse }]);
        var b = await TestHouseholds.CreateAsync(app, community, members: [TestHouseholds.Head("李三"), TestHouseholds.Head("李四") with { Relation = Relation.Spouse }]);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        await RegisteredLongAgoAsync(app, a.Id, b.Id);
        return new Place(township, community, await app.CreateClientAsync(worker.UserName), [.. a.Members, .. b.Members]);
    }

    /// <summary>The households were registered two years ago: sessions of last year may count their members.</summary>
    internal static Task<int> RegisteredLongAgoAsync(TestApp app, params Guid[] households) =>
        app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => households.Contains(h.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.CreatedAt, DateTimeOffset.UtcNow.AddYears(-2))));

    internal static async Task<Guid> CreateGroupAsync(HttpClient client, string area, GroupKind kind = GroupKind.Group, DateOnly? startsOn = null, int planned = 6)
    {
        var response = await client.PostAsJsonAsync("/api/v1/groups",
            new SaveGroup.Request(area, kind, "长者互助小组", "健康与互助", "独居老人", planned, startsOn ?? ChinaTime.Today(TimeProvider.System).AddDays(-30)), Answers.JsonOptions);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SaveGroup.Saved>(Answers.JsonOptions))!.Id;
    }

    internal static async Task AddMembersAsync(HttpClient client, Guid group, params Guid[] residents)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/groups/{group}/members", new GroupMembers.AddRequest([.. residents]), Answers.JsonOptions);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid group, DateOnly heldOn, params Guid[] attendees) =>
        client.PostAsJsonAsync($"/api/v1/groups/{group}/sessions", new RecordGroupSession.Request(heldOn, "第一次活动", "记录", [.. attendees]), Answers.JsonOptions);

    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task A_session_writes_one_service_record_with_the_attendees_as_its_beneficiaries()
    {
        var place = await NewPlaceAsync(app);
        var group = await CreateGroupAsync(place.Worker, place.Community);
        await AddMembersAsync(place.Worker, group, place.Residents[0], place.Residents[1], place.Residents[2]);

        var response = await RecordAsync(place.Worker, group, Today.AddDays(-1), place.Residents[0], place.Residents[2]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<RecordGroupSession.Recorded>(Answers.JsonOptions))!;
        Assert.Equal(1, session.Number);

        var record = await app.Query(db => db.Set<ServiceRecord>().SingleAsync(r => r.Source == ServiceSource.GroupSession && r.SourceId == session.Id));
        Assert.Equal(ServiceKind.GroupService, record.Kind);
        Assert.Equal(Today.AddDays(-1), record.ServedOn);
        Assert.Equal(place.Community, record.AreaCode);
        Assert.Equal(2, record.People);
        var served = await app.Query(db => db.Set<ServiceBeneficiary>().Where(b => b.ServiceRecordId == record.Id).Select(b => b.ResidentId).ToListAsync());
        Assert.Equal(new[] { place.Residents[0], place.Residents[2] }.Order(), served.Order());
        Assert.Equal(1, await app.Query(db => db.Set<Group>().Where(g => g.Id == group).Select(g => g.SessionsHeld).SingleAsync()));
        // Recorded afterwards (补录) for members added today: they joined by the session they attended, no later.
        var joined = await app.Query(db => db.Set<GroupMember>().Where(m => m.GroupId == group).ToDictionaryAsync(m => m.ResidentId, m => m.JoinedOn));
        Assert.Equal(Today.AddDays(-1), joined[place.Residents[0]]);
        Assert.Equal(Today, joined[place.Residents[1]]);

        // The details show the session and each member's attendance.
        var details = (await place.Worker.GetFromJsonAsync<GetGroup.Details>($"/api/v1/groups/{group}", Answers.JsonOptions))!;
        Assert.Equal(2, Assert.Single(details.Sessions).Attendance);
        Assert.Equal(0, details.Members.Single(m => m.ResidentId == place.Residents[1]).Attended);
        Assert.DoesNotContain(details.Members, m => m.IdNumber is { Length: 18 } id && !id.Contains('*'));
    }

    [Fact]
    public async Task A_community_activity_takes_any_resident_in_scope_and_records_a_community_activity()
    {
        var place = await NewPlaceAsync(app);
        var activity = await CreateGroupAsync(place.Worker, place.Township, GroupKind.CommunityActivity, planned: 1);
        var response = await RecordAsync(place.Worker, activity, Today, place.Residents[1], place.Residents[3]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<RecordGroupSession.Recorded>(Answers.JsonOptions))!;
        var record = await app.Query(db => db.Set<ServiceRecord>().SingleAsync(r => r.SourceId == session.Id));
        Assert.Equal(ServiceKind.CommunityActivity, record.Kind);
        Assert.Equal(2, record.People);

        // Its one planned session is held: a second is refused and saves nothing.
        var again = await RecordAsync(place.Worker, activity, Today, place.Residents[1]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.Query(db => db.Set<GroupSession>().CountAsync(s => s.GroupId == activity)));
    }

    [Fact]
    public async Task A_bad_session_saves_nothing_and_names_the_field()
    {
        var place = await NewPlaceAsync(app);
        var group = await CreateGroupAsync(place.Worker, place.Community, startsOn: Today.AddDays(-10));
        await AddMembersAsync(place.Worker, group, place.Residents[0]);

        // A resident who is not a member.
        var nonMember = await RecordAsync(place.Worker, group, Today, place.Residents[0], place.Residents[1]);
        Assert.Equal(HttpStatusCode.BadRequest, nonMember.StatusCode);
        Assert.Contains("出席居民须为本小组成员", await nonMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Tomorrow in China.
        var future = await RecordAsync(place.Worker, group, Today.AddDays(1), place.Residents[0]);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("开展日期不能晚于今天", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Before the group started.
        var early = await RecordAsync(place.Worker, group, Today.AddDays(-11), place.Residents[0]);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("开展日期不能早于开始日期", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Nobody ticked.
        var empty = await RecordAsync(place.Worker, group, Today);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        Assert.Equal(0, await app.Query(db => db.Set<GroupSession>().CountAsync(s => s.GroupId == group)));
        Assert.Equal(0, await app.Query(db => db.Set<ServiceRecord>().CountAsync(r => r.AreaCode == place.Community)));
        Assert.Equal(0, await app.Query(db => db.Set<Group>().Where(g => g.Id == group).Select(g => g.SessionsHeld).SingleAsync()));
    }

    [Fact]
    public async Task A_group_checks_its_fields_and_a_finished_group_takes_nothing_more()
    {
        var place = await NewPlaceAsync(app);
        var bad = await place.Worker.PostAsJsonAsync("/api/v1/groups", new SaveGroup.Request(place.Township[..6] + "000000", GroupKind.Group, "x", "", null, 51, null), Answers.JsonOptions);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "areaCode", "title", "topic", "plannedSessions", "startsOn" }) Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);

        var group = await CreateGroupAsync(place.Worker, place.Community);
        await AddMembersAsync(place.Worker, group, place.Residents[0]);
        Assert.Equal(HttpStatusCode.OK, (await place.Worker.PostAsync($"/api/v1/groups/{group}/finish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RecordAsync(place.Worker, group, Today, place.Residents[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await place.Worker.PostAsJsonAsync($"/api/v1/groups/{group}/members", new GroupMembers.AddRequest([place.Residents[1]]), Answers.JsonOptions)).StatusCode);
        Assert.Equal(0, await app.Query(db => db.Set<ServiceRecord>().CountAsync(r => r.AreaCode == place.Community)));
    }

    [Fact]
    public async Task Members_are_residents_of_the_groups_area_found_by_name_or_ID_tail_and_masked()
    {
        var place = await NewPlaceAsync(app);
        var group = await CreateGroupAsync(place.Worker, place.Community);
        var elsewhere = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, place.Township, 2));
        var other = await TestHouseholds.CreateAsync(app);
        // Another community of the same township is under a community group's area? No: refused, and nothing saved.
        var refused = await place.Worker.PostAsJsonAsync($"/api/v1/groups/{group}/members", new GroupMembers.AddRequest([place.Residents[0], elsewhere.Members[0]]), Answers.JsonOptions);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await place.Worker.PostAsJsonAsync($"/api/v1/groups/{group}/members", new GroupMembers.AddRequest([other.Members[0]]), Answers.JsonOptions)).StatusCode);
        Assert.Equal(0, await app.Query(db => db.Set<GroupMember>().CountAsync(m => m.GroupId == group)));

        var tail = await app.Query(db => db.Set<Resident>().Where(r => r.Id == place.Residents[2]).Select(r => r.IdTail).SingleAsync());
        var byTail = (await place.Worker.GetFromJsonAsync<List<GroupMembers.Candidate>>($"/api/v1/groups/{group}/candidates?term={tail}", Answers.JsonOptions))!;
        var found = Assert.Single(byTail, c => c.Id == place.Residents[2]);
        Assert.Contains("*", found.IdNumber, StringComparison.Ordinal);
        var byName = (await place.Worker.GetFromJsonAsync<List<GroupMembers.Candidate>>($"/api/v1/groups/{group}/candidates?term=张", Answers.JsonOptions))!;
        Assert.Equal(2, byName.Count);
    }

    [Fact]
    public async Task Every_group_route_is_404_outside_the_scope_and_bureaus_only_view()
    {
        var place = await NewPlaceAsync(app);
        var group = await CreateGroupAsync(place.Worker, place.Community);
        await AddMembersAsync(place.Worker, group, place.Residents[0]);
        var stranger = await app.CreateClientAsync("shahe");
        var r = place.Residents[0];
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => stranger.GetAsync($"/api/v1/groups/{group}"),
            () => stranger.PutAsJsonAsync($"/api/v1/groups/{group}", new SaveGroup.Request(place.Community, GroupKind.Group, "改名", "主题内容", null, 6, Today), Answers.JsonOptions),
            () => stranger.PostAsJsonAsync($"/api/v1/groups/{group}/members", new GroupMembers.AddRequest([r]), Answers.JsonOptions),
            () => stranger.DeleteAsync($"/api/v1/groups/{group}/members/{r}"),
            () => stranger.GetAsync($"/api/v1/groups/{group}/candidates?term=张"),
            () => RecordAsync(stranger, group, Today, r),
            () => stranger.PostAsync($"/api/v1/groups/{group}/finish", null),
            () => stranger.GetAsync($"/api/v1/service-records/summary?area={place.Township}"),
        };
        foreach (var request in requests) Assert.Equal(HttpStatusCode.NotFound, (await request()).StatusCode);
        // The list filtered by that township is 404 as well; the stranger's own list does not hold it.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/groups?area={place.Township}")).StatusCode);
        Assert.DoesNotContain(group.ToString(), await stranger.GetStringAsync("/api/v1/groups"), StringComparison.Ordinal);
        // Nothing changed.
        Assert.Equal(GroupStatus.Open, await app.Query(db => db.Set<Group>().Where(g => g.Id == group).Select(g => g.Status).SingleAsync()));
        Assert.Equal(1, await app.Query(db => db.Set<GroupMember>().CountAsync(m => m.GroupId == group)));

        // The city bureau of 淮北 (the test county lies under it) views, and may not record.
        var bureau = await app.CreateClientAsync("huaibei");
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/groups/{group}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(bureau, group, Today, r)).StatusCode);
    }

    [Fact]
    public async Task Only_the_leading_worker_or_the_station_head_finishes_a_group()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var lead = await app.CreateClientAsync(w.Worker.UserName);
        var response = await lead.PostAsJsonAsync("/api/v1/groups",
            new SaveGroup.Request(w.Community, GroupKind.Group, "银龄手工坊", "剪纸与编织", "高龄老人", 6, Today.AddDays(-30), w.Worker.Id), Answers.JsonOptions);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var group = (await response.Content.ReadFromJsonAsync<SaveGroup.Saved>(Answers.JsonOptions))!.Id;
        // Another worker of the station and the community's staff: 403 naming who leads it; the group stays open.
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Community);
        foreach (var user in new[] { w.OtherWorker.UserName, staff.UserName })
            using (var r = await (await app.CreateClientAsync(user)).PostAsync($"/api/v1/groups/{group}/finish", null))
                Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(GroupStatus.Open, await app.Query(db => db.Set<Group>().Where(g => g.Id == group).Select(g => g.Status).FirstAsync()));
        // The page offers the button to the leading worker only, with the sessions held of those planned in the confirmation.
        var other = await app.CookieClientAsync(w.OtherWorker.UserName);
        Assert.DoesNotContain("finish-group", await other.GetStringAsync($"/Groups/Details/{group}"), StringComparison.Ordinal);
        var mine = await app.CookieClientAsync(w.Worker.UserName);
        Assert.Contains("已开展 0 / 计划 6 节", await mine.GetStringAsync($"/Groups/Details/{group}"), StringComparison.Ordinal);
        // The station head may.
        using (var r = await (await app.CreateClientAsync(w.Head.UserName)).PostAsync($"/api/v1/groups/{group}/finish", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }
}
