using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Volunteers;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Volunteers;

/// <summary>Volunteer registration (实名注册): the age rules on the China date, one registration per ID, the number, self-service and staff paths.</summary>
public sealed class VolunteerRegistrationTests(TestApp app)
{
    static VolunteerForm.Request Form(string community, string? idNumber = null, string? phone = null, string name = "王志愿") => new()
    {
        Name = name, IdNumber = idNumber ?? Numbers.ResidentIdNumber(new DateOnly(1990, 3, 1)), Phone = phone ?? Numbers.Mobile(), AreaCode = community,
        Skills = [VolunteerSkill.Companionship, VolunteerSkill.Medical], Availability = [VolunteerAvailability.Weekend],
    };

    async Task<Wushe.Platform.Outcomes.Result<RegisterVolunteer.Registered>> RegisterAt(DateTimeOffset now, VolunteerForm.Request r)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await RegisterVolunteer.Handle(db, CurrentUser.System, scope.ServiceProvider.GetRequiredService<Sealer>(), new FakeTimeProvider(now), r);
    }

    [Fact]
    public async Task The_age_rules_use_the_date_in_China_born_2012_12_01_is_13_at_23_59_and_14_a_minute_later()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var id = Numbers.ResidentIdNumber(new DateOnly(2012, 12, 1));
        var withConsent = Form(community, id) with { GuardianName = "王父", GuardianRelation = "父亲", GuardianPhone = Numbers.Mobile(), GuardianConsentOn = new DateOnly(2026, 11, 20) };

        // 2026-11-30 23:59 China time is 15:59 UTC: 13 years old, refused even with a guardian's consent.
        var early = await RegisterAt(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero), withConsent);
        Assert.False(early.IsOk);
        Assert.StartsWith("未满 14 周岁", early.Failure!.Errors!["idNumber"][0]);

        // 00:01 on 1 December in China: 14, registered with the guardian's consent.
        var later = await RegisterAt(new DateTimeOffset(2026, 11, 30, 16, 1, 0, TimeSpan.Zero), withConsent);
        Assert.True(later.IsOk, later.Failure?.Title);
        Assert.Matches("^ZY340699" + "2026" + @"\d{6}$", later.Value!.VolunteerNo);
    }

    [Fact]
    public async Task Between_14_and_18_a_guardians_consent_is_needed_and_from_16_self_support_will_do()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var now = new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
        // 15 without a guardian: the guardian's fields are named.
        var fifteen = await RegisterAt(now, Form(community, Numbers.ResidentIdNumber(new DateOnly(2011, 6, 1))) with { SelfSupporting = true });
        Assert.Contains("guardianName", fifteen.Failure!.Errors!.Keys);
        Assert.Contains("guardianConsentOn", fifteen.Failure.Errors.Keys);
        Assert.Contains("selfSupporting", fifteen.Failure.Errors.Keys);
        // 17 and self-supporting: registered, marked so.
        var seventeen = await RegisterAt(now, Form(community, Numbers.ResidentIdNumber(new DateOnly(2009, 6, 1))) with { SelfSupporting = true });
        Assert.True(seventeen.IsOk, seventeen.Failure?.Title);
        Assert.True(await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.Id == seventeen.Value!.Id).Select(v => v.SelfSupporting).SingleAsync()));
        // 17 with neither: refused, saying what would do.
        var neither = await RegisterAt(now, Form(community, Numbers.ResidentIdNumber(new DateOnly(2009, 7, 1))));
        Assert.Contains("guardianName", neither.Failure!.Errors!.Keys);
        // An adult cannot claim self-support (it means nothing from 18).
        var adult = await RegisterAt(now, Form(community) with { SelfSupporting = true });
        Assert.Contains("selfSupporting", adult.Failure!.Errors!.Keys);
        // A consent dated before the birth, or in the future: named.
        var future = await RegisterAt(now, Form(community, Numbers.ResidentIdNumber(new DateOnly(2011, 6, 1))) with
            { GuardianName = "李母", GuardianRelation = "母亲", GuardianPhone = Numbers.Mobile(), GuardianConsentOn = new DateOnly(2027, 1, 1) });
        Assert.Contains("guardianConsentOn", future.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task Staff_register_through_the_API_the_record_is_masked_and_a_second_registration_of_the_ID_is_409()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        using var client = await app.CreateClientAsync(worker.UserName);
        var form = Form(community);
        var created = await (await client.PostAsJsonAsync("/api/v1/volunteers", form)).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var details = await (await client.GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(form.IdNumber!, details.GetRawText());
        Assert.DoesNotContain(form.Phone!, details.GetRawText());
        Assert.Equal("Staff", details.GetProperty("source").GetString());
        Assert.False(details.GetProperty("hasAccount").GetBoolean());

        var again = await (await client.PostAsJsonAsync("/api/v1/volunteers", Form(community, form.IdNumber!.ToLowerInvariant(), name: "另一人"))).Expect(HttpStatusCode.Conflict);
        Assert.StartsWith("该身份证号码已注册为志愿者", again.GetProperty("errors").GetProperty("idNumber")[0].GetString());

        var list = await (await client.GetAsync($"/api/v1/volunteers?keyword={form.Phone}")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // Another area's staff: the record does not exist for them.
        using var other = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.StationWorker, (await Places.NewTownshipAsync(app)))).UserName);
        await (await other.GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/v1/volunteers/{id}", form)).Expect(HttpStatusCode.NotFound);
        // A bureau reads, registers nothing.
        await (await client.PostAsJsonAsync("/api/v1/volunteers", Form("")) ).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Five_registrations_of_one_ID_at_the_same_moment_save_one()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        using var client = await app.CreateClientAsync(worker.UserName);
        var id = Numbers.ResidentIdNumber(new DateOnly(1985, 1, 1));
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.PostAsJsonAsync("/api/v1/volunteers", Form(community, id, name: $"并发{i}"))));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var hash = app.Services.GetRequiredService<Sealer>().Hash(SensitiveKind.IdNumber, id);
        Assert.Equal(1, await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().CountAsync(v => v.IdNumber.Hash == hash)));
        // Different people at one moment in one county: each its own number.
        var many = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync("/api/v1/volunteers", Form(community, name: $"同时{i}"))));
        var numbers = new List<string>();
        foreach (var m in many) numbers.Add((await m.Expect(HttpStatusCode.Created)).GetProperty("volunteerNo").GetString()!);
        Assert.Equal(6, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_person_joins_on_the_public_API_signs_in_with_the_phone_and_sees_only_their_own_registration()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var form = Form(community);
        using var anonymous = app.Anonymous();
        var joined = await (await anonymous.PostAsJsonAsync("/api/v1/public/volunteers/join", Join(form))).Expect(HttpStatusCode.Created);
        Assert.False(joined.GetProperty("linked").GetBoolean());

        using var me = await app.CreateClientAsync(form.Phone!, "Volunteer2026");
        var mine = await (await me.GetAsync("/api/v1/me/volunteer")).Expect(HttpStatusCode.OK);
        Assert.Equal(joined.GetProperty("volunteerNo").GetString(), mine.GetProperty("volunteerNo").GetString());
        Assert.Equal("SelfService", mine.GetProperty("source").GetString());
        // The register is staff's: a volunteer lists nobody, reads no other record.
        await (await me.GetAsync("/api/v1/volunteers")).Expect(HttpStatusCode.Forbidden);
        await (await me.GetAsync($"/api/v1/volunteers/{mine.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.Forbidden);
        // Their skills are theirs to keep.
        var version = await (await me.PutAsJsonAsync("/api/v1/me/volunteer", new { skills = new[] { "Driving" }, skillNotes = "C1 驾照", availability = new[] { "Holidays" }, version = mine.GetProperty("version").GetInt32() })).Expect(HttpStatusCode.OK);
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(Volunteer) && a.EntityKey == mine.GetProperty("id").GetGuid().ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.StartsWith(CurrentUser.ResidentPrefix, audit[0].UserName);
        Assert.Equal(AuditAction.Update, audit[1].Action);
        Assert.Equal(community, audit[1].AreaCode);

        // The same ID again, or the same phone: 409 naming the field.
        var again = await (await anonymous.PostAsJsonAsync("/api/v1/public/volunteers/join", Join(form with { Phone = Numbers.Mobile() }))).Expect(HttpStatusCode.Conflict);
        Assert.True(again.GetProperty("errors").TryGetProperty("idNumber", out _));
        var phone = await (await anonymous.PostAsJsonAsync("/api/v1/public/volunteers/join", Join(Form(community, phone: form.Phone)))).Expect(HttpStatusCode.Conflict);
        Assert.True(phone.GetProperty("errors").TryGetProperty("phone", out _));
    }

    static JoinAsVolunteer.Request Join(VolunteerForm.Request f) => new()
    {
        Name = f.Name, IdNumber = f.IdNumber, Phone = f.Phone, AreaCode = f.AreaCode, Skills = f.Skills, Availability = f.Availability,
        GuardianName = f.GuardianName, GuardianRelation = f.GuardianRelation, GuardianPhone = f.GuardianPhone, GuardianConsentOn = f.GuardianConsentOn,
        SelfSupporting = f.SelfSupporting, Password = "Volunteer2026", Consent = true,
    };

    [Fact]
    public async Task Someone_the_community_registered_on_paper_joins_online_with_the_same_ID_and_phone_and_keeps_the_number()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var form = Form(community);
        var paper = await RegisterAt(DateTimeOffset.UtcNow, form);
        using var anonymous = app.Anonymous();
        // Knowing the ID alone is not enough: another phone is 409.
        await (await anonymous.PostAsJsonAsync("/api/v1/public/volunteers/join", Join(form with { Phone = Numbers.Mobile() }))).Expect(HttpStatusCode.Conflict);
        var joined = await (await anonymous.PostAsJsonAsync("/api/v1/public/volunteers/join", Join(form))).Expect(HttpStatusCode.Created);
        Assert.True(joined.GetProperty("linked").GetBoolean());
        Assert.Equal(paper.Value!.VolunteerNo, joined.GetProperty("volunteerNo").GetString());
        Assert.Equal(1, await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().CountAsync(v => v.AreaCode == community)));
        // A failed join saved no account.
        var accounts = await app.Query(db => db.Users.CountAsync(u => u.HomeAreaCode == community));
        Assert.Equal(1, accounts);
    }

    [Fact]
    public async Task The_pages_register_a_volunteer_and_a_person_joins_on_the_mobile_page()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var form = Form(community);
        using var bad = await session.PostFormAsync("/Volunteers/Register", Fields(form with { IdNumber = "123" }), "/Volunteers/Register");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("身份证号码应为 18 位", await bad.Content.ReadAsStringAsync());
        using var ok = await session.PostFormAsync("/Volunteers/Register", Fields(form), "/Volunteers/Register");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (status, html) = await session.GetAsync(ok.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("王志愿", html);
        Assert.DoesNotContain(form.IdNumber!, html);
        var (_, list) = await session.GetAsync($"/Volunteers?area={community}");
        Assert.Contains("王志愿", list);

        var visitor = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var (joinStatus, joinPage) = await visitor.GetAsync($"/Volunteers/Join?area={community}");
        Assert.Equal(HttpStatusCode.OK, joinStatus);
        Assert.Contains("测试", joinPage);
        var fields = Fields(Form(community, name: "李新人"));
        fields["Input.Password"] = "Volunteer2026";
        fields["Input.Consent"] = "true";
        fields[Wushe.Platform.Web.FormSubmissions.Field] = Guid.NewGuid().ToString("N");
        using var joined = await visitor.PostFormAsync("/Volunteers/Join", fields, $"/Volunteers/Join?area={community}");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal("/Volunteers/Me", joined.Headers.Location!.ToString());
        var (meStatus, me) = await visitor.GetAsync("/Volunteers/Me");
        Assert.Equal(HttpStatusCode.OK, meStatus);
        Assert.Contains("李新人", me);
        Assert.Contains("ZY340699", me);
    }

    static Dictionary<string, string> Fields(VolunteerForm.Request f)
    {
        var d = new Dictionary<string, string> { ["Input.Name"] = f.Name!, ["Input.IdNumber"] = f.IdNumber!, ["Input.Phone"] = f.Phone!, ["Input.AreaCode"] = f.AreaCode! };
        foreach (var (s, i) in (f.Skills ?? []).Select((s, i) => (s, i))) d[$"Input.Skills[{i}]"] = s.ToString();
        return d;
    }
}
