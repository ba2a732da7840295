using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Teams;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>Volunteer teams (志愿服务队): creation rules, applications and their review (by staff and by a team's own leader), leaving and removal, team-only activities, editing an activity.</summary>
public sealed class TeamTests(TestApp app)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    sealed record World(string Township, string Community, HttpClient Staff) : IDisposable
    {
        public void Dispose() => Staff.Dispose();
    }

    async Task<World> ArrangeAsync()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        return new World(community[..9] + "000", community, await app.CreateClientAsync(worker.UserName));
    }

    static async Task<Guid> CreateTeamAsync(World w, string name, string owner = "Station")
    {
        var body = new { ownerKind = owner, areaCode = owner == "Station" ? w.Township : w.Community, name, brand = "红马甲", kind = "CommunityService", foundedOn = "2024-03-05", description = "助老巡访" };
        return (await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-teams", body)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    static async Task<Guid> AddMemberAsync(World w, Guid team, Guid volunteer, string role = "Member") =>
        (await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/{team}/members", new { volunteerId = volunteer, role })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    static async Task<Guid> ApplyAsync(HttpClient volunteer, Guid team) =>
        (await (await volunteer.PostAsync($"/api/v1/me/volunteer/teams/{team}/apply", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    static async Task<JsonElement> MineAsync(HttpClient volunteer, Guid team) =>
        (await (await volunteer.GetAsync("/api/v1/me/volunteer/teams/mine")).Expect(HttpStatusCode.OK)).EnumerateArray().First(m => m.GetProperty("teamId").GetGuid() == team);

    static DateTimeOffset Day(int days, int hour) => new(DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(days).AddHours(hour), China);

    static object Activity(World w, string openTo = "All", Guid[]? teams = null) => new
    {
        areaCode = w.Community, title = "队伍专场助老活动", kind = "ElderlyAndDisabled", place = "社区养老服务站", organizerName = "街道社工站", cutoffHours = 2, openTo, teamIds = teams ?? [],
        shifts = new[] { new { name = "上午班", startsAt = Day(3, 9), endsAt = Day(3, 11), capacity = 5 } },
    };

    [Fact]
    public async Task A_team_is_checked_on_creation_unique_in_its_area_listed_exported_and_hidden_out_of_scope()
    {
        using var w = await ArrangeAsync();
        var empty = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-teams", new { })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "kind", "ownerKind", "foundedOn" }) Assert.True(empty.GetProperty("errors").TryGetProperty(field, out _), field);
        // A station's team belongs to the township, not to a community; a date in the future is refused.
        var wrongLevel = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-teams",
            new { ownerKind = "Station", areaCode = w.Community, name = "测试队", kind = "Health", foundedOn = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") })).Expect(HttpStatusCode.BadRequest);
        Assert.True(wrongLevel.GetProperty("errors").TryGetProperty("areaCode", out _));
        Assert.True(wrongLevel.GetProperty("errors").TryGetProperty("foundedOn", out _));
        var other = await Places.NewTownshipAsync(app);
        var outside = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-teams", new { ownerKind = "Station", areaCode = other, name = "越界队", kind = "Health", foundedOn = "2024-01-01" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("areaCode", out _));

        var team = await CreateTeamAsync(w, "红马甲志愿服务队");
        var duplicate = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-teams", new { ownerKind = "Station", areaCode = w.Township, name = "红马甲志愿服务队", kind = "Health", foundedOn = "2024-01-01" }))
            .Expect(HttpStatusCode.Conflict);
        Assert.True(duplicate.GetProperty("errors").TryGetProperty("name", out _));
        // The same name in a community of the township is another area: allowed.
        await CreateTeamAsync(w, "红马甲志愿服务队", "Community");
        Assert.Equal(1, await app.Query(db => db.Set<Team>().IgnoreQueryFilters().CountAsync(t => t.AreaCode == w.Township)));

        var list = await (await w.Staff.GetAsync($"/api/v1/volunteer-teams?area={w.Township}&keyword=红马甲&ownerKind=Station&sort=name")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(team, row.GetProperty("id").GetGuid());
        var export = await w.Staff.GetAsync($"/api/v1/volunteer-teams/export?area={w.Township}&keyword=红马甲");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);

        var edited = await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-teams/{team}", new { name = "文汇红马甲志愿服务队", brand = "红马甲", kind = "CommunityService", foundedOn = "2024-03-05", version = 0 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, edited.GetProperty("version").GetInt32());
        await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-teams/{team}", new { name = "再改", kind = "CommunityService", foundedOn = "2024-03-05", version = 0 })).Expect(HttpStatusCode.Conflict);

        // Another township's worker does not see it.
        var stranger = await TestUsers.CreateAsync(app, Role.StationWorker, other);
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        await (await strangerClient.GetAsync($"/api/v1/volunteer-teams/{team}")).Expect(HttpStatusCode.NotFound);
        await (await strangerClient.PostAsJsonAsync($"/api/v1/volunteer-teams/{team}/dissolve", new { reason = "越界解散" })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_volunteer_applies_is_approved_leaves_and_reads_why_they_were_declined_or_removed()
    {
        using var w = await ArrangeAsync();
        var team = await CreateTeamAsync(w, "夕阳红志愿服务队");
        var made = await TestVolunteers.JoinAsync(app, w.Community, "申请人");
        using var v = await TestVolunteers.ClientAsync(app, made);

        var near = await (await v.GetAsync("/api/v1/me/volunteer/teams?keyword=夕阳红")).Expect(HttpStatusCode.OK);
        Assert.Contains(near.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == team);
        var application = await ApplyAsync(v, team);
        await (await v.PostAsync($"/api/v1/me/volunteer/teams/{team}/apply", null)).Expect(HttpStatusCode.Conflict);
        Assert.Equal("Pending", (await MineAsync(v, team)).GetProperty("status").GetString());

        var approved = await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/review", new { approve = true })).Expect(HttpStatusCode.OK);
        Assert.Equal("Active", approved.GetProperty("status").GetString());
        await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/role", new { role = "Leader" })).Expect(HttpStatusCode.OK);
        var details = await (await w.Staff.GetAsync($"/api/v1/volunteer-teams/{team}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, details.GetProperty("figures").GetProperty("members").GetInt32());
        // No hour records yet: the members' final hours this year are 0.
        Assert.Equal(0, details.GetProperty("figures").GetProperty("hoursThisYearMinutes").GetInt32());
        var member = Assert.Single(details.GetProperty("members").EnumerateArray());
        Assert.Contains("****", member.GetProperty("phone").GetString());

        // Removed with a reason: the volunteer reads it; the role goes with the membership.
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/remove", new { reason = "x" })).Expect(HttpStatusCode.BadRequest);
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/remove", new { reason = "连续三个月未参加活动" })).Expect(HttpStatusCode.OK);
        var removed = await MineAsync(v, team);
        Assert.Equal("Removed", removed.GetProperty("status").GetString());
        Assert.Equal("连续三个月未参加活动", removed.GetProperty("reason").GetString());
        await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/role", new { role = "Leader" })).Expect(HttpStatusCode.Conflict);

        // Applies again and withdraws; applies again and is declined with a reason.
        var second = await ApplyAsync(v, team);
        await (await v.PostAsync($"/api/v1/me/volunteer/teams/memberships/{second}/leave", null)).Expect(HttpStatusCode.OK);
        await (await v.PostAsync($"/api/v1/me/volunteer/teams/memberships/{second}/leave", null)).Expect(HttpStatusCode.Conflict);
        var third = await ApplyAsync(v, team);
        var noReason = await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{third}/review", new { approve = false })).Expect(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{third}/review", new { approve = false, reason = "本队暂不招募新队员" })).Expect(HttpStatusCode.OK);
        var declined = (await (await v.GetAsync("/api/v1/me/volunteer/teams/mine")).Expect(HttpStatusCode.OK)).EnumerateArray().First(m => m.GetProperty("id").GetGuid() == third);
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        Assert.Equal("本队暂不招募新队员", declined.GetProperty("reason").GetString());

        // Another volunteer cannot leave for them.
        using var someone = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, "旁人"));
        var fourth = await ApplyAsync(v, team);
        await (await someone.PostAsync($"/api/v1/me/volunteer/teams/memberships/{fourth}/leave", null)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_leader_approves_applications_of_their_own_team_only()
    {
        using var w = await ArrangeAsync();
        var mine = await CreateTeamAsync(w, "青春志愿服务队");
        var other = await CreateTeamAsync(w, "银龄志愿服务队");
        var leader = await TestVolunteers.JoinAsync(app, w.Community, "队长");
        await AddMemberAsync(w, mine, leader.Id, "Leader");
        using var leaderClient = await TestVolunteers.ClientAsync(app, leader);
        using var applicant = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, "新队员"));
        var toMine = await ApplyAsync(applicant, mine);
        var toOther = await ApplyAsync(applicant, other);

        Assert.Equal(1, (await MineAsync(leaderClient, mine)).GetProperty("pendingApplications").GetInt32());
        var roster = await (await leaderClient.GetAsync($"/api/v1/me/volunteer/teams/{mine}/roster")).Expect(HttpStatusCode.OK);
        Assert.Equal(toMine, Assert.Single(roster.GetProperty("applications").EnumerateArray()).GetProperty("memberId").GetGuid());
        await (await leaderClient.GetAsync($"/api/v1/me/volunteer/teams/{other}/roster")).Expect(HttpStatusCode.NotFound);
        await (await leaderClient.PostAsJsonAsync($"/api/v1/me/volunteer/teams/applications/{toOther}/review", new { approve = true })).Expect(HttpStatusCode.NotFound);
        await (await leaderClient.PostAsJsonAsync($"/api/v1/me/volunteer/teams/applications/{toMine}/review", new { approve = true })).Expect(HttpStatusCode.OK);
        Assert.Equal(MembershipStatus.Pending, await app.Query(db => db.Set<TeamMember>().IgnoreQueryFilters().Where(m => m.Id == toOther).Select(m => m.Status).SingleAsync()));
        var decided = await app.Query(db => db.Set<TeamMember>().IgnoreQueryFilters().SingleAsync(m => m.Id == toMine));
        Assert.Equal(MembershipStatus.Active, decided.Status);
        Assert.Contains("队长", decided.DecidedByName);
        // A plain member is no leader: 404 for them too.
        await (await applicant.GetAsync($"/api/v1/me/volunteer/teams/{mine}/roster")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_approvals_of_one_application_at_the_same_moment_make_one_membership()
    {
        using var w = await ArrangeAsync();
        var team = await CreateTeamAsync(w, "并发审核队");
        var leader = await TestVolunteers.JoinAsync(app, w.Community, "并发队长");
        await AddMemberAsync(w, team, leader.Id, "Leader");
        using var leaderClient = await TestVolunteers.ClientAsync(app, leader);
        using var v = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, "并发申请人"));
        var application = await ApplyAsync(v, team);
        var answers = await Task.WhenAll(
            w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/review", new { approve = true }),
            w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/review", new { approve = true }),
            leaderClient.PostAsJsonAsync($"/api/v1/me/volunteer/teams/applications/{application}/review", new { approve = true }),
            w.Staff.PostAsJsonAsync($"/api/v1/volunteer-teams/members/{application}/review", new { approve = false, reason = "同时拒绝" }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var decisions = await app.Query(db => db.AuditRecords.AsNoTracking().CountAsync(a => a.Entity == nameof(TeamMember) && a.EntityKey == application.ToString() && (a.Action == AuditAction.Update || a.Action == AuditAction.StateChange)));
        Assert.Equal(1, decisions);
        // Three applications of one volunteer to another team at once: one saved.
        var second = await CreateTeamAsync(w, "并发申请队");
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => v.PostAsync($"/api/v1/me/volunteer/teams/{second}/apply", null)));
        Assert.Single(again, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(again.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await app.Query(db => db.Set<TeamMember>().IgnoreQueryFilters().CountAsync(m => m.TeamId == second)));
    }

    [Fact]
    public async Task A_team_only_activity_takes_sign_ups_from_its_members_only()
    {
        using var w = await ArrangeAsync();
        var team = await CreateTeamAsync(w, "专场志愿服务队");
        var memberMade = await TestVolunteers.JoinAsync(app, w.Community, "队员甲");
        await AddMemberAsync(w, team, memberMade.Id);
        using var member = await TestVolunteers.ClientAsync(app, memberMade);
        using var outsider = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, "非队员"));

        var none = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w, "ChosenTeams"))).Expect(HttpStatusCode.BadRequest);
        Assert.True(none.GetProperty("errors").TryGetProperty("teamIds", out _));
        var published = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w, "ChosenTeams", [team]))).Expect(HttpStatusCode.Created);
        var activity = published.GetProperty("id").GetGuid();
        var shift = published.GetProperty("shifts")[0].GetGuid();

        var refused = await (await outsider.PostAsync($"/api/v1/me/volunteer/shifts/{shift}/sign-up", null)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("专场志愿服务队", refused.GetProperty("title").GetString());
        var outsiderBrowse = await (await outsider.GetAsync("/api/v1/me/volunteer/activities")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(outsiderBrowse.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == activity);
        var memberBrowse = await (await member.GetAsync("/api/v1/me/volunteer/activities")).Expect(HttpStatusCode.OK);
        var seen = memberBrowse.GetProperty("items").EnumerateArray().First(a => a.GetProperty("id").GetGuid() == activity);
        Assert.Equal("专场志愿服务队", Assert.Single(seen.GetProperty("teams").EnumerateArray()).GetString());
        await (await member.PostAsync($"/api/v1/me/volunteer/shifts/{shift}/sign-up", null)).Expect(HttpStatusCode.Created);

        var details = await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal("ChosenTeams", details.GetProperty("openTo").GetString());
        Assert.Equal(team, Assert.Single(details.GetProperty("teams").EnumerateArray()).GetProperty("id").GetGuid());
        var figures = (await (await w.Staff.GetAsync($"/api/v1/volunteer-teams/{team}")).Expect(HttpStatusCode.OK)).GetProperty("figures");
        Assert.Equal(1, figures.GetProperty("activitiesThisYear").GetInt32());

        // A team of another township is not the organizer's to choose.
        using var w2 = await ArrangeAsync();
        var foreign = await CreateTeamAsync(w2, "外镇队");
        var wrong = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w, "ChosenTeams", [foreign]))).Expect(HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("teamIds", out _));
    }

    [Fact]
    public async Task Editing_an_activity_validates_its_fields_is_audited_and_is_404_out_of_scope()
    {
        using var w = await ArrangeAsync();
        var team = await CreateTeamAsync(w, "编辑测试队");
        var published = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w))).Expect(HttpStatusCode.Created);
        var activity = published.GetProperty("id").GetGuid();
        var body = new
        {
            title = "队伍专场助老活动（改期通知）", kind = "ElderlyAndDisabled", place = "社区养老服务站二楼", organizerName = "街道社工站", cutoffHours = 4,
            latitude = 37.45, longitude = 118.49, geofenceMeters = 300, openTo = "ChosenTeams", teamIds = new[] { team }, version = 0,
        };
        var bad = await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}", body with { })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, bad.GetInt32());
        var invalid = await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}",
            new { title = "", kind = "ElderlyAndDisabled", place = "x", organizerName = "街道社工站", geofenceMeters = 300, version = 1 })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "place", "geofenceMeters" }) Assert.True(invalid.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}", body)).Expect(HttpStatusCode.Conflict);

        var saved = await app.Query(db => db.Set<Activity>().IgnoreQueryFilters().SingleAsync(a => a.Id == activity));
        Assert.Equal("社区养老服务站二楼", saved.Place);
        Assert.Equal(ActivityOpenTo.ChosenTeams, saved.OpenTo);
        Assert.Equal(4, saved.CutoffHours);
        Assert.Equal(1, await app.Query(db => db.Set<ActivityTeam>().IgnoreQueryFilters().CountAsync(t => t.ActivityId == activity && t.TeamId == team)));
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(Activity) && a.EntityKey == activity.ToString() && a.Action == AuditAction.Update).ToListAsync());
        var update = Assert.Single(audit);
        Assert.Contains("Place", update.Fields);
        Assert.Equal(w.Community, update.AreaCode);

        var stranger = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        await (await strangerClient.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}", body with { version = 1 })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pages_create_a_team_add_a_member_and_show_it_to_the_volunteer_and_edit_an_activity()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var township = community[..9] + "000";
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        using var staff = new PageSession(await app.CookieClientAsync(worker.UserName));
        var fields = new Dictionary<string, string>
        {
            ["Input.OwnerKind"] = "Station", ["Input.AreaCode"] = township, ["Input.Name"] = "", ["Input.Brand"] = "红马甲", ["Input.Kind"] = "CommunityService", ["Input.FoundedOn"] = "2024-02-30",
        };
        using var bad = await staff.PostFormAsync("/Volunteers/Teams/Edit", fields, "/Volunteers/Teams/Edit");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("红马甲", badHtml);
        Assert.False(await app.Query(db => db.Set<Team>().IgnoreQueryFilters().AnyAsync(t => t.AreaCode == township)));
        fields["Input.Name"] = "页面红马甲志愿服务队";
        fields["Input.FoundedOn"] = "2024-02-28";
        using var ok = await staff.PostFormAsync("/Volunteers/Teams/Edit", fields, "/Volunteers/Teams/Edit");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var details = ok.Headers.Location!.ToString();
        var made = await TestVolunteers.JoinAsync(app, community, "页面队员");
        using var added = await staff.PostFormAsync(details + "?handler=Add", new() { ["Add.VolunteerNo"] = made.VolunteerNo, ["Add.Role"] = "Leader" }, details);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (status, html) = await staff.GetAsync(details);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("页面队员", html);
        Assert.Contains("本年服务时长", html);
        var (listStatus, list) = await staff.GetAsync($"/Volunteers/Teams?area={township}&keyword=页面");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("页面红马甲志愿服务队", list);
        var (editStatus, _) = await staff.GetAsync("/Volunteers/Teams/Edit?id=" + details.Split('/')[^1]);
        Assert.Equal(HttpStatusCode.OK, editStatus);

        var (publishStatus, publish) = await staff.GetAsync("/Volunteers/Activities/Publish");
        Assert.Equal(HttpStatusCode.OK, publishStatus);
        Assert.Contains("页面红马甲志愿服务队", publish);
        var world = new World(township, community, await app.CreateClientAsync(worker.UserName));
        using var _w = world;
        var activity = (await (await world.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(world))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (activityEdit, editPage) = await staff.GetAsync($"/Volunteers/Activities/Edit/{activity}");
        Assert.Equal(HttpStatusCode.OK, activityEdit);
        Assert.Contains("队伍专场助老活动", editPage);
        var (activityDetails, detailsPage) = await staff.GetAsync($"/Volunteers/Activities/Details/{activity}");
        Assert.Equal(HttpStatusCode.OK, activityDetails);
        Assert.Contains("edit-activity", detailsPage);

        using var volunteer = new PageSession(await app.CookieClientAsync(made.Phone, TestVolunteers.Password));
        var (mineStatus, mine) = await volunteer.GetAsync("/Volunteers/Teams/Mine");
        Assert.Equal(HttpStatusCode.OK, mineStatus);
        Assert.Contains("页面红马甲志愿服务队", mine);
        Assert.Contains("我带领的队伍", mine);
    }
}
