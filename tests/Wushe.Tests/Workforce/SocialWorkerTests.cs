using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Workforce;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Workforce;

/// <summary>
/// The social-work register (issue 11): one person per ID platform-wide, the employer in scope, masked IDs revealed with a reason,
/// qualifications and registrations by DOMAIN.md's rules (a year to register, three years, 72/90 hours to renew), the staffing of
/// stations, and scope — a county sees its own people, an organization its own.
/// </summary>
public sealed class SocialWorkerTests(TestApp app)
{
    static object Form(Guid stationId, string? idNumber = null, string name = "李社工", string? phone = null) => new
    {
        name, idNumber = idNumber ?? Numbers.ResidentIdNumber(new DateOnly(1992, 5, 1)), phone = phone ?? Numbers.Mobile(), education = "Bachelor",
        employerKind = "Station", stationId, post = "专职社工", startedOn = "2020-03-01",
    };

    [Fact]
    public void The_registration_state_follows_DOMAIN_a_year_to_register_three_years_valid_ninety_days_notice()
    {
        var today = new DateOnly(2026, 12, 4);
        Assert.Equal(RegistrationState.Unqualified, WorkforceRules.StateOf(null, null, null, today));
        Assert.Equal(RegistrationState.Due, WorkforceRules.StateOf(SocialWorkLevel.Assistant, new DateOnly(2025, 12, 4), null, today));
        Assert.Equal(RegistrationState.Overdue, WorkforceRules.StateOf(SocialWorkLevel.Assistant, new DateOnly(2025, 12, 3), null, today));
        Assert.Equal(new DateOnly(2029, 12, 3), WorkforceRules.ValidUntil(today));
        Assert.Equal(RegistrationState.Valid, WorkforceRules.StateOf(SocialWorkLevel.Intermediate, new DateOnly(2024, 1, 1), today.AddDays(91), today));
        Assert.Equal(RegistrationState.Expiring, WorkforceRules.StateOf(SocialWorkLevel.Intermediate, new DateOnly(2024, 1, 1), today.AddDays(90), today));
        Assert.Equal(RegistrationState.Expiring, WorkforceRules.StateOf(SocialWorkLevel.Intermediate, new DateOnly(2024, 1, 1), today, today));
        Assert.Equal(RegistrationState.Lapsed, WorkforceRules.StateOf(SocialWorkLevel.Intermediate, new DateOnly(2020, 1, 1), today.AddDays(-1), today));
        Assert.Equal(72 * 60, WorkforceRules.RequiredMinutes(SocialWorkLevel.Assistant));
        Assert.Equal(90 * 60, WorkforceRules.RequiredMinutes(SocialWorkLevel.Intermediate));
        Assert.Equal(90 * 60, WorkforceRules.RequiredMinutes(SocialWorkLevel.Senior));
        Assert.Equal("1.5", WorkforceRules.Hours(90));
    }

