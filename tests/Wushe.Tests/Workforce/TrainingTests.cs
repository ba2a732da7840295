using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Trainings;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Workforce;

/// <summary>
/// 培训 (issue 11) through the real app, on SQLite and PostgreSQL: the course's fields named when wrong, the capacity under racing
/// enrolments, attendance credited to continuing education exactly once (and taken back), scope — another county's course is 404, an
/// organization's staff see their own — the certificate, the figures by area, and Bijie's 62 courses of 2023.
/// </summary>
public sealed class TrainingTests(TestApp app)
{
    static DateOnly Today => Wushe.Platform.ChinaTime.Today(TimeProvider.System);

    static object Course(string areaCode, int capacity = 30, decimal hours = 12, DateOnly? start = null, int days = 2, string title = "社工站人员轮训",
        string kind = "Rotating", string organizerKind = "Bureau", Guid? organizationId = null) => new
    {
        title, kind, organizerKind, organizerName = "测试县民政局", organizationId, areaCode, startsOn = start ?? Today.AddDays(-days), endsOn = (start ?? Today.AddDays(-days)).AddDays(days - 1),
        hours, place = "县社会工作服务指导中心培训室", capacity,
    };

    static async Task<Guid> CreateAsync(HttpClient client, object course) =>
        (await (await client.PostAsJsonAsync("/api/v1/workforce/trainings", course)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_saved()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var bad = await (await client.PostAsJsonAsync("/api/v1/workforce/trainings", new
        {
            title = "培", kind = "Rotating", organizerKind = "Bureau", organizerName = "", areaCode = "999", startsOn = "2026-05-10", endsOn = "2026-05-01", hours = 0, place = "", capacity = 0,
        })).Expect(HttpStatusCode.BadRequest);
        var fields = Fields(bad).ToList();
        foreach (var f in new[] { "title", "organizerName", "areaCode", "endsOn", "hours", "place", "capacity" }) Assert.Contains(f, fields);
        // More hours than a one-day course has; a host area outside the scope; a station that is not there.
        var tooLong = await (await client.PostAsJsonAsync("/api/v1/workforce/trainings", Course(township, hours: 25, days: 1))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["hours"], Fields(tooLong));
        var away = await (await client.PostAsJsonAsync("/api/v1/workforce/trainings", Course("520526000000"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["areaCode"], Fields(away));
        var noStation = await (await client.PostAsJsonAsync("/api/v1/workforce/trainings", Course(township, organizerKind: "Station"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("stationId", Fields(noStation));
        Assert.Equal(0, await app.Query(db => db.Set<Training>().IgnoreQueryFilters().CountAsync(t => t.AreaCode == township)));

        // Editing: the capacity not below those enrolled.
        var id = await CreateAsync(client, Course(township, capacity: 2));
        await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "周红" })).Expect(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "吴刚" })).Expect(HttpStatusCode.Created);
        var lower = await (await client.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", Course(township, capacity: 1))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["capacity"], Fields(lower));
        var name = await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "", phone = "123" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("name", Fields(name));
        Assert.Contains("phone", Fields(name));
    }

    [Fact]
    public async Task Ten_enrolments_at_once_for_three_places_enrol_exactly_three()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var id = await CreateAsync(client, Course(township, capacity: 3));
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = $"学员{i:00}" })));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await app.Query(db => db.Set<TrainingEnrolment>().IgnoreQueryFilters().CountAsync(e => e.TrainingId == id)));
    }

    [Fact]
    public async Task Attendance_credits_continuing_education_once_corrects_it_and_unmarking_takes_it_back()
    {
        var station = await TestStations.CreateAsync(app);
        var user = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        using var client = await app.CreateClientAsync(user.UserName);
        var worker = (await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", new
        {
            name = "杨培训", idNumber = Numbers.ResidentIdNumber(new DateOnly(1991, 3, 3)), employerKind = "Station", stationId = station.Id, post = "专职社工",
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var id = await CreateAsync(client, With(Course(station.AreaCode, hours: 12, title: "儿童关爱服务专题培训", organizerKind: "Station"), station.Id));
        var enrolment = (await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { socialWorkerId = worker })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Once per course.
        var again = await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { socialWorkerId = worker })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("socialWorkerId", Fields(again));

        var (from, to) = (Today.AddYears(-1), Today.AddYears(1));
        Task<int> Minutes() => app.Query(db => WorkforceRules.MinutesAsync(db, worker, from, to));
        Task<int> Credits() => app.Query(db => db.Set<EducationRecord>().IgnoreQueryFilters().CountAsync(e => e.TrainingEnrolmentId == enrolment));
        Assert.Equal(0, await Minutes());
        var url = $"/api/v1/workforce/trainings/{id}/enrolments/{enrolment}/attendance";
        var over = await (await client.PostAsJsonAsync(url, new { attended = true, hours = 12.5 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("hours", Fields(over));
        await (await client.PostAsJsonAsync(url, new { attended = true, hours = 8 })).Expect(HttpStatusCode.OK);
        Assert.Equal(480, await Minutes());
        await (await client.PostAsJsonAsync(url, new { attended = true, hours = 10 })).Expect(HttpStatusCode.OK);
        Assert.Equal(600, await Minutes());
        Assert.Equal(1, await Credits());

        // The course renamed: the credit follows its title; its hours cannot fall below the attendance; a stale version is 409.
        var version = (await (await client.GetAsync($"/api/v1/workforce/trainings/{id}")).Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32();
        var renamed = With(Course(station.AreaCode, hours: 12, title: "儿童关爱服务专题培训（修订）", organizerKind: "Station"), station.Id);
        renamed["version"] = version;
        await (await client.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", renamed)).Expect(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", renamed)).Expect(HttpStatusCode.Conflict);
        var lowered = With(Course(station.AreaCode, hours: 8, title: "儿童关爱服务专题培训（修订）", organizerKind: "Station"), station.Id);
        Assert.Equal(["hours"], Fields(await (await client.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", lowered)).Expect(HttpStatusCode.BadRequest)));
        Assert.Equal(600, await Minutes());

        // The person's record shows the credit with the course's title; it cannot be removed there.
        var person = await (await client.GetAsync($"/api/v1/workforce/social-workers/{worker}")).Expect(HttpStatusCode.OK);
        var record = Assert.Single(person.GetProperty("educationRecords").EnumerateArray());
        Assert.Equal("儿童关爱服务专题培训（修订）", record.GetProperty("content").GetString());
        Assert.Equal("Training", record.GetProperty("source").GetString());
        await (await client.DeleteAsync($"/api/v1/workforce/social-workers/{worker}/education/{record.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.Conflict);
        // Removing an attended enrolment is refused; unmarking takes the credit back.
        await (await client.DeleteAsync($"/api/v1/workforce/trainings/{id}/enrolments/{enrolment}")).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync(url, new { attended = false })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, await Minutes());
        Assert.Equal(0, await Credits());
        await (await client.DeleteAsync($"/api/v1/workforce/trainings/{id}/enrolments/{enrolment}")).Expect(HttpStatusCode.OK);

        // A course still to come takes no attendance.
        var coming = await CreateAsync(client, With(Course(station.AreaCode, start: Today.AddDays(10), organizerKind: "Station"), station.Id));
        var e2 = (await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{coming}/enrolments", new { socialWorkerId = worker })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{coming}/enrolments/{e2}/attendance", new { attended = true })).Expect(HttpStatusCode.Conflict);
    }

    /// <summary>The course with a station as organizer.</summary>
    static Dictionary<string, object?> With(object course, Guid stationId)
    {
        var d = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(course))!;
        d["stationId"] = stationId;
        return d;
    }

    [Fact]
    public async Task Another_countys_course_is_404_and_missing_from_its_list()
    {
        using var weining = await app.CreateClientAsync("weining");
        var id = await CreateAsync(weining, Course("520526000000", title: "威宁县社工站人员轮训（测试）"));
        var enrolment = (await (await weining.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "禄文" })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        await (await qixingguan.GetAsync($"/api/v1/workforce/trainings/{id}")).Expect(HttpStatusCode.NotFound);
        await (await qixingguan.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", Course("520502000000"))).Expect(HttpStatusCode.NotFound);
        await (await qixingguan.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "越权" })).Expect(HttpStatusCode.NotFound);
        await (await qixingguan.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments/{enrolment}/attendance", new { attended = true })).Expect(HttpStatusCode.NotFound);
        await (await qixingguan.GetAsync($"/api/v1/workforce/trainings/{id}/enrolments/{enrolment}/certificate")).Expect(HttpStatusCode.NotFound);
        var list = await (await qixingguan.GetAsync("/api/v1/workforce/trainings?keyword=威宁县社工站人员轮训")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        await (await qixingguan.GetAsync("/api/v1/workforce/trainings?area=520526000000")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await qixingguan.GetAsync($"/Workforce/Trainings/Details/{id}")).StatusCode);
    }

    [Fact]
    public async Task Organization_staff_see_and_run_their_own_organizations_courses_only()
    {
        var township = await Places.NewTownshipAsync(app);
        var mine = await TestOrganizations.CreateAsync(app, township);
        var theirs = await TestOrganizations.CreateAsync(app, township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: mine);
        using var bureau = await app.CreateClientAsync("huaibei");
        var ours = await CreateAsync(bureau, Course(township, organizerKind: "Organization", organizationId: mine, title: "本机构督导培训"));
        var other = await CreateAsync(bureau, Course(township, organizerKind: "Organization", organizationId: theirs, title: "他机构督导培训"));
        var county = await CreateAsync(bureau, Course(township, title: "县级轮训"));

        using var org = await app.CreateClientAsync(staff.UserName);
        var list = await (await org.GetAsync("/api/v1/workforce/trainings")).Expect(HttpStatusCode.OK);
        Assert.Equal(ours, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await (await org.GetAsync($"/api/v1/workforce/trainings/{other}")).Expect(HttpStatusCode.NotFound);
        await (await org.GetAsync($"/api/v1/workforce/trainings/{county}")).Expect(HttpStatusCode.NotFound);
        var refused = await (await org.PostAsJsonAsync("/api/v1/workforce/trainings", Course(township, organizerKind: "Organization", organizationId: theirs))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("organizationId", Fields(refused));
        await CreateAsync(org, Course(township, organizerKind: "Organization", organizationId: mine, title: "本机构第二期"));
        Assert.Equal(4, (await (await bureau.GetAsync($"/api/v1/workforce/trainings?area={township}")).Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_attended_person_gets_a_certificate_in_Chinese_with_their_name_that_anyone_can_verify()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var id = await CreateAsync(client, Course(township, hours: 6, days: 1, title: "社会工作伦理与督导培训"));
        var attended = (await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "欧阳晓梅", unit = "测试社区居委会" })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var absent = (await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "缺席者" })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var twice0 = await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments", new { name = "欧阳晓梅", unit = "测试社区居委会" });
        Assert.True((await twice0.Expect(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("name", out _));
        await (await client.PostAsync($"/api/v1/workforce/trainings/{id}/enrolments/{absent}/certificate", null)).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{id}/enrolments/{attended}/attendance", new { attended = true })).Expect(HttpStatusCode.OK);
        var issued = await (await client.PostAsync($"/api/v1/workforce/trainings/{id}/enrolments/{attended}/certificate", null)).Expect(HttpStatusCode.OK);
        var number = issued.GetProperty("number").GetString()!;
        var twice = await (await client.PostAsync($"/api/v1/workforce/trainings/{id}/enrolments/{attended}/certificate", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(number, twice.GetProperty("number").GetString());
        // The certificate states the course: its title no longer changes, its capacity still may.
        using var renamed = await client.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", Course(township, hours: 6, days: 1, title: "改名后的培训"));
        Assert.True((await renamed.Expect(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("title", out _));
        await (await client.PutAsJsonAsync($"/api/v1/workforce/trainings/{id}", Course(township, capacity: 40, hours: 6, days: 1, title: "社会工作伦理与督导培训"))).Expect(HttpStatusCode.OK);

        using var pdf = await client.GetAsync($"/api/v1/workforce/trainings/{id}/enrolments/{attended}/certificate");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("欧阳晓梅", text, StringComparison.Ordinal);
        Assert.Contains("培训证明", text, StringComparison.Ordinal);
        Assert.Contains("社会工作伦理与督导培训", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);

        using var anyone = app.Anonymous();
        var verified = await (await anyone.GetAsync($"/api/v1/public/training-certificates/{number}")).Expect(HttpStatusCode.OK);
        Assert.Equal("欧阳晓梅", verified.GetProperty("name").GetString());
        Assert.Contains("欧阳晓梅", await anyone.GetStringAsync($"/Workforce/Trainings/Verify?no={number}"), StringComparison.Ordinal);
        await (await anyone.GetAsync("/api/v1/public/training-certificates/PXZM-2026-NOSUCHNO")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_figures_count_courses_and_trainee_times_by_area_and_kind()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var first = await CreateAsync(client, Course(township, start: Today, days: 1, hours: 4, kind: "Rotating"));
        await CreateAsync(client, Course(township, start: Today, days: 1, hours: 4, kind: "EastWest"));
        for (var i = 0; i < 3; i++)
        {
            var e = (await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{first}/enrolments", new { name = $"学员{i}" })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            if (i < 2) await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{first}/enrolments/{e}/attendance", new { attended = true })).Expect(HttpStatusCode.OK);
        }
        var f = await (await client.GetAsync($"/api/v1/workforce/trainings/figures?area={township}&year={Today.Year}&fromMonth=1&toMonth=12")).Expect(HttpStatusCode.OK);
        var total = f.GetProperty("total");
        Assert.Equal(2, total.GetProperty("courses").GetInt32());
        Assert.Equal(3, total.GetProperty("enrolled").GetInt32());
        Assert.Equal(2, total.GetProperty("attended").GetInt32());
        Assert.Equal(480, total.GetProperty("minutes").GetInt32());
        var kinds = f.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("figure").GetProperty("courses").GetInt32());
        Assert.Equal(1, kinds["Rotating"]);
        Assert.Equal(1, kinds["EastWest"]);
        var county = await (await client.GetAsync($"/api/v1/workforce/trainings/figures?area={Places.County}&year={Today.Year}&fromMonth=1&toMonth=12")).Expect(HttpStatusCode.OK);
        var row = county.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == township);
        Assert.Equal(2, row.GetProperty("figure").GetProperty("courses").GetInt32());
        Assert.Equal(2, row.GetProperty("figure").GetProperty("attended").GetInt32());
        // The child areas and the area's own courses add up to the total.
        Assert.Equal(county.GetProperty("total").GetProperty("courses").GetInt32(),
            county.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("figure").GetProperty("courses").GetInt32()) + county.GetProperty("own").GetProperty("figure").GetProperty("courses").GetInt32());
        using var weining = await app.CreateClientAsync("weining");
        await (await weining.GetAsync($"/api/v1/workforce/trainings/figures?area={township}")).Expect(HttpStatusCode.NotFound);
        await (await weining.GetAsync("/api/v1/workforce/trainings/figures?year=1999")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bijie_demo_has_its_62_courses_of_2023()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var f = await (await bijie.GetAsync("/api/v1/workforce/trainings/figures?area=520500000000&year=2023&fromMonth=1&toMonth=12")).Expect(HttpStatusCode.OK);
        Assert.Equal(62, f.GetProperty("total").GetProperty("courses").GetInt32());
        Assert.True(f.GetProperty("total").GetProperty("attended").GetInt32() > 62 * 15);
        Assert.Contains("62期", f.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        var kinds = f.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("figure").GetProperty("courses").GetInt32());
        Assert.True(kinds["Rotating"] > 0 && kinds["Ordered"] > 0 && kinds["EastWest"] > 0);
        Assert.True(f.GetProperty("children").EnumerateArray().Count(c => c.GetProperty("figure").GetProperty("courses").GetInt32() > 0) > 1);
        var page = await bijie.GetStringAsync("/Workforce/Trainings/Figures?area=520500000000&year=2023&fromMonth=1&toMonth=12");
        Assert.Contains("62期", page, StringComparison.Ordinal);
    }
}
