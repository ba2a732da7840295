using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Volunteers;

/// <summary>
/// Check-in and out by the rotating code (expiry, reuse, forgery, geofence), hours by the rules (minimum attendance, rounding, the day's cap),
/// the posting period and disputes, corrections as new records, back-filled hours — through the real app, on SQLite and PostgreSQL.
/// </summary>
public sealed class HourRecordTests(TestApp app)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    sealed record World(string Community, HttpClient Organizer, TestVolunteers.Made Volunteer, HttpClient Phone, Guid Activity, Guid Shift, Guid SignUp) : IDisposable
    {
        public void Dispose()
        {
            Organizer.Dispose();
            Phone.Dispose();
        }
    }

    CheckInCodes Codes => app.Services.GetRequiredService<CheckInCodes>();

    /// <summary>An activity with one shift the volunteer holds, then moved (in the database) to [start, end] around now.</summary>
    async Task<World> ArrangeAsync(TimeSpan start, TimeSpan end, double? latitude = null, double? longitude = null, int? fence = null)
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        var organizer = await app.CreateClientAsync(worker.UserName);
        var tomorrow = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(2).AddHours(9), China);
        var body = new
        {
            areaCode = community, title = "社区助老服务", kind = "ElderlyAndDisabled", targetGroup = "高龄老人", place = "社区日间照料中心", organizerName = "社区居委会",
            latitude, longitude, geofenceMeters = fence, cutoffHours = 0,
            shifts = new[] { new { name = "上午班", startsAt = tomorrow, endsAt = tomorrow.AddHours(2), capacity = 5 } },
        };
        var published = await (await organizer.PostAsJsonAsync("/api/v1/volunteer-activities", body)).Expect(HttpStatusCode.Created);
        var activity = published.GetProperty("id").GetGuid();
        var shift = published.GetProperty("shifts")[0].GetGuid();
        var volunteer = await TestVolunteers.JoinAsync(app, community, "签到志愿者");
        var phone = await TestVolunteers.ClientAsync(app, volunteer);
        var signUp = (await (await phone.PostAsync($"/api/v1/me/volunteer/shifts/{shift}/sign-up", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        await MoveShiftAsync(shift, now + start, now + end);
        return new World(community, organizer, volunteer, phone, activity, shift, signUp);
    }

    async Task MoveShiftAsync(Guid shift, DateTimeOffset start, DateTimeOffset end) => await app.Query(db => db.Set<Shift>().IgnoreQueryFilters().Where(s => s.Id == shift)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, start).SetProperty(x => x.EndsAt, end)));

    static Task<HttpResponseMessage> Scan(HttpClient phone, string code, double? lat = null, double? lon = null) =>
        phone.PostAsJsonAsync("/api/v1/me/volunteer/attendance", new { code, latitude = lat, longitude = lon });

    Task<List<HourRecord>> RecordsAsync(Guid volunteer) => app.Query(db => db.Set<HourRecord>().IgnoreQueryFilters().Where(r => r.VolunteerId == volunteer).OrderBy(r => r.RecordedAt).ToListAsync());

    [Fact]
    public async Task A_scan_checks_in_the_same_code_does_not_check_out_and_forged_expired_or_other_shift_codes_are_refused()
    {
        using var w = await ArrangeAsync(TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(110));
        var now = DateTimeOffset.UtcNow;

        // Expired (three minutes old), another shift's, typed wrong: 400 with the reason, nothing saved.
        var expired = await (await Scan(w.Phone, Codes.Token(w.Shift, now.AddMinutes(-3)))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("过期", expired.GetRawText());
        await (await Scan(w.Phone, Codes.Token(Guid.NewGuid(), now))).Expect(HttpStatusCode.BadRequest);
        await (await Scan(w.Phone, "not-a-code")).Expect(HttpStatusCode.BadRequest);
        await (await Scan(w.Phone, "")).Expect(HttpStatusCode.BadRequest);
        var untouched = await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().SingleAsync(s => s.Id == w.SignUp));
        Assert.Null(untouched.CheckedInAt);

        // The six digits of this minute check in.
        var checkedIn = await (await Scan(w.Phone, Codes.Code(w.Shift, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        Assert.Equal("CheckedIn", checkedIn.GetProperty("action").GetString());
        var signUp = await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().SingleAsync(s => s.Id == w.SignUp));
        Assert.NotNull(signUp.CheckedInAt);

        // The same code again does not check out (a photo of one screen is not two scans).
        var reuse = await (await Scan(w.Phone, Codes.Token(w.Shift, signUp.CheckedInAt!.Value))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("用过", reuse.GetRawText());
        Assert.Null((await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().SingleAsync(s => s.Id == w.SignUp))).CheckedOutAt);

        // Another volunteer's phone (no sign-up) cannot use the code: no shift open for them.
        var stranger = await TestVolunteers.JoinAsync(app, w.Community, "路人");
        using var strangerPhone = await TestVolunteers.ClientAsync(app, stranger);
        await (await Scan(strangerPhone, Codes.Code(w.Shift, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_geofence_refuses_a_position_far_away_or_none_and_accepts_one_inside()
    {
        // 文汇街道 area; the fence is 500 m around the place.
        using var w = await ArrangeAsync(TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(60), 37.4340, 118.6750, 500);
        var code = Codes.Code(w.Shift, DateTimeOffset.UtcNow);
        await (await Scan(w.Phone, code)).Expect(HttpStatusCode.BadRequest);
        var far = await (await Scan(w.Phone, code, 37.5340, 118.6750)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Object, far.GetProperty("errors").ValueKind);
        Assert.Null((await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().SingleAsync(s => s.Id == w.SignUp))).CheckedInAt);
        await (await Scan(w.Phone, Codes.Code(w.Shift, DateTimeOffset.UtcNow), 37.4345, 118.6752)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_check_out_posts_the_hours_inside_the_shift_and_two_check_outs_at_once_post_one_record()
    {
        using var w = await ArrangeAsync(TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(110));
        await (await Scan(w.Phone, Codes.Code(w.Shift, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        // Two hours ago the shift began and the volunteer arrived; it ended five minutes ago (check-out stays open an hour).
        var now = DateTimeOffset.UtcNow;
        var start = now.AddMinutes(-125);
        await MoveShiftAsync(w.Shift, start, now.AddMinutes(-5));
        await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.Id == w.SignUp)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedInAt, start.AddMinutes(-20)).SetProperty(x => x.CheckInMinute, CheckInCodes.UnixMinute(start) - 20)));

        var code = Codes.Code(w.Shift, DateTimeOffset.UtcNow);
        var answers = await Task.WhenAll(Scan(w.Phone, code), Scan(w.Phone, code));
        var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, ok);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var record = Assert.Single(await RecordsAsync(w.Volunteer.Id));
        // Arriving early earns nothing: only the 120 minutes of the shift count, in 30-minute units.
        Assert.Equal(120, record.Minutes);
        Assert.Equal(HourRecordKind.Attendance, record.Kind);
        Assert.Equal(HourRecordStatus.Pending, record.Status);
        Assert.Equal(w.Activity, record.ActivityId);
        Assert.Equal("社区居委会", record.OrganizerName);
        Assert.True(record.FinalOn > record.PostedOn);

        var mine = await (await w.Phone.GetAsync("/api/v1/me/volunteer/hours")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("finalMinutes").GetInt32());
        Assert.Equal(120, mine.GetProperty("postedMinutes").GetInt32());
        Assert.True(mine.GetProperty("records").GetProperty("items")[0].GetProperty("canDispute").GetBoolean());
    }

    [Fact]
    public async Task A_short_attendance_confirmed_by_hand_earns_nothing_and_a_full_one_is_recorded_as_confirmed_by_hand()
    {
        using var w = await ArrangeAsync(TimeSpan.FromMinutes(-180), TimeSpan.FromMinutes(-60));
        var shift = await app.Query(db => db.Set<Shift>().IgnoreQueryFilters().SingleAsync(s => s.Id == w.Shift));
        var url = $"/api/v1/volunteer-activities/sign-ups/{w.SignUp}/attendance";
        // Bad input: no reason, departure before arrival, far from the shift — 400 naming the field, nothing saved.
        var bad = await (await w.Organizer.PostAsJsonAsync(url, new { checkedInAt = shift.StartsAt, checkedOutAt = shift.EndsAt, reason = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reason", out _));
        await (await w.Organizer.PostAsJsonAsync(url, new { checkedInAt = shift.EndsAt, checkedOutAt = shift.StartsAt, reason = "手机没电" })).Expect(HttpStatusCode.BadRequest);
        await (await w.Organizer.PostAsJsonAsync(url, new { checkedInAt = shift.StartsAt.AddDays(-3), checkedOutAt = shift.EndsAt, reason = "手机没电" })).Expect(HttpStatusCode.BadRequest);
        Assert.Empty(await RecordsAsync(w.Volunteer.Id));

        // 60 of 120 minutes is under the 60% minimum: attendance kept, no hours.
        var shortOne = await (await w.Organizer.PostAsJsonAsync(url, new { checkedInAt = shift.StartsAt, checkedOutAt = shift.StartsAt.AddMinutes(60), reason = "手机没电，现场签到表为证" })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, shortOne.GetProperty("minutes").GetInt32());
        Assert.Contains("60%", shortOne.GetProperty("note").GetString());
        Assert.Empty(await RecordsAsync(w.Volunteer.Id));

        // Another volunteer of the shift, 100 minutes: 90 credited (30-minute units), recorded as confirmed by hand with the reason.
        var other = await TestVolunteers.JoinAsync(app, w.Community, "人工确认");
        using var otherPhone = await TestVolunteers.ClientAsync(app, other);
        await MoveShiftAsync(w.Shift, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(2));
        var otherSignUp = (await (await otherPhone.PostAsync($"/api/v1/me/volunteer/shifts/{w.Shift}/sign-up", null)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await MoveShiftAsync(w.Shift, shift.StartsAt, shift.EndsAt);
        // The roster and the volunteer's own page say who came: checked out (by hand) for the first, absent for the second (the shift is over).
        string? Attendance(JsonElement details, Guid signUp) => details.GetProperty("shifts").EnumerateArray().SelectMany(x => x.GetProperty("roster").EnumerateArray())
            .Single(p => p.GetProperty("signUpId").GetGuid() == signUp).GetProperty("attendance").GetString();
        var roster = await (await w.Organizer.GetAsync($"/api/v1/volunteer-activities/{w.Activity}")).Expect(HttpStatusCode.OK);
        Assert.Equal("已签退", Attendance(roster, w.SignUp));
        Assert.Equal("未出勤", Attendance(roster, otherSignUp));
        var mine = await (await otherPhone.GetAsync("/api/v1/me/volunteer/sign-ups")).Expect(HttpStatusCode.OK);
        Assert.Equal("未出勤", mine.GetProperty("items")[0].GetProperty("attendance").GetString());
        var full = await (await w.Organizer.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{otherSignUp}/attendance",
            new { checkedInAt = shift.StartsAt.AddMinutes(20), checkedOutAt = shift.EndsAt.AddMinutes(30), reason = "老人家中无信号，人工确认" })).Expect(HttpStatusCode.OK);
        Assert.Equal(90, full.GetProperty("minutes").GetInt32());
        var record = Assert.Single(await RecordsAsync(other.Id));
        Assert.Equal(HourRecordKind.Confirmed, record.Kind);
        Assert.Equal("老人家中无信号，人工确认", record.Reason);
        // A second confirmation of the same sign-up: 409 (correct the record instead).
        await (await w.Organizer.PostAsJsonAsync($"/api/v1/volunteer-activities/sign-ups/{otherSignUp}/attendance",
            new { checkedInAt = shift.StartsAt, checkedOutAt = shift.EndsAt, reason = "再次确认" })).Expect(HttpStatusCode.Conflict);

        // Another township's staff: 404.
        var elsewhere = await TestHouseholds.NewCommunityAsync(app);
        var stranger = await TestUsers.CreateAsync(app, Role.StationWorker, elsewhere[..9] + "000");
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        await (await strangerClient.PostAsJsonAsync(url, new { checkedInAt = shift.StartsAt, checkedOutAt = shift.EndsAt, reason = "越权" })).Expect(HttpStatusCode.NotFound);
        await (await strangerClient.GetAsync($"/api/v1/volunteer-hours/{record.Id}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Back_filled_hours_refuse_absurd_input_and_are_marked_with_reason_and_evidence()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var organizer = await app.CreateClientAsync(worker.UserName);
        var volunteer = await TestVolunteers.JoinAsync(app, community, "补录志愿者");
        var today = ChinaTime.Today(TimeProvider.System);
        object Body(decimal? hours, DateOnly date, string? no = null, string evidence = "社区签到表照片 2 张") => new
        {
            volunteerNo = no ?? volunteer.VolunteerNo, areaCode = community, serviceDate = date, startTime = "09:00", hours, content = "疫情防控卡口值守",
            organizerName = "社区居委会", reason = "当日无网络，纸质签到", evidence,
        };
        foreach (var (hours, field) in new (decimal?, string)[] { (-2m, "hours"), (0m, "hours"), (25m, "hours"), (1.2m, "hours"), (9m, "hours"), (null, "hours") })
        {
            var refused = await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", Body(hours, today.AddDays(-1)))).Expect(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), $"{hours}: {refused}");
        }
        await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", Body(2, today.AddDays(1)))).Expect(HttpStatusCode.BadRequest);
        await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", Body(2, today.AddDays(-1), "ZY000000000000000"))).Expect(HttpStatusCode.BadRequest);
        await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", Body(2, today.AddDays(-1), evidence: ""))).Expect(HttpStatusCode.BadRequest);
        Assert.Empty(await RecordsAsync(volunteer.Id));

        var made = await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", Body(2.5m, today.AddDays(-1)))).Expect(HttpStatusCode.Created);
        Assert.Equal(150, made.GetProperty("minutes").GetInt32());
        var record = Assert.Single(await RecordsAsync(volunteer.Id));
        Assert.Equal(HourRecordKind.Honour, record.Kind);
        Assert.Equal("社区签到表照片 2 张", record.Evidence);
        // The same day: 6 more hours would pass the 8-hour cap.
        var capped = await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", Body(6, today.AddDays(-1)))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("每日上限", capped.GetRawText());
    }

    [Fact]
    public async Task A_disputed_record_waits_the_answer_corrects_it_by_a_new_record_and_both_become_final_after_the_posting_period()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var organizer = await app.CreateClientAsync(worker.UserName);
        var volunteer = await TestVolunteers.JoinAsync(app, community, "异议志愿者");
        using var phone = await TestVolunteers.ClientAsync(app, volunteer);
        var today = ChinaTime.Today(TimeProvider.System);
        var body = new { volunteerNo = volunteer.VolunteerNo, areaCode = community, serviceDate = today, startTime = "08:00", hours = 2, content = "关爱留守儿童课业辅导",
            organizerName = "社区居委会", reason = "线下活动补录", evidence = "签到表" };
        var first = (await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", body)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", body with { hours = 1 } )).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The volunteer disputes the first (they served 3 hours); a reason is needed; a stranger cannot dispute it.
        await (await phone.PostAsJsonAsync($"/api/v1/me/volunteer/hours/{first}/dispute", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        var other = await TestVolunteers.JoinAsync(app, community, "旁人");
        using var otherPhone = await TestVolunteers.ClientAsync(app, other);
        await (await otherPhone.PostAsJsonAsync($"/api/v1/me/volunteer/hours/{first}/dispute", new { reason = "冒领" })).Expect(HttpStatusCode.NotFound);
        await (await phone.PostAsJsonAsync($"/api/v1/me/volunteer/hours/{first}/dispute", new { reason = "实际服务 3 小时，签到表可查" })).Expect(HttpStatusCode.OK);
        await (await phone.PostAsJsonAsync($"/api/v1/me/volunteer/hours/{first}/dispute", new { reason = "再次" })).Expect(HttpStatusCode.Conflict);

        // After the posting period: the undisputed one is final, the disputed one waits.
        var record = (await RecordsAsync(volunteer.Id)).Single(r => r.Id == first);
        var later = new FakeTimeProvider(new DateTimeOffset(record.FinalOn.ToDateTime(new TimeOnly(1, 0)), China));
        await using (var scope = app.Scope(CurrentUser.System))
            await FinalizeHours.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), later); // another test's run at the same moment may make it final
        var records = await RecordsAsync(volunteer.Id);
        Assert.Equal(HourRecordStatus.Disputed, records.Single(r => r.Id == first).Status);
        Assert.Equal(HourRecordStatus.Final, records.Single(r => r.Id == second).Status);
        Assert.Equal(60, await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.Id == volunteer.Id).Select(v => v.FinalMinutes).SingleAsync()));

        // Disputes to answer are listed; the answer with corrected hours posts a correction of +60, never an edit of the record.
        var disputes = await (await organizer.GetAsync("/api/v1/volunteer-hours?status=Disputed")).Expect(HttpStatusCode.OK);
        Assert.Contains(disputes.GetProperty("records").GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == first);
        await (await organizer.PostAsJsonAsync($"/api/v1/volunteer-hours/{first}/answer", new { answer = "", correctedHours = 3 })).Expect(HttpStatusCode.BadRequest);
        var odd = await (await organizer.PostAsJsonAsync($"/api/v1/volunteer-hours/{first}/answer", new { answer = "核对签到表属实", correctedHours = 3.3 })).Expect(HttpStatusCode.BadRequest);
        Assert.True(odd.GetProperty("errors").TryGetProperty("correctedHours", out _), odd.ToString()); // the field the form shows it under
        var answered = await (await organizer.PostAsJsonAsync($"/api/v1/volunteer-hours/{first}/answer", new { answer = "核对签到表属实，更正为 3 小时", correctedHours = 3 })).Expect(HttpStatusCode.OK);
        Assert.Equal(180, answered.GetProperty("minutes").GetInt32());
        records = await RecordsAsync(volunteer.Id);
        var original = records.Single(r => r.Id == first);
        Assert.Equal(120, original.Minutes);
        var correction = records.Single(r => r.CorrectsId == first);
        Assert.Equal(60, correction.Minutes);
        Assert.Equal(HourRecordKind.Correction, correction.Kind);
        await (await organizer.PostAsJsonAsync($"/api/v1/volunteer-hours/{first}/answer", new { answer = "再答" })).Expect(HttpStatusCode.Conflict);

        // A record is disputed once: after the answer neither it nor the answer's correction can be disputed round again.
        var again = await (await phone.PostAsJsonAsync($"/api/v1/me/volunteer/hours/{first}/dispute", new { reason = "还是不对" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("只能提出一次", again.GetRawText());
        await (await phone.PostAsJsonAsync($"/api/v1/me/volunteer/hours/{correction.Id}/dispute", new { reason = "还是不对" })).Expect(HttpStatusCode.Conflict);
        var listed = (await (await phone.GetAsync("/api/v1/me/volunteer/hours")).Expect(HttpStatusCode.OK)).GetProperty("records").GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("id").GetGuid() == first || r.GetProperty("id").GetGuid() == correction.Id).ToList();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, r => Assert.False(r.GetProperty("canDispute").GetBoolean()));
        Assert.Equal(HourRecordStatus.Pending, (await RecordsAsync(volunteer.Id)).Single(r => r.Id == correction.Id).Status);

        // A week later everything is final: 1 + 3 hours; the roll-ups agree with the records.
        await using (var scope = app.Scope(CurrentUser.System))
            await FinalizeHours.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(10)));
        Assert.All(await RecordsAsync(volunteer.Id), r => Assert.Equal(HourRecordStatus.Final, r.Status));
        Assert.Equal(240, await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.Id == volunteer.Id).Select(v => v.FinalMinutes).SingleAsync()));
        var total = await app.Query(db => db.Set<HourTotal>().IgnoreQueryFilters().Where(t => t.AreaCode == community && t.Year == today.Year).SingleAsync());
        Assert.Equal(240, total.Minutes);
        var mine = await (await phone.GetAsync("/api/v1/me/volunteer/hours")).Expect(HttpStatusCode.OK);
        Assert.Equal(240, mine.GetProperty("finalMinutes").GetInt32());
        Assert.Equal(0, mine.GetProperty("stars").GetProperty("stars").GetInt32());

        // A final record is corrected by a new record too (down to 0 allowed; the same hours refused).
        await (await organizer.PostAsJsonAsync($"/api/v1/volunteer-hours/{second}/correct", new { hours = 1, reason = "无变化" })).Expect(HttpStatusCode.BadRequest);
        var down = await (await organizer.PostAsJsonAsync($"/api/v1/volunteer-hours/{second}/correct", new { hours = 0, reason = "重复录入，撤销" })).Expect(HttpStatusCode.OK);
        Assert.Equal(-60, down.GetProperty("difference").GetInt32());
        Assert.Equal(60, (await RecordsAsync(volunteer.Id)).Single(r => r.Id == second).Minutes);
    }

    [Fact]
    public async Task Community_staff_read_every_record_of_their_volunteers_wherever_served_and_only_the_organizer_answers_it()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var township = community[..9] + "000";
        var station = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        using var organizer = await app.CreateClientAsync(station.UserName);
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var home = await app.CreateClientAsync(staff.UserName);
        var volunteer = await TestVolunteers.JoinAsync(app, community, "跨社区服务志愿者");
        var today = ChinaTime.Today(TimeProvider.System);
        var made = await (await organizer.PostAsJsonAsync("/api/v1/volunteer-hours/honour", new { volunteerNo = volunteer.VolunteerNo, areaCode = township,
            serviceDate = today.AddDays(-1), startTime = "09:00", hours = 2, content = "街道敬老院陪伴", organizerName = "街道社工站", reason = "线下活动补录", evidence = "签到表" }))
            .Expect(HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();

        // Served in the township: the community's list of service given here does not hold it; the list of its volunteers does.
        var served = await (await home.GetAsync($"/api/v1/volunteer-hours?keyword={volunteer.VolunteerNo}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, served.GetProperty("totals").GetProperty("records").GetInt32());
        var residents = await (await home.GetAsync($"/api/v1/volunteer-hours?keyword={volunteer.VolunteerNo}&of=Residents")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(residents.GetProperty("records").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(120, residents.GetProperty("totals").GetProperty("minutes").GetInt64());

        // Read only for them: the detail says so, a correction is the organizer's (404 for the community).
        var detail = await (await home.GetAsync($"/api/v1/volunteer-hours/{id}")).Expect(HttpStatusCode.OK);
        Assert.False(detail.GetProperty("organizer").GetBoolean());
        Assert.True((await (await organizer.GetAsync($"/api/v1/volunteer-hours/{id}")).Expect(HttpStatusCode.OK)).GetProperty("organizer").GetBoolean());
        await (await home.PostAsJsonAsync($"/api/v1/volunteer-hours/{id}/correct", new { hours = 3, reason = "社区改" })).Expect(HttpStatusCode.NotFound);
        var page = await home.GetStringAsync($"/Volunteers/Hours/Details/{id}");
        Assert.Contains("resident-note", page);
        Assert.DoesNotContain("correct-form", page);

        // Another community's staff see neither.
        var elsewhere = await TestUsers.CreateAsync(app, Role.CommunityStaff, await TestHouseholds.NewCommunityAsync(app));
        using var stranger = await app.CreateClientAsync(elsewhere.UserName);
        var none = await (await stranger.GetAsync($"/api/v1/volunteer-hours?keyword={volunteer.VolunteerNo}&of=Residents")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("totals").GetProperty("records").GetInt32());
        await (await stranger.GetAsync($"/api/v1/volunteer-hours/{id}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Posting_counts_working_days()
    {
        Assert.Equal(new DateOnly(2026, 12, 9), HourPosting.FinalOn(new DateOnly(2026, 12, 4), 3));
        Assert.Equal(new DateOnly(2026, 12, 4), HourPosting.FinalOn(new DateOnly(2026, 12, 1), 3));
        Assert.Equal(new DateOnly(2026, 12, 5), HourPosting.FinalOn(new DateOnly(2026, 12, 5), 0));
        Assert.Equal(new DateOnly(2026, 12, 7), HourPosting.FinalOn(new DateOnly(2026, 12, 5), 1));
    }
}
