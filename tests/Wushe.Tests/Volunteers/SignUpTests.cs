using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>Activities, shifts and sign-ups: capacity never exceeded under concurrency, the waitlist, overlaps, cut-off, the organizer's changes.</summary>
public sealed class SignUpTests(TestApp app)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    sealed record World(string Community, HttpClient Organizer) : IDisposable
    {
        public void Dispose() => Organizer.Dispose();
    }

    async Task<World> ArrangeAsync()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        return new World(community, await app.CreateClientAsync(worker.UserName));
    }

    static DateTimeOffset Day(int days, int hour, int minute = 0) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(days).AddHours(hour).AddMinutes(minute), China);

    static async Task<(Guid Activity, List<Guid> Shifts)> PublishAsync(World w, params (DateTimeOffset Start, DateTimeOffset End, int Capacity)[] shifts)
    {
        var body = new
        {
            areaCode = w.Community, title = "敬老院陪伴活动", kind = "ElderlyAndDisabled", targetGroup = "敬老院老人", place = "市西街道敬老院", organizerName = "市西街道社工站",
            cutoffHours = 2, shifts = shifts.Select((s, i) => new { name = $"第{i + 1}班", startsAt = s.Start, endsAt = s.End, capacity = s.Capacity }).ToArray(),
        };
        var published = await (await w.Organizer.PostAsJsonAsync("/api/v1/volunteer-activities", body)).Expect(HttpStatusCode.Created);
        return (published.GetProperty("id").GetGuid(), published.GetProperty("shifts").EnumerateArray().Select(s => s.GetGuid()).ToList());
    }

    static Task<HttpResponseMessage> SignUp(HttpClient volunteer, Guid shift) => volunteer.PostAsync($"/api/v1/me/volunteer/shifts/{shift}/sign-up", null);

    [Fact]
    public async Task Five_volunteers_pressing_at_once_for_three_places_get_three_confirmed_and_two_waitlisted_and_a_cancel_promotes_the_first()
    {
        using var w = await ArrangeAsync();
        var (activity, shifts) = await PublishAsync(w, (Day(3, 9), Day(3, 11), 3));
        var volunteers = new List<HttpClient>();
        for (var i = 0; i < 5; i++) volunteers.Add(await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, $"抢报{i}")));
        var answers = await Task.WhenAll(volunteers.Select(v => SignUp(v, shifts[0])));
        var bodies = new List<JsonElement>();
        foreach (var a in answers) bodies.Add(await a.Expect(HttpStatusCode.Created));
        Assert.Equal(3, bodies.Count(b => b.GetProperty("status").GetString() == "Confirmed"));
        Assert.Equal(2, bodies.Count(b => b.GetProperty("status").GetString() == "Waitlisted"));
        Assert.Equal(3, await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().CountAsync(s => s.ShiftId == shifts[0] && s.Status == SignUpStatus.Confirmed)));

        // The same volunteer again: 409, nothing more.
        await (await SignUp(volunteers[0], shifts[0])).Expect(HttpStatusCode.Conflict);

        // A confirmed one cancels: the first on the waitlist (by the time of signing up) gets the place and sees it.
        var confirmedIndex = bodies.FindIndex(b => b.GetProperty("status").GetString() == "Confirmed");
        await (await volunteers[confirmedIndex].PostAsync($"/api/v1/me/volunteer/sign-ups/{bodies[confirmedIndex].GetProperty("id").GetGuid()}/cancel", null)).Expect(HttpStatusCode.OK);
        var waitlisted = await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.ShiftId == shifts[0] && s.PromotedAt != null).ToListAsync());
        var promoted = Assert.Single(waitlisted);
        var firstWaiting = bodies.Where(b => b.GetProperty("status").GetString() == "Waitlisted").Select(b => b.GetProperty("id").GetGuid())
            .OrderBy(id => id).ToList();
        Assert.Contains(promoted.Id, firstWaiting);
        Assert.Equal(3, await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().CountAsync(s => s.ShiftId == shifts[0] && s.Status == SignUpStatus.Confirmed)));
        var promotedClient = volunteers[bodies.FindIndex(b => b.GetProperty("id").GetGuid() == promoted.Id)];
        var mine = await (await promotedClient.GetAsync("/api/v1/me/volunteer/sign-ups")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("Confirmed", row.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("promotedAt").ValueKind);

        // Lowering the places below the confirmed is refused — nobody dropped silently; the organizer removes whom they choose, with a reason.
        var lower = await (await w.Organizer.PutAsJsonAsync($"/api/v1/volunteer-activities/shifts/{shifts[0]}/capacity", new { capacity = 2 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("已有 3 人确认报名", lower.GetProperty("title").GetString());
        var roster = await (await w.Organizer.GetAsync($"/api/v1/volunteer-activities/{activity}")).Expect(HttpStatusCode.OK);
        var someone = roster.GetProperty("shifts")[0].GetProperty("roster").EnumerateArray().First(p => p.GetProperty("status").GetString() == "Confirmed");
        await (await w.Organizer.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{someone.GetProperty("signUpId").GetGuid()}/remove", new { reason = "年龄不适合本岗位" })).Expect(HttpStatusCode.OK);
        // The place freed went to the last on the waitlist; now lower to 2 after another removal.
        var places = await (await w.Organizer.PutAsJsonAsync($"/api/v1/volunteer-activities/shifts/{shifts[0]}/capacity", new { capacity = 3 })).Expect(HttpStatusCode.OK);
        Assert.Equal(3, places.GetProperty("confirmed").GetInt32());
        Assert.Equal(0, places.GetProperty("waitlisted").GetInt32());
        var removed = await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().SingleAsync(s => s.Id == someone.GetProperty("signUpId").GetGuid()));
        Assert.Equal(SignUpStatus.Removed, removed.Status);
        Assert.Equal("年龄不适合本岗位", removed.Note);
        foreach (var v in volunteers) v.Dispose();
    }

    [Fact]
    public async Task Thirty_volunteers_at_once_for_ten_places_queue_in_memory_and_the_waitlist_numbers_run_one_to_twenty()
    {
        using var w = await ArrangeAsync();
        var (_, shifts) = await PublishAsync(w, (Day(6, 9), Day(6, 11), 10));
        var volunteers = new List<HttpClient>();
        for (var i = 0; i < 30; i++) volunteers.Add(await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, $"队列{i}")));
        // Each presses twice (a double tap): the second is refused, whichever batch it falls in.
        var answers = await Task.WhenAll(volunteers.SelectMany(v => new[] { SignUp(v, shifts[0]), SignUp(v, shifts[0]) }));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(30, created.Count);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var bodies = new List<JsonElement>();
        foreach (var a in created) bodies.Add(await a.Expect(HttpStatusCode.Created));
        Assert.Equal(10, bodies.Count(b => b.GetProperty("status").GetString() == "Confirmed"));
        Assert.Equal(Enumerable.Range(1, 20), bodies.Where(b => b.GetProperty("status").GetString() == "Waitlisted")
            .Select(b => b.GetProperty("waitlistPosition").GetInt32()).Order());
        Assert.Equal(10, await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().CountAsync(s => s.ShiftId == shifts[0] && s.Status == SignUpStatus.Confirmed)));
        Assert.Equal(30, await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.ShiftId == shifts[0]).Select(s => s.VolunteerId).Distinct().CountAsync()));
        // Each volunteer's page shows the position they were answered (the waitlist's order is the order they came in).
        var answered = bodies.ToDictionary(b => b.GetProperty("id").GetGuid(), b => b.GetProperty("waitlistPosition"));
        foreach (var v in volunteers)
        {
            var row = Assert.Single((await (await v.GetAsync("/api/v1/me/volunteer/sign-ups")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
            Assert.Equal(answered[row.GetProperty("id").GetGuid()].ToString(), row.GetProperty("waitlistPosition").ToString());
        }
        foreach (var v in volunteers) v.Dispose();
    }

    [Fact]
    public async Task Overlapping_shifts_are_refused_and_back_to_back_ones_allowed()
    {
        using var w = await ArrangeAsync();
        var (_, shifts) = await PublishAsync(w, (Day(4, 9), Day(4, 11), 10), (Day(4, 10, 30), Day(4, 12), 10), (Day(4, 11), Day(4, 13), 10));
        using var v = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community));
        await (await SignUp(v, shifts[0])).Expect(HttpStatusCode.Created);
        var clash = await (await SignUp(v, shifts[1])).Expect(HttpStatusCode.Conflict);
        Assert.Contains("时间冲突", clash.GetProperty("title").GetString());
        await (await SignUp(v, shifts[2])).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_volunteer_of_another_county_finds_no_such_shift_and_learns_nothing_of_it()
    {
        using var w = await ArrangeAsync();
        var (_, shifts) = await PublishAsync(w, (Day(7, 9), Day(7, 11), 10));
        // 七星关区 (520502), not the test county (340699) where the shift is held: the same 404 as an unknown shift, nothing saved.
        var elsewhere = await TestHouseholds.NewCommunityAsync(app, "520502001000", number: 977);
        using var v = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, elsewhere, "外县志愿者"));
        await (await SignUp(v, shifts[0])).Expect(HttpStatusCode.NotFound);
        await (await SignUp(v, Guid.CreateVersion7())).Expect(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().CountAsync(s => s.ShiftId == shifts[0])));
    }

    [Fact]
    public async Task Two_overlapping_sign_ups_of_one_volunteer_at_the_same_moment_save_one()
    {
        using var w = await ArrangeAsync();
        var (_, shifts) = await PublishAsync(w, (Day(5, 9), Day(5, 11), 10), (Day(5, 10), Day(5, 12), 10));
        using var v = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community));
        var answers = await Task.WhenAll(SignUp(v, shifts[0]), SignUp(v, shifts[1]), SignUp(v, shifts[0]));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Publishing_checks_every_shift_and_saves_nothing_when_one_is_wrong()
    {
        using var w = await ArrangeAsync();
        var body = new
        {
            areaCode = w.Community, title = "测试", kind = "CommunityService", place = "社区广场", organizerName = "社区", geofenceMeters = 500,
            shifts = new object[] { new { startsAt = Day(-1, 9), endsAt = Day(-1, 10), capacity = 5 }, new { startsAt = Day(2, 9), endsAt = Day(2, 8), capacity = 0 } },
        };
        var bad = await (await w.Organizer.PostAsJsonAsync("/api/v1/volunteer-activities", body)).Expect(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "shifts[0].startsAt", "shifts[1].endsAt", "shifts[1].capacity", "geofenceMeters" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.False(await app.Query(db => db.Set<Activity>().IgnoreQueryFilters().AnyAsync(a => a.AreaCode == w.Community)));
    }

    [Fact]
    public async Task Sign_ups_close_at_the_cut_off_and_a_cancelled_activity_tells_its_volunteers_why()
    {
        using var w = await ArrangeAsync();
        var soon = DateTimeOffset.UtcNow.AddMinutes(90);
        var (activity, shifts) = await PublishAsync(w, (soon, soon.AddHours(2), 5), (Day(6, 9), Day(6, 11), 5));
        using var v = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community));
        var closed = await (await SignUp(v, shifts[0])).Expect(HttpStatusCode.Conflict);
        Assert.Contains("截止", closed.GetProperty("title").GetString());
        await (await SignUp(v, shifts[1])).Expect(HttpStatusCode.Created);
        var browse = await (await v.GetAsync("/api/v1/me/volunteer/activities")).Expect(HttpStatusCode.OK);
        var open = Assert.Single(browse.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == activity);
        Assert.Equal(shifts[1], Assert.Single(open.GetProperty("shifts").EnumerateArray()).GetProperty("id").GetGuid());

        Assert.Equal(1, (await (await w.Organizer.PostAsJsonAsync($"/api/v1/volunteer-activities/{activity}/cancel", new { reason = "暴雨预警" })).Expect(HttpStatusCode.OK)).GetInt32());
        var mine = await (await v.GetAsync("/api/v1/me/volunteer/sign-ups")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("Cancelled", row.GetProperty("status").GetString());
        Assert.Equal("活动已取消：暴雨预警", row.GetProperty("note").GetString());
        await (await SignUp(v, shifts[1])).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Suspending_a_volunteer_frees_their_places_for_the_waitlist_and_tells_them_why()
    {
        using var w = await ArrangeAsync();
        var (_, shifts) = await PublishAsync(w, (Day(7, 9), Day(7, 11), 1));
        var first = await TestVolunteers.JoinAsync(app, w.Community, "先报者");
        using var firstClient = await TestVolunteers.ClientAsync(app, first);
        using var second = await TestVolunteers.ClientAsync(app, await TestVolunteers.JoinAsync(app, w.Community, "候补者"));
        Assert.Equal("Confirmed", (await (await SignUp(firstClient, shifts[0])).Expect(HttpStatusCode.Created)).GetProperty("status").GetString());
        Assert.Equal("Waitlisted", (await (await SignUp(second, shifts[0])).Expect(HttpStatusCode.Created)).GetProperty("status").GetString());

        await (await w.Organizer.PostAsJsonAsync($"/api/v1/volunteers/{first.Id}/status", new { status = "Suspended", reason = "外出务工半年" })).Expect(HttpStatusCode.OK);
        var mine = await (await firstClient.GetAsync("/api/v1/me/volunteer/sign-ups")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("Cancelled", row.GetProperty("status").GetString());
        Assert.Contains("外出务工半年", row.GetProperty("note").GetString());
        var theirs = Assert.Single((await (await second.GetAsync("/api/v1/me/volunteer/sign-ups")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal("Confirmed", theirs.GetProperty("status").GetString());
        // Suspended, they sign up for nothing.
        await (await SignUp(firstClient, shifts[0])).Expect(HttpStatusCode.Conflict);
    }
}
