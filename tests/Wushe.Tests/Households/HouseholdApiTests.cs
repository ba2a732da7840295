using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>The household list, details, members, consents and reveals over HTTP, as station workers of a township and of another.</summary>
public sealed class HouseholdApiTests(TestApp app)
{
    async Task<(string Township, HttpClient Worker)> TownshipWithWorker()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        return (township, await app.CreateClientAsync(worker.UserName));
    }

    [Fact]
    public async Task Search_finds_a_household_by_a_members_name_by_the_ID_tail_and_by_tag()
    {
        var (township, worker) = await TownshipWithWorker();
        var area = await TestHouseholds.NewCommunityAsync(app, township);
        var id = Numbers.ResidentIdNumber();
        var made = await TestHouseholds.CreateAsync(app, area, "安康路3号", null, TestHouseholds.Head("欧阳秋菊"),
            new ResidentFields("欧阳小明", Wushe.Platform.Validation.ResidentId.IsMale(id) ? Sex.Male : Sex.Female, Wushe.Platform.Validation.ResidentId.BirthDate(id), Relation.Child, id));
        await TestHouseholds.CreateAsync(app, area, "安康路4号");

        var byName = await (await worker.GetAsync($"/api/v1/households?keyword=欧阳小明")).Expect(HttpStatusCode.OK);
        Assert.Equal(made.Id.ToString(), Assert.Single(byName.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var byTail = await (await worker.GetAsync($"/api/v1/households?idTail={id[^4..].ToLowerInvariant()}&area={area}")).Expect(HttpStatusCode.OK);
        Assert.Contains(byTail.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == made.Id.ToString());
        var byAddress = await (await worker.GetAsync($"/api/v1/households?keyword=安康路&area={area}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, byAddress.GetProperty("total").GetInt32());

        await (await worker.GetAsync("/api/v1/households?idTail=12a4")).Expect(HttpStatusCode.BadRequest);
        await (await worker.GetAsync("/api/v1/households?sort=nonsense")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_townships_worker_gets_404_for_the_household_its_members_and_reveals()
    {
        var (township, _) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township));
        var (_, other) = await TownshipWithWorker();

        await (await other.GetAsync($"/api/v1/households/{made.Id}")).Expect(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/v1/households/{made.Id}", new { address = "别处路1号" })).Expect(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/households/{made.Id}/members", TestHouseholds.Head() with { Relation = Relation.Spouse })).Expect(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/v1/residents/{made.Members[0]}", TestHouseholds.Head())).Expect(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/residents/{made.Members[0]}/reveal", new { field = "idNumber", reason = "核实身份" })).Expect(HttpStatusCode.NotFound);
        var list = await (await other.GetAsync("/api/v1/households?keyword=测试户主")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == made.Id.ToString());
        // The refused reveal is a security event.
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(r => r.EntityKey == made.Members[0].ToString() && r.Action == AuditAction.Reveal && r.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Details_show_ID_numbers_masked_and_a_reveal_needs_a_reason_and_is_audited()
    {
        var (township, worker) = await TownshipWithWorker();
        var id = Numbers.ResidentIdNumber();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: TestHouseholds.Head("钱玉兰", id));

        var details = await (await worker.GetAsync($"/api/v1/households/{made.Id}")).Expect(HttpStatusCode.OK);
        var raw = details.GetRawText();
        Assert.DoesNotContain(id, raw, StringComparison.Ordinal);
        Assert.Contains(Mask.IdNumber(id), raw, StringComparison.Ordinal);

        await (await worker.PostAsJsonAsync($"/api/v1/residents/{made.Members[0]}/reveal", new { field = "idNumber" })).Expect(HttpStatusCode.BadRequest);
        var shown = await (await worker.PostAsJsonAsync($"/api/v1/residents/{made.Members[0]}/reveal", new { field = "idNumber", reason = "办理低保复核" })).Expect(HttpStatusCode.OK);
        Assert.Equal(id, shown.GetProperty("value").GetString());
        var audit = await app.Query(db => db.AuditRecords.Where(r => r.EntityKey == made.Members[0].ToString() && r.Action == AuditAction.Reveal && r.Outcome == AuditOutcome.Success).ToListAsync());
        var record = Assert.Single(audit);
        Assert.Equal("办理低保复核", record.Reason);
        Assert.DoesNotContain(id, record.Changes ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_member_keeps_one_head_and_editing_keeps_the_stored_ID_when_none_is_typed()
    {
        var (township, worker) = await TownshipWithWorker();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township));

        var second = await (await worker.PostAsJsonAsync($"/api/v1/households/{made.Id}/members", TestHouseholds.Head("另一户主"))).Expect(HttpStatusCode.BadRequest);
        Assert.True(second.GetProperty("errors").TryGetProperty("relation", out _));

        var spouseId = Numbers.ResidentIdNumber(new DateOnly(1962, 4, 4), male: false);
        var added = await (await worker.PostAsJsonAsync($"/api/v1/households/{made.Id}/members",
            new ResidentFields("孙桂兰", Sex.Female, new DateOnly(1962, 4, 4), Relation.Spouse, spouseId))).Expect(HttpStatusCode.Created);
        var spouse = Guid.Parse(added.GetProperty("id").GetString()!);
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{spouse}", new ResidentFields("孙桂兰", Sex.Female, new DateOnly(1962, 4, 4), Relation.Spouse, HealthNote: "糖尿病")))
            .Expect(HttpStatusCode.OK);
        var stored = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.Id == spouse));
        Assert.Equal(Mask.IdNumber(spouseId), stored.IdNumber!.Masked);
        Assert.Equal("糖尿病", stored.HealthNote);
        Assert.Equal(2, await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => h.MemberCount).SingleAsync()));
    }

    [Fact]
    public async Task A_child_under_14_gets_sensitive_fields_only_after_the_guardians_consent_is_recorded()
    {
        var (township, worker) = await TownshipWithWorker();
        var birth = new DateOnly(2019, 6, 1);
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), members: [TestHouseholds.Head(), TestHouseholds.Child(birth, consent: false)]);
        var child = made.Members[1];
        var fields = new ResidentFields("测试儿童", Sex.Female, birth, Relation.Child, Numbers.ResidentIdNumber(birth, male: false), GuardianName: "测试监护人", GuardianRelation: "母亲");

        var refused = await (await worker.PutAsJsonAsync($"/api/v1/residents/{child}", fields)).Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("idNumber", out _));
        Assert.Null(await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == child).Select(r => r.IdTail).SingleAsync()));

        // The child's own consent is refused: under 14 it is the guardian's.
        await (await worker.PostAsJsonAsync($"/api/v1/residents/{child}/consents", new { consentedBy = "测试儿童", relation = "本人", byGuardian = false, scope = "Sensitive", givenOn = "2026-11-01" }))
            .Expect(HttpStatusCode.BadRequest);
        await (await worker.PostAsJsonAsync($"/api/v1/residents/{child}/consents", new { consentedBy = "测试监护人", relation = "母亲", byGuardian = true, scope = "Sensitive", givenOn = "2026-11-01" }))
            .Expect(HttpStatusCode.Created);
        await (await worker.PutAsJsonAsync($"/api/v1/residents/{child}", fields)).Expect(HttpStatusCode.OK);
        Assert.NotNull(await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == child).Select(r => r.IdTail).SingleAsync()));
    }

    [Fact]
    public async Task A_volunteer_and_an_organization_user_cannot_read_households()
    {
        var made = await TestHouseholds.CreateAsync(app);
        foreach (var login in new[] { "volunteer", "org.staff" })
        {
            var client = await app.CreateClientAsync(login);
            await (await client.GetAsync("/api/v1/households")).Expect(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/v1/households/{made.Id}")).Expect(HttpStatusCode.Forbidden);
        }
    }
}
