using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// The guardian's consent tied to the guardian on record, a withdrawn consent of a child under 14 (the sensitive fields erased,
/// warned of, audited), clearing a health note, and the duplicate ID's 409 naming the household in scope — API and pages.
/// </summary>
public sealed class ConsentRulesTests(TestApp app)
{
    static readonly DateOnly ChildBirth = new(2019, 6, 1);

    async Task<(string Township, Wushe.Tests.Builders.TestUsers.Made User, HttpClient Worker)> TownshipWithWorker()
    {
        var township = await Places.NewTownshipAsync(app);
        var user = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        return (township, user, await app.CreateClientAsync(user.UserName));
    }

    static object GuardianConsent(string by) => new { consentedBy = by, relation = "母亲", byGuardian = true, scope = "Sensitive", givenOn = "2026-11-01" };

    [Fact]
    public async Task A_guardians_consent_is_given_by_the_guardian_on_record_on_the_API_and_the_page()
    {
        var (township, user, worker) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: [TestHouseholds.Head(), TestHouseholds.Child(ChildBirth, consent: false)]);
        var child = made.Members[1];

        // Anyone ticking "by the guardian" does not unlock the child's sensitive fields: the consent names the guardian on record.
        var refused = await (await worker.PostAsJsonAsync($"/api/v1/residents/{child}/consents", GuardianConsent("隔壁王叔叔"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("测试监护人", refused.GetProperty("errors").GetProperty("consentedBy")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.Set<Consent>().CountAsync(c => c.ResidentId == child)));

        // The page says the same beside the field, and saves nothing.
        var pages = await app.CookieClientAsync(user.UserName);
        var session = new PageSession(pages);
        var response = await session.PostFormAsync($"/Households/Details/{made.Id}?handler=Consent", new()
        {
            ["ConsentResident"] = child.ToString(), ["Consent.ConsentedBy"] = "隔壁王叔叔", ["Consent.Relation"] = "邻居",
            ["Consent.ByGuardian"] = "true", ["Consent.Scope"] = "Sensitive", ["Consent.GivenOn"] = "2026-11-01",
        }, tokenFrom: $"/Households/Details/{made.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("同意人须为登记的监护人“测试监护人”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.Set<Consent>().CountAsync(c => c.ResidentId == child)));

        // A member without a guardian on record cannot have a guardian's consent at all.
        var head = made.Members[0];
        var noGuardian = await (await worker.PostAsJsonAsync($"/api/v1/residents/{head}/consents", GuardianConsent("测试监护人"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("未登记监护人", noGuardian.GetProperty("errors").GetProperty("consentedBy")[0].GetString(), StringComparison.Ordinal);

        // The guardian on record: accepted, and the child's ID number may now be saved.
        await (await worker.PostAsJsonAsync($"/api/v1/residents/{child}/consents", GuardianConsent("测试监护人"))).Expect(HttpStatusCode.Created);
        var fields = new ResidentFields("测试儿童", Sex.Female, ChildBirth, Relation.Child, Numbers.ResidentIdNumber(ChildBirth, male: false), GuardianName: "测试监护人", GuardianRelation: "母亲");
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{child}", fields)).Expect(HttpStatusCode.OK);

        // A new guardian does not inherit the former one's consent: sensitive fields wait for theirs.
        var newGuardian = fields with { IdNumber = null, Phone = Numbers.Mobile(), GuardianName = "新监护人", GuardianRelation = "祖母" };
        var waits = await (await worker.PutAsJsonAsync($"/api/v1/residents/{child}", newGuardian)).Expect(HttpStatusCode.BadRequest);
        Assert.True(waits.GetProperty("errors").TryGetProperty("phone", out _), waits.ToString());
    }

    [Fact]
    public async Task Withdrawing_the_guardians_consent_erases_a_childs_sensitive_fields_warns_first_and_is_audited()
    {
        var (township, user, worker) = await TownshipWithWorker();
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var tag = await app.Query(db => TargetGroups.Visible(db, community).Where(t => t.IsActive).Select(t => t.Id).FirstAsync());
        var child = TestHouseholds.Child(ChildBirth) with { Phone = Numbers.Mobile(), HealthNote = "哮喘", Tags = [tag] };
        var made = await TestHouseholds.CreateAsync(app, community, members: [TestHouseholds.Head(), child]);
        var childId = made.Members[1];
        var consent = await app.Query(db => db.Set<Consent>().Where(c => c.ResidentId == childId).Select(c => c.Id).SingleAsync());

        // The page warns before: the confirmation names what the withdrawal erases.
        var pages = await app.CookieClientAsync(user.UserName);
        var html = await (await pages.GetAsync($"/Households/Details/{made.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("撤回监护人同意后，将删除其已登记的身份证号码、联系电话、健康情况和重点人群标签", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        var withdrawn = await (await worker.PostAsync($"/api/v1/residents/consents/{consent}/withdraw", null)).Expect(HttpStatusCode.OK);
        Assert.True(withdrawn.GetProperty("erased").GetBoolean());
        var stored = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.Id == childId));
        Assert.Null(stored.IdNumber);
        Assert.Null(stored.IdTail);
        Assert.Null(stored.Phone);
        Assert.Equal("", stored.HealthNote);
        Assert.Equal(0, await app.Query(db => db.Set<ResidentTag>().CountAsync(t => t.ResidentId == childId)));
        // Audited: the resident's sensitive fields changed (never their values), the tag removed.
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.EntityKey == childId.ToString() && a.Action == AuditAction.Update).ToListAsync());
        Assert.Contains(audit, a => (a.Fields ?? "").Contains(nameof(Resident.IdNumber), StringComparison.Ordinal) && (a.Fields ?? "").Contains(nameof(Resident.HealthNote), StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Changes ?? "").Contains("哮喘", StringComparison.Ordinal));

        // While withdrawn, sensitive fields cannot be saved again, and the household shows none.
        var again = new ResidentFields("测试儿童", Sex.Female, ChildBirth, Relation.Child, HealthNote: "哮喘", GuardianName: "测试监护人", GuardianRelation: "母亲");
        var refused = await (await worker.PutAsJsonAsync($"/api/v1/residents/{childId}", again)).Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("healthNote", out _));
        var details = await (await worker.GetAsync($"/api/v1/households/{made.Id}")).Expect(HttpStatusCode.OK);
        var member = details.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == childId);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, member.GetProperty("idNumber").ValueKind);
        Assert.False(member.GetProperty("hasGuardianConsent").GetBoolean());
        await (await worker.PostAsync($"/api/v1/residents/consents/{consent}/withdraw", null)).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_child_under_14_without_the_guardians_consent_is_not_revealed()
    {
        var (township, _, worker) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: [TestHouseholds.Head(), TestHouseholds.Child(ChildBirth)]);
        var childId = made.Members[1];
        // The guardian on record changes: the consent on record was the former guardian's.
        await app.Query(async db =>
        {
            var r = await db.Set<Resident>().IgnoreQueryFilters().SingleAsync(x => x.Id == childId);
            r.SetGuardian("另一监护人", "父亲", null);
            return await db.SaveChangesAsync();
        });
        var refused = await (await worker.PostAsJsonAsync($"/api/v1/residents/{childId}/reveal", new { field = "idNumber", reason = "核实身份" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("监护人同意", refused.GetProperty("errors").GetProperty("field")[0].GetString(), StringComparison.Ordinal);
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.EntityKey == childId.ToString() && a.Action == AuditAction.Reveal && a.Outcome == AuditOutcome.Failed)));
    }

    [Fact]
    public async Task A_health_note_is_cleared_by_an_empty_value_on_the_API_and_by_the_clear_box_on_the_page()
    {
        var (township, user, worker) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: TestHouseholds.Head("周桂芳") with { HealthNote = "高血压" });
        var head = made.Members[0];
        var stored = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.Id == head));
        var fields = new ResidentFields(stored.Name, stored.Sex, stored.BirthDate, Relation.Head);

        // null keeps it; "" clears it.
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{head}", fields)).Expect(HttpStatusCode.OK);
        Assert.Equal("高血压", await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == head).Select(r => r.HealthNote).SingleAsync()));
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{head}", fields with { HealthNote = "" })).Expect(HttpStatusCode.OK);
        Assert.Equal("", await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == head).Select(r => r.HealthNote).SingleAsync()));

        // The page: an empty box keeps the note on file (it is not shown), the "clear" box empties it.
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{head}", fields with { HealthNote = "糖尿病" })).Expect(HttpStatusCode.OK);
        var session = new PageSession(await app.CookieClientAsync(user.UserName));
        var page = $"/Households/Resident?id={head}";
        var form = new Dictionary<string, string>
        {
            ["Resident.Name"] = stored.Name, ["Resident.Sex"] = stored.Sex.ToString(), ["Resident.BirthDate"] = stored.BirthDate.ToString("yyyy-MM-dd"),
            ["Resident.Relation"] = "Head", ["Resident.HealthNote"] = "",
        };
        Assert.Contains("清除已登记的健康情况", (await session.GetAsync(page)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, form, page)).StatusCode);
        Assert.Equal("糖尿病", await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == head).Select(r => r.HealthNote).SingleAsync()));
        form["ClearHealthNote"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, form, page)).StatusCode);
        Assert.Equal("", await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == head).Select(r => r.HealthNote).SingleAsync()));
    }

    [Fact]
    public async Task Phones_are_cleared_like_the_health_note_and_no_guardian_keeps_no_guardians_phone()
    {
        var (township, user, worker) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township),
            members: [TestHouseholds.Head("钱秀兰") with { Phone = "13800138000" }, TestHouseholds.Child(ChildBirth)]);
        var (head, child) = (made.Members[0], made.Members[1]);
        async Task<(bool Phone, bool GuardianPhone, string Guardian)> Stored(Guid id)
        {
            var r = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == id)
                .Select(r => new { Phone = r.Phone != null, GuardianPhone = r.GuardianPhone != null, r.GuardianName }).SingleAsync());
            return (r.Phone, r.GuardianPhone, r.GuardianName);
        }
        var h = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.Id == head));
        var headFields = new ResidentFields(h.Name, h.Sex, h.BirthDate, Relation.Head);

        // The API: null keeps the phone, "" clears it.
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{head}", headFields)).Expect(HttpStatusCode.OK);
        Assert.True((await Stored(head)).Phone);
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{head}", headFields with { Phone = "" })).Expect(HttpStatusCode.OK);
        Assert.False((await Stored(head)).Phone);

        // The page: an empty box keeps the guardian's phone, the "clear" box empties it.
        var c = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.Id == child));
        var childFields = new ResidentFields(c.Name, c.Sex, c.BirthDate, c.Relation, GuardianName: c.GuardianName, GuardianRelation: c.GuardianRelation);
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{child}", childFields with { GuardianPhone = "13900139000" })).Expect(HttpStatusCode.OK);
        Assert.True((await Stored(child)).GuardianPhone);
        var session = new PageSession(await app.CookieClientAsync(user.UserName));
        var page = $"/Households/Resident?id={child}";
        var form = new Dictionary<string, string>
        {
            ["Resident.Name"] = c.Name, ["Resident.Sex"] = c.Sex.ToString(), ["Resident.BirthDate"] = c.BirthDate.ToString("yyyy-MM-dd"),
            ["Resident.Relation"] = c.Relation.ToString(), ["Resident.GuardianName"] = c.GuardianName, ["Resident.GuardianRelation"] = c.GuardianRelation,
            ["Resident.GuardianPhone"] = "",
        };
        Assert.Contains("清除已登记的监护人电话", (await session.GetAsync(page)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, form, page)).StatusCode);
        Assert.True((await Stored(child)).GuardianPhone);
        form["ClearGuardianPhone"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(page, form, page)).StatusCode);
        Assert.False((await Stored(child)).GuardianPhone);

        // A guardian's phone without a guardian is refused by name (it would be kept for no one).
        var refused = await (await worker.PutAsJsonAsync($"/api/v1/residents/{head}", headFields with { GuardianPhone = "13900139000" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("监护人", refused.GetProperty("errors").GetProperty("guardianPhone")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_IDs_409_carries_the_household_in_scope_and_nothing_elsewhere()
    {
        var (township, user, worker) = await TownshipWithWorker();
        var id = Numbers.ResidentIdNumber();
        var first = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: TestHouseholds.Head("赵德明", id));
        var second = await TestHouseholds.CreateAsync(app, first.AreaCode);

        // In scope: the problem names the household to open, on registering and on adding a member.
        var register = await (await worker.PostAsJsonAsync("/api/v1/households", new RegisterHousehold.Request(first.AreaCode, "别处路2号", [TestHouseholds.Head("赵德明", id)])))
            .Expect(HttpStatusCode.Conflict);
        Assert.Equal(first.Id, register.GetProperty(ResidentFields.ExistingHousehold).GetGuid());
        var member = await (await worker.PostAsJsonAsync($"/api/v1/households/{second.Id}/members", TestHouseholds.Head("赵德明", id) with { Relation = Relation.Sibling }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Equal(first.Id, member.GetProperty(ResidentFields.ExistingHousehold).GetGuid());

        // The page links it.
        var session = new PageSession(await app.CookieClientAsync(user.UserName));
        var page = $"/Households/Resident?household={second.Id}";
        var birth = Wushe.Platform.Validation.ResidentId.BirthDate(id);
        var html = await (await session.PostFormAsync(page, new()
        {
            ["Resident.Name"] = "赵德明", ["Resident.Sex"] = (Wushe.Platform.Validation.ResidentId.IsMale(id) ? Sex.Male : Sex.Female).ToString(),
            ["Resident.BirthDate"] = birth.ToString("yyyy-MM-dd"), ["Resident.Relation"] = "Sibling", ["Resident.IdNumber"] = id,
        }, page)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Households/Details?id={first.Id}\"", html, StringComparison.Ordinal);

        // Elsewhere: 409 without any household.
        var (otherTownship, _, other) = await TownshipWithWorker();
        var otherCommunity = await TestHouseholds.NewCommunityAsync(app, otherTownship);
        var elsewhere = await other.PostAsJsonAsync("/api/v1/households", new RegisterHousehold.Request(otherCommunity, "沙河路1号", [TestHouseholds.Head("赵德明", id)]));
        var body = await elsewhere.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        Assert.Contains("其他地区", body, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id.ToString(), body, StringComparison.Ordinal);
        Assert.DoesNotContain(ResidentFields.ExistingHousehold, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_persons_own_consent_names_the_person()
    {
        var (township, _, worker) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: [TestHouseholds.Head("刘本人")]);
        var head = made.Members[0];
        var refused = await (await worker.PostAsJsonAsync($"/api/v1/residents/{head}/consents",
            new { consentedBy = "x", relation = "本人", byGuardian = false, scope = "Sensitive", givenOn = "2026-11-01" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("刘本人", refused.GetProperty("errors").GetProperty("consentedBy")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.Set<Consent>().CountAsync(c => c.ResidentId == head && c.ConsentedBy == "x")));
        await (await worker.PostAsJsonAsync($"/api/v1/residents/{head}/consents",
            new { consentedBy = "刘本人", relation = "本人", byGuardian = false, scope = "Sensitive", givenOn = "2026-11-01" })).Expect(HttpStatusCode.Created);
    }
}
