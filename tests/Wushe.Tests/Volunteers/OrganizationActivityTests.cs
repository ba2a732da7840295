using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Organizations;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Volunteers;

/// <summary>
/// Social organizations as organizers (issue 9: 组织方 = station, organization, team, community): their staff publish under the
/// organization's registered name, for a project it implements, keep the roster, the code and the attendance, answer for the records —
/// and see nothing of another organization's or a station's activities; a suspended organization publishes nothing.
/// </summary>
public sealed class OrganizationActivityTests(TestApp app)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    sealed record World(CaseworkWorld Care, Guid Organization, string OrganizationName, Guid Other, HttpClient Staff, HttpClient OtherStaff, HttpClient Worker,
        HttpClient Head, string StaffLogin, string OtherLogin) : IDisposable
    {
        public void Dispose()
        {
            Staff.Dispose();
            OtherStaff.Dispose();
            Worker.Dispose();
            Head.Dispose();
        }
    }

    async Task<World> WorldAsync(OrganizationStatus status = OrganizationStatus.Registered)
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var name = "银龄社工服务中心" + Guid.NewGuid().ToString("N")[..4];
        var organization = await TestOrganizations.CreateAsync(app, care.Township, name: name);
        var other = await TestOrganizations.CreateAsync(app, care.Township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, care.Township, organizationId: organization);
        var otherStaff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, care.Township, organizationId: other);
        if (status != OrganizationStatus.Registered)
            await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == organization).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, status)));
        return new World(care, organization, name, other, await app.CreateClientAsync(staff.UserName), await app.CreateClientAsync(otherStaff.UserName),
            await app.CreateClientAsync(care.Worker.UserName), await app.CreateClientAsync(care.Head.UserName), staff.UserName, otherStaff.UserName);
    }

    static DateTimeOffset Day(int days, int hour) => new(DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(days).AddHours(hour), China);

    static object Activity(World w, string organizerName = "随手写的单位", Guid? projectId = null, Guid? needId = null) => new
    {
        areaCode = w.Care.Community, title = "困境老人助餐服务", kind = "ElderlyAndDisabled", targetGroup = "独居老人", place = "社区长者食堂", organizerName,
        projectId, needId, cutoffHours = 0, shifts = new[] { new { name = "午餐班", startsAt = Day(2, 11), endsAt = Day(2, 13), capacity = 5 } },
    };

    /// <summary>A project the organization implements, approved by the station's head and started by the organization (issue 8's loop).</summary>
    static async Task<Guid> RunningProjectAsync(World w, Guid organization, HttpClient staff)
    {
        var design = new
        {
            areaCode = w.Care.Township, title = "银龄助餐关爱服务项目", focus = "ElderlyCare", targetGroups = "独居老人", summary = "助餐与上门探访",
            organizationId = organization, startOn = "2026-06-01", endOn = "2027-05-31", budgetYuan = 50000m,
            funding = new object[] { new { source = "CommunityFund", amountYuan = 50000m, note = "社区慈善基金" } },
            indicators = new object[] { new { name = "助餐服务", measure = "Times", kinds = new[] { "LifeCare" }, target = 100, unit = "次" } },
            needIds = Array.Empty<Guid>(),
        };
        var id = (await (await w.Worker.PostAsJsonAsync("/api/v1/projects", design)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await w.Head.PostAsJsonAsync($"/api/v1/projects/{id}/status", new { to = "Approved", note = "同意立项" })).Expect(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/v1/projects/{id}/status", new { to = "InProgress" })).Expect(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task An_organization_publishes_under_its_name_for_its_project_and_keeps_roster_code_and_attendance_that_another_organization_cannot_reach()
    {
        using var w = await WorldAsync();
        var project = await RunningProjectAsync(w, w.Organization, w.Staff);
        var othersProject = await RunningProjectAsync(w, w.Other, w.OtherStaff);

        // Another organization's project, or one that does not exist: refused on the field, nothing saved.
        var refused = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w, projectId: othersProject))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不是本机构承接的项目", refused.GetProperty("errors").GetProperty("projectId")[0].GetString());
        Assert.False(await app.Query(db => db.Set<Activity>().IgnoreQueryFilters().AnyAsync(a => a.OrganizationId == w.Organization)));

        var published = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w, projectId: project))).Expect(HttpStatusCode.Created);
        var activity = published.GetProperty("id").GetGuid();
        var shift = published.GetProperty("shifts")[0].GetGuid();
        var details = await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal(w.OrganizationName, details.GetProperty("organizerName").GetString());
        Assert.Equal(project, details.GetProperty("projectId").GetGuid());
        Assert.EndsWith("银龄助餐关爱服务项目", details.GetProperty("projectName").GetString());
        Assert.Equal(w.Organization, await app.Query(db => db.Set<Shift>().IgnoreQueryFilters().Where(s => s.Id == shift).Select(s => s.OrganizationId).SingleAsync()));

        // A volunteer signs up as for any activity; the sign-up is the organization's to keep.
        var volunteer = await TestVolunteers.JoinAsync(app, w.Care.Community, "助餐志愿者");
        using var phone = await TestVolunteers.ClientAsync(app, volunteer);
        var signUp = (await (await phone.PostAsync($"/api/v1/me/volunteer/shifts/{shift}/sign-up", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var roster = await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal("助餐志愿者", roster.GetProperty("shifts")[0].GetProperty("roster")[0].GetProperty("name").GetString());
        await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/shifts/{shift}/check-in")).Expect(HttpStatusCode.OK);

        // The organization's own list holds it; the other organization's holds none of it and reaches nothing of it by id.
        static async Task<List<Guid>> Listed(HttpClient c) => [.. (await (await c.GetAsync("/api/v1/volunteer-activities?size=100")).Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];
        Assert.Equal([activity], await Listed(w.Staff));
        Assert.Empty(await Listed(w.OtherStaff));
        await (await w.OtherStaff.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.NotFound);
        await (await w.OtherStaff.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}", new { title = "改名", kind = "Other", place = "别处", organizerName = "别的单位" })).Expect(HttpStatusCode.NotFound);
        await (await w.OtherStaff.PostAsJsonAsync($"/api/v1/volunteer-activities/{activity}/cancel", new { reason = "不是我们的" })).Expect(HttpStatusCode.NotFound);
        await (await w.OtherStaff.GetAsync($"/api/v1/volunteer-activities/shifts/{shift}/check-in")).Expect(HttpStatusCode.NotFound);
        await (await w.OtherStaff.PutAsJsonAsync($"/api/v1/volunteer-activities/shifts/{shift}/capacity", new { capacity = 1 })).Expect(HttpStatusCode.NotFound);
        await (await w.OtherStaff.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{signUp}/remove", new { reason = "试探" })).Expect(HttpStatusCode.NotFound);

        // The station sees it among its area's activities; the organization does not see the station's.
        Assert.Contains(activity, await Listed(w.Worker));
        var stations = (await (await w.Worker.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w, "街道社工站"))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.DoesNotContain(stations, await Listed(w.Staff));
        await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/{stations}")).Expect(HttpStatusCode.NotFound);
        // The station may correct the organization's activity, but not rename its organizer: it stays the registered name.
        var before = await (await w.Worker.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        await (await w.Worker.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}", new
        {
            title = "困境老人助餐服务", kind = "ElderlyAndDisabled", place = "社区长者食堂（东门）", organizerName = "街道社工站（改）",
            version = before.GetProperty("version").GetInt32(),
        })).Expect(HttpStatusCode.OK);
        var renamed = await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal((w.OrganizationName, "社区长者食堂（东门）"), (renamed.GetProperty("organizerName").GetString(), renamed.GetProperty("place").GetString()));

        // The shift is over: the organization confirms the attendance by hand; the record is its own, and only its own.
        // Whole minutes, as the form gives them (the stored instants keep no finer ticks than the database does).
        var now = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        await app.Query(db => db.Set<Shift>().IgnoreQueryFilters().Where(s => s.Id == shift)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, now.AddHours(-3)).SetProperty(x => x.EndsAt, now.AddHours(-1))));
        var attendance = new { checkedInAt = now.AddHours(-3), checkedOutAt = now.AddHours(-1), reason = "老人手机没电，未扫码" };
        await (await w.OtherStaff.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{signUp}/attendance", attendance)).Expect(HttpStatusCode.NotFound);
        var confirmed = await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{signUp}/attendance", attendance)).Expect(HttpStatusCode.OK);
        var record = confirmed.GetProperty("recordId").GetGuid();
        var held = await app.Query(db => db.Set<HourRecord>().IgnoreQueryFilters().SingleAsync(r => r.Id == record));
        Assert.Equal((w.Organization, w.OrganizationName, 120), (held.OrganizationId!.Value, held.OrganizerName, held.Minutes));

        static async Task<List<Guid>> Records(HttpClient c) => [.. (await (await c.GetAsync("/api/v1/volunteer-hours?size=100")).Expect(HttpStatusCode.OK))
            .GetProperty("records").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
        Assert.Equal([record], await Records(w.Staff));
        Assert.Empty(await Records(w.OtherStaff));
        await (await w.OtherStaff.GetAsync($"/api/v1/volunteer-hours/{record}")).Expect(HttpStatusCode.NotFound);
        // Asking for the records of the area's resident volunteers gives an organization no more than its own.
        Assert.Empty((await (await w.OtherStaff.GetAsync("/api/v1/volunteer-hours?of=Residents")).Expect(HttpStatusCode.OK)).GetProperty("records").GetProperty("items").EnumerateArray());
        await (await w.OtherStaff.PostAsJsonAsync($"/api/v1/volunteer-hours/{record}/correct", new { hours = 1, reason = "试探更正" })).Expect(HttpStatusCode.NotFound);
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-hours/{record}/correct", new { hours = 1.5m, reason = "实际服务一个半小时" })).Expect(HttpStatusCode.OK);
        Assert.Equal(w.Organization, await app.Query(db => db.Set<HourRecord>().IgnoreQueryFilters().Where(r => r.CorrectsId == record).Select(r => r.OrganizationId).SingleAsync()));
        Assert.Equal(2, (await Records(w.Staff)).Count);

        // What stays the station's and the register's: the volunteer register, back-filled honour hours, certificates, the credit record.
        await (await w.Staff.GetAsync("/api/v1/volunteers")).Expect(HttpStatusCode.Forbidden);
        await (await w.Staff.GetAsync($"/api/v1/volunteer-hours/credit/{volunteer.Id}")).Expect(HttpStatusCode.Forbidden);
        await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-hours/honour", new { volunteerNo = volunteer.VolunteerNo })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_suspended_organization_publishes_and_changes_nothing_but_still_reads_and_cancels_its_activities()
    {
        using var w = await WorldAsync();
        var published = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w))).Expect(HttpStatusCode.Created);
        var activity = published.GetProperty("id").GetGuid();
        var shift = published.GetProperty("shifts")[0].GetGuid();
        var volunteer = await TestVolunteers.JoinAsync(app, w.Care.Community, "报名志愿者");
        using var phone = await TestVolunteers.ClientAsync(app, volunteer);
        var signUp = (await (await phone.PostAsync($"/api/v1/me/volunteer/shifts/{shift}/sign-up", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == w.Organization).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, OrganizationStatus.Suspended)));

        // Places, removals and the check-in code are acting too: refused with the reason, nothing changed.
        await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-activities/shifts/{shift}/capacity", new { capacity = 8 })).Expect(HttpStatusCode.Conflict);
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{signUp}/remove", new { reason = "机构暂停" })).Expect(HttpStatusCode.Conflict);
        await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/shifts/{shift}/check-in")).Expect(HttpStatusCode.Conflict);
        Assert.Equal(SignUpStatus.Confirmed, await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().Where(x => x.Id == signUp).Select(x => x.Status).SingleAsync()));

        var refused = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("暂停活动或已注销", refused.GetProperty("title").GetString());
        Assert.Equal(1, await app.Query(db => db.Set<Activity>().IgnoreQueryFilters().CountAsync(a => a.OrganizationId == w.Organization)));
        var details = await (await w.Staff.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        await (await w.Staff.PutAsJsonAsync($"/api/v1/volunteer-activities/{activity}", new
        {
            title = "改个名字", kind = "ElderlyAndDisabled", place = "社区长者食堂", organizerName = "x", version = details.GetProperty("version").GetInt32(),
        })).Expect(HttpStatusCode.Conflict);
        // Cancelling tells the volunteers at once: a halted organization still owes them that.
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-activities/{activity}/cancel", new { reason = "机构暂停活动，活动取消" })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_shift_a_year_ahead_or_more_is_refused_and_cancelling_after_a_shift_began_keeps_its_attendance()
    {
        using var w = await WorldAsync();
        var far = new
        {
            areaCode = w.Care.Community, title = "远期活动", kind = "Other", place = "社区", organizerName = "街道社工站",
            shifts = new[] { new { name = "", startsAt = new DateTimeOffset(9999, 12, 31, 20, 0, 0, TimeSpan.Zero), endsAt = new DateTimeOffset(9999, 12, 31, 22, 0, 0, TimeSpan.Zero), capacity = 5 } },
        };
        var refused = await (await w.Worker.PostAsJsonAsync("/api/v1/volunteer-activities", far)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("366", refused.GetProperty("errors").GetProperty("shifts[0].startsAt")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await w.Worker.GetAsync("/api/v1/volunteer-activities")).StatusCode);

        // Two shifts; the first begins (moved into the past), then the activity is cancelled.
        var body = new
        {
            areaCode = w.Care.Community, title = "两班活动", kind = "Other", place = "社区", organizerName = "街道社工站", cutoffHours = 0,
            shifts = new[] { new { name = "第一班", startsAt = Day(2, 9), endsAt = Day(2, 11), capacity = 5 }, new { name = "第二班", startsAt = Day(3, 9), endsAt = Day(3, 11), capacity = 5 } },
        };
        var published = await (await w.Worker.PostAsJsonAsync("/api/v1/volunteer-activities", body)).Expect(HttpStatusCode.Created);
        var (first, second) = (published.GetProperty("shifts")[0].GetGuid(), published.GetProperty("shifts")[1].GetGuid());
        var volunteer = await TestVolunteers.JoinAsync(app, w.Care.Community, "两班志愿者");
        using var phone = await TestVolunteers.ClientAsync(app, volunteer);
        var took = (await (await phone.PostAsync($"/api/v1/me/volunteer/shifts/{first}/sign-up", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var later = (await (await phone.PostAsync($"/api/v1/me/volunteer/shifts/{second}/sign-up", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        await app.Query(db => db.Set<Shift>().IgnoreQueryFilters().Where(s => s.Id == first)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, now.AddHours(-1)).SetProperty(x => x.EndsAt, now.AddHours(1))));
        var cancelled = await (await w.Worker.PostAsJsonAsync($"/api/v1/volunteer-activities/{published.GetProperty("id").GetGuid()}/cancel", new { reason = "天气原因，后续班次取消" })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, cancelled.GetInt32());
        var statuses = await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().Where(x => x.Id == took || x.Id == later).ToDictionaryAsync(x => x.Id, x => x.Status));
        Assert.Equal((SignUpStatus.Confirmed, SignUpStatus.Cancelled), (statuses[took], statuses[later]));
    }

    [Fact]
    public async Task Organization_staff_open_the_activity_pages_with_the_organizer_fixed_and_without_the_register_links()
    {
        using var w = await WorldAsync();
        var activity = (await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-activities", Activity(w))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var session = await PageSession.SignInAsync(app, w.StaffLogin);
        var (_, list) = await session.GetAsync("/Volunteers/Activities");
        Assert.Contains("困境老人助餐服务", list);
        Assert.Contains("publish-activity", list);
        var (_, publish) = await session.GetAsync("/Volunteers/Activities/Publish");
        Assert.Contains($"value=\"{w.OrganizationName}\" readonly", publish);
        var (_, details) = await session.GetAsync($"/Volunteers/Activities/Details/{activity}");
        Assert.Contains(w.OrganizationName, details);
        Assert.Contains("edit-activity", details);
        var (_, hours) = await session.GetAsync("/Volunteers/Hours");
        Assert.DoesNotContain("hour-of", hours);
        Assert.DoesNotContain("add-honour", hours);
        using (var refused = await session.Client.GetAsync("/Volunteers/Hours/Honour"))
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var other = await PageSession.SignInAsync(app, w.OtherLogin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Volunteers/Activities/Details/{activity}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Volunteers/Activities/Edit/{activity}")).Status);
    }
}