    [Fact]
    public async Task A_station_worker_enters_a_colleague_the_record_is_masked_the_same_ID_again_is_409_and_another_county_sees_nothing()
    {
        var station = await TestStations.CreateAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        using var client = await app.CreateClientAsync(worker.UserName);
        var id = Numbers.ResidentIdNumber(new DateOnly(1990, 1, 2));
        var phone = Numbers.Mobile();
        var created = await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id, id, phone: phone))).Expect(HttpStatusCode.Created);
        var workerId = created.GetProperty("id").GetGuid();
        var details = await (await client.GetAsync($"/api/v1/workforce/social-workers/{workerId}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(id, details.GetRawText());
        Assert.DoesNotContain(phone, details.GetRawText());
        Assert.Equal(station.Name, details.GetProperty("employerName").GetString());
        Assert.Equal(station.AreaCode, details.GetProperty("areaCode").GetString());
        Assert.Equal("Unqualified", details.GetProperty("state").GetString());

        // The same person again (lower-case x, another name): one social worker, 409 naming the ID.
        var again = await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id, id.ToLowerInvariant(), "另一人"))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("idNumber", again.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var hash = app.Services.GetRequiredService<Sealer>().Hash(SensitiveKind.IdNumber, id);
        Assert.Equal(1, await app.Query(db => db.Set<SocialWorker>().IgnoreQueryFilters().CountAsync(w => w.IdNumber.Hash == hash)));

        // Found by the full ID on the list; the list holds no ID.
        var list = await (await client.GetAsync($"/api/v1/workforce/social-workers?keyword={id}")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(id, row.GetRawText());

        // Revealed with a reason, audited; without one, named.
        var noReason = await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{workerId}/reveal", new { field = "idNumber", reason = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var shown = await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{workerId}/reveal", new { field = "idNumber", reason = "填写登记表" })).Expect(HttpStatusCode.OK);
        Assert.Equal(id, shown.GetProperty("value").GetString());
        Assert.True(await app.Query(db => db.AuditRecords.IgnoreQueryFilters().AnyAsync(a => a.Action == AuditAction.Reveal && a.EntityKey == workerId.ToString() && a.Reason == "填写登记表")));

        // Another township's worker: 404 for the record, its reveal and its edit; cannot place a person at this station.
        var elsewhere = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        using var other = await app.CreateClientAsync(elsewhere.UserName);
        await (await other.GetAsync($"/api/v1/workforce/social-workers/{workerId}")).Expect(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/workforce/social-workers/{workerId}/reveal", new { field = "idNumber", reason = "试探" })).Expect(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/v1/workforce/social-workers/{workerId}", Form(station.Id))).Expect(HttpStatusCode.NotFound);
        var placed = await (await other.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("stationId", placed.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, (await (await other.GetAsync("/api/v1/workforce/social-workers")).Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_saved()
    {
        var station = await TestStations.CreateAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        using var client = await app.CreateClientAsync(worker.UserName);
        var bad = await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", new
        {
            name = "李", idNumber = "110101199001011234", phone = "12345", employerKind = "Other", areaCode = "999", employerName = "", post = "", startedOn = "2099-01-01",
        })).Expect(HttpStatusCode.BadRequest);
        var fields = bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var f in new[] { "name", "idNumber", "phone", "employerName", "post", "startedOn" }) Assert.Contains(f, fields);
        // A date before the person turned 16.
        var young = await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", new
        {
            name = "王小社", idNumber = Numbers.ResidentIdNumber(new DateOnly(2000, 6, 1)), employerKind = "Station", stationId = station.Id, post = "社工", startedOn = "2010-01-01",
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("startedOn", young.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, await app.Query(db => db.Set<SocialWorker>().IgnoreQueryFilters().CountAsync(w => w.AreaCode == station.AreaCode)));
    }

    [Fact]
    public async Task Qualifications_and_registrations_keep_the_state_a_renewal_needs_the_periods_hours_and_the_staffing_counts_them()
    {
        var station = await TestStations.CreateAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        using var client = await app.CreateClientAsync(worker.UserName);
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        var id = (await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id, name: "张未持证"))).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/workforce/social-workers/{id}";

        // Qualified three years less a month ago; registered on time later, the registration ends within 90 days.
        var obtained = today.AddYears(-3).AddDays(30);
        var cert = "A" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var q = (await (await client.PostAsJsonAsync(url + "/qualifications", new { level = "Assistant", route = "Exam", obtainedOn = obtained, certificateNo = cert })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Qualified more than a year ago and not registered: overdue.
        Assert.Equal("Overdue", (await (await client.GetAsync(url)).Expect(HttpStatusCode.OK)).GetProperty("state").GetString());
        // Review is for the senior level only; a level once; a certificate number once.
        var review = await (await client.PostAsJsonAsync(url + "/qualifications", new { level = "Intermediate", route = "Review", obtainedOn = today, certificateNo = "B123456" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("route", review.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await (await client.PostAsJsonAsync(url + "/qualifications", new { level = "Assistant", route = "Exam", obtainedOn = obtained, certificateNo = "C1234567" })).Expect(HttpStatusCode.Conflict);

        var regNo = "R" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var first = await (await client.PostAsJsonAsync(url + "/registrations", new { qualificationId = q, registeredOn = obtained.AddDays(10), registrationNo = regNo })).Expect(HttpStatusCode.Created);
        Assert.False(first.GetProperty("renewal").GetBoolean());
        var details = await (await client.GetAsync(url)).Expect(HttpStatusCode.OK);
        Assert.Equal("Expiring", details.GetProperty("state").GetString());
        Assert.Equal(4320, details.GetProperty("hours").GetProperty("requiredMinutes").GetInt32());
        // A registered qualification cannot be removed.
        await (await client.DeleteAsync($"{url}/qualifications/{q}")).Expect(HttpStatusCode.Conflict);

        // Renewing with 70 hours of the period is refused, naming the hours; two more make 72 and it is granted from the day after the end.
        await (await client.PostAsJsonAsync(url + "/education", new { on = obtained.AddDays(100), hours = 70, content = "省社工协会继续教育" })).Expect(HttpStatusCode.Created);
        var shortOf = await (await client.PostAsJsonAsync(url + "/registrations", new { qualificationId = q, registeredOn = today, registrationNo = "R" + Guid.NewGuid().ToString("N")[..12] })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("70", shortOf.GetProperty("errors").GetProperty("registeredOn")[0].GetString());
        var badHours = await (await client.PostAsJsonAsync(url + "/education", new { on = today, hours = 0.3, content = "讲座" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("hours", badHours.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await (await client.PostAsJsonAsync(url + "/education", new { on = today.AddDays(-1), hours = 2, content = "督导讲座" })).Expect(HttpStatusCode.Created);
        var renewed = await (await client.PostAsJsonAsync(url + "/registrations", new { qualificationId = q, registeredOn = today, registrationNo = "R" + Guid.NewGuid().ToString("N")[..12] })).Expect(HttpStatusCode.Created);
        Assert.True(renewed.GetProperty("renewal").GetBoolean());
        Assert.Equal(WorkforceRules.ValidUntil(obtained.AddDays(10)).AddDays(1), DateOnly.Parse(renewed.GetProperty("validFrom").GetString()!));
        Assert.Equal("Valid", (await (await client.GetAsync(url)).Expect(HttpStatusCode.OK)).GetProperty("state").GetString());

        // The station's staffing: two in post, one qualified (50%); the list finds the expiring and the valid by state.
        var staffing = await (await client.GetAsync($"/api/v1/workforce/staffing?area={station.AreaCode}")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(staffing.GetProperty("rows").GetProperty("items").EnumerateArray());
        Assert.Equal(2, row.GetProperty("counts").GetProperty("workers").GetInt32());
        Assert.Equal(1, row.GetProperty("counts").GetProperty("assistant").GetInt32());
        Assert.Equal(0.5, row.GetProperty("counts").GetProperty("share").GetDouble());
        Assert.Equal(0, staffing.GetProperty("withoutQualified").GetInt32());
        var valid = await (await client.GetAsync("/api/v1/workforce/social-workers?state=Valid")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(valid.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var none = await (await client.GetAsync("/api/v1/workforce/social-workers?state=Unqualified")).Expect(HttpStatusCode.OK);
        Assert.Equal("张未持证", Assert.Single(none.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Organization_staff_keep_their_own_organizations_people_only()
    {
        var township = await Places.NewTownshipAsync(app);
        var mine = await TestOrganizations.CreateAsync(app, township);
        var theirs = await TestOrganizations.CreateAsync(app, township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: mine);
        using var client = await app.CreateClientAsync(staff.UserName);
        object Org(Guid org) => new { name = "机构社工", idNumber = Numbers.ResidentIdNumber(new DateOnly(1988, 8, 8)), employerKind = "Organization", organizationId = org, post = "项目主管" };
        var own = await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Org(mine))).Expect(HttpStatusCode.Created);
        var refused = await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Org(theirs))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("organizationId", refused.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        // A station worker of the township enters a person of the other organization: the organization's staff do not see them.
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        using var station = await app.CreateClientAsync(worker.UserName);
        var other = await (await station.PostAsJsonAsync("/api/v1/workforce/social-workers", Org(theirs))).Expect(HttpStatusCode.Created);
        var list = await (await client.GetAsync("/api/v1/workforce/social-workers")).Expect(HttpStatusCode.OK);
        Assert.Equal(own.GetProperty("id").GetGuid(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await (await client.GetAsync($"/api/v1/workforce/social-workers/{other.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(2, (await (await station.GetAsync("/api/v1/workforce/social-workers")).Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_station_staff_account_is_linked_to_its_person_on_the_register_and_the_station_page_shows_them_as_one_list()
    {
        var station = await TestStations.CreateAsync(app);
        var bureau = await TestUsers.CreateAsync(app, Role.BureauStaff, station.AreaCode[..6] + "000000");
        var colleague = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        var stranger = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        using var client = await app.CreateClientAsync(bureau.UserName);
        await (await client.PostAsJsonAsync($"/api/v1/stations/{station.Id}/staff", new { userId = colleague.Id, position = "专职社工", joinedOn = "2024-03-01" })).Expect(HttpStatusCode.Created);
        var person = (await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id, name: "关联甲"))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = (await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", Form(station.Id, name: "关联乙"))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Offered: the station's staff accounts only; an account not on the staff is refused, naming userId.
        var candidates = await (await client.GetAsync($"/api/v1/workforce/social-workers/{person}/account-candidates")).Expect(HttpStatusCode.OK);
        Assert.Equal([colleague.Id], candidates.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var refused = await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{person}/account", new { userId = stranger.Id })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("userId", refused.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{person}/account", new { userId = colleague.Id })).Expect(HttpStatusCode.OK);
        var details = await (await client.GetAsync($"/api/v1/workforce/social-workers/{person}")).Expect(HttpStatusCode.OK);
        Assert.True(details.GetProperty("hasAccount").GetBoolean());
        Assert.Contains(colleague.UserName, details.GetProperty("accountName").GetString(), StringComparison.Ordinal);
        // The account is one person's: the other person cannot take it.
        Assert.Equal(0, (await (await client.GetAsync($"/api/v1/workforce/social-workers/{other}/account-candidates")).Expect(HttpStatusCode.OK)).GetArrayLength());
        await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{other}/account", new { userId = colleague.Id })).Expect(HttpStatusCode.BadRequest);

        // The station page: the staff member shows their register record; the register's people of the station are counted.
        using var session = await PageSession.SignInAsync(app, bureau.UserName);
        var (status, html) = await session.GetAsync($"/Stations/Details?id={station.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/Workforce/Details/{person}", html, StringComparison.Ordinal);
        Assert.Contains("在岗社会工作者 2 人", html, StringComparison.Ordinal);
        Assert.Contains("其中 1 人未关联平台账号", html, StringComparison.Ordinal);

        // Unlinked again; another county's staff cannot link or list.
        await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{person}/account", new { userId = (Guid?)null })).Expect(HttpStatusCode.OK);
        Assert.False((await (await client.GetAsync($"/api/v1/workforce/social-workers/{person}")).Expect(HttpStatusCode.OK)).GetProperty("hasAccount").GetBoolean());
        var elsewhere = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        using var outsider = await app.CreateClientAsync(elsewhere.UserName);
        await (await outsider.GetAsync($"/api/v1/workforce/social-workers/{person}/account-candidates")).Expect(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"/api/v1/workforce/social-workers/{person}/account", new { userId = colleague.Id })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_home_page_counts_what_the_register_lists_behind_each_figure()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        async Task<int> Total(string query) => (await (await huaibei.GetAsync($"/api/v1/workforce/social-workers?{query}")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        using var session = await PageSession.SignInAsync(app, "huaibei");
        var (status, html) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("workforce-kpis", html, StringComparison.Ordinal);
        var overdue = await Total("state=Overdue");
        Assert.Matches($"id=\"kpi-workers-overdue\".*?kpi-value\">{overdue}<", html.ReplaceLineEndings(" "));
        var active = await Total("status=Active");
        Assert.Matches($"id=\"kpi-workers\".*?kpi-value\">{active}<", html.ReplaceLineEndings(" "));
        Assert.Matches("20\\d\\d年考试通过", html);
        // A page beyond the last says so, with a way back.
        var (_, beyond) = await session.GetAsync("/Workforce?page=99999");
        Assert.Contains("id=\"page-beyond\"", beyond, StringComparison.Ordinal);
    }
}
