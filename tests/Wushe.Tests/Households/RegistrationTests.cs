using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Households;

/// <summary>Registering households and residents: the ID rules, duplicates, guardians and the consent of under-14s.</summary>
public sealed class RegistrationTests(TestApp app)
{
    static async Task<Wushe.Platform.Outcomes.Result<RegisterHousehold.Registered>> Register(TestApp app, TimeProvider clock, string area, params ResidentFields[] members)
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        return await RegisterHousehold.Handle(sp.GetRequiredService<AppDb>(), CurrentUser.System, sp.GetRequiredService<Sealer>(), clock,
            new RegisterHousehold.Request(area, "测试路8号", [.. members]));
    }

    [Fact]
    public async Task The_registering_worker_is_the_responsible_worker_unless_another_is_chosen()
    {
        // review7c 8: a household registered with no worker was in nobody's My visits.
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        var bureau = await TestUsers.CreateAsync(app, Role.BureauStaff, township[..6] + "000000");
        using var client = await app.CreateClientAsync(worker.UserName);
        var body = new RegisterHousehold.Request(community, "包户路1号", [TestHouseholds.Head("包户甲")]);
        var made = await (await client.PostAsJsonAsync("/api/v1/households", body)).Expect(HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        Assert.Equal(worker.Id, await app.Query(db => db.Set<Household>().Where(h => h.Id == id).Select(h => h.WorkerId).SingleAsync()));
        // A bureau registering (not a visitor of the area) leaves it for the station to assign.
        using var county = await app.CreateClientAsync(bureau.UserName);
        var other = await (await county.PostAsJsonAsync("/api/v1/households", body with { Address = "包户路2号", Members = [TestHouseholds.Head("包户乙")] })).Json();
        if (other.TryGetProperty("id", out var otherId))
            Assert.Null(await app.Query(db => db.Set<Household>().Where(h => h.Id == otherId.GetGuid()).Select(h => h.WorkerId).SingleAsync()));
    }

    [Fact]
    public async Task The_same_ID_with_a_lower_case_x_is_the_same_person()
    {
        var area = await TestHouseholds.NewCommunityAsync(app);
        const string lower = "11010519491231002x", upper = "11010519491231002X";
        Assert.Null(ResidentId.Check(lower, new DateOnly(2026, 11, 30)));
        await TestHouseholds.CreateAsync(app, area, members: TestHouseholds.Head("王老汉", lower) with { Sex = Sex.Female });

        var again = await Register(app, TimeProvider.System, area, TestHouseholds.Head("王老汉", upper) with { Sex = Sex.Female });
        Assert.False(again.IsOk);
        Assert.Contains("已登记", Assert.Single(again.Failure!.Errors!["members[0].idNumber"]), StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().CountAsync(r => r.Name == "王老汉")));
    }

    [Fact]
    public async Task A_duplicate_in_scope_names_the_person_and_one_elsewhere_does_not_say_where()
    {
        var id = Numbers.ResidentIdNumber();
        var first = await TestHouseholds.CreateAsync(app, address: "幸福路12号", members: TestHouseholds.Head("李秀英", id));

        var inScope = await Register(app, TimeProvider.System, first.AreaCode, TestHouseholds.Head("李秀英", id));
        Assert.Contains("幸福路12号", inScope.Failure!.Errors!["members[0].idNumber"][0], StringComparison.Ordinal);

        // Over HTTP, as a station worker of another township (沙河街道): 409, and nothing about the first household.
        var other = await app.CreateClientAsync("shahe.sq");
        var response = await other.PostAsJsonAsync("/api/v1/households", new RegisterHousehold.Request("150207001001", "沙河路1号", [TestHouseholds.Head("李秀英", id)]));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("其他地区", body, StringComparison.Ordinal);
        Assert.DoesNotContain("幸福路", body, StringComparison.Ordinal);
        Assert.DoesNotContain(first.AreaCode, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("810000")]
    [InlineData("820000")]
    [InlineData("830000")]
    public async Task Residence_permits_of_Hong_Kong_Macau_and_Taiwan_residents_register(string address)
    {
        var id = Numbers.ResidentIdNumber(new DateOnly(1985, 5, 5), male: true, area: address);
        var made = await TestHouseholds.CreateAsync(app, members: TestHouseholds.Head("陈港生", id));
        var stored = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.Id == made.Members[0]));
        // Kept where the household lives; the permit's 810000 is not taken for an area.
        Assert.Equal(made.AreaCode, stored.AreaCode);
        Assert.Equal(Mask.IdNumber(id), stored.IdNumber!.Masked);
        Assert.Equal(id[^4..], stored.IdTail);
    }

    [Fact]
    public async Task A_child_born_2012_12_01_needs_the_guardians_consent_until_China_midnight()
    {
        var birth = new DateOnly(2012, 12, 1);
        var area = await TestHouseholds.NewCommunityAsync(app);
        var child = new ResidentFields("张小雨", Sex.Female, birth, Relation.Child, Numbers.ResidentIdNumber(birth, male: false),
            GuardianName: "张建国", GuardianRelation: "父亲");

        // 23:59 on 30 November 2026 in China (15:59 UTC): 13, so the ID number needs the guardian's separate consent.
        var before = await Register(app, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero)), area, TestHouseholds.Head(), child);
        Assert.False(before.IsOk);
        Assert.Contains("监护人单独同意", before.Failure!.Errors!["members[1].idNumber"][0], StringComparison.Ordinal);

        // One minute later it is 1 December in China: 14, and the same request registers.
        var after = await Register(app, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)), area, TestHouseholds.Head(), child);
        Assert.True(after.IsOk, after.Failure?.Title);
    }

    [Fact]
    public async Task A_child_under_14_registers_without_sensitive_fields_and_with_them_once_the_guardian_consents()
    {
        var birth = new DateOnly(2018, 3, 3);
        var without = await TestHouseholds.CreateAsync(app, members: [TestHouseholds.Head(), TestHouseholds.Child(birth, consent: false)]);
        Assert.Equal(2, without.Members.Count);

        var with = await TestHouseholds.CreateAsync(app, members: [TestHouseholds.Head(), TestHouseholds.Child(birth, consent: true)]);
        var consent = await app.Query(db => db.Set<Consent>().IgnoreQueryFilters().SingleAsync(c => c.ResidentId == with.Members[1]));
        Assert.True(consent.ByGuardian);
        Assert.Equal("测试监护人", consent.ConsentedBy);
    }

    [Fact]
    public async Task A_minor_needs_a_guardian_and_the_head_is_one_and_only_one()
    {
        var area = await TestHouseholds.NewCommunityAsync(app);
        var minor = new ResidentFields("赵小", Sex.Male, new DateOnly(2010, 1, 1), Relation.Child);
        var result = await Register(app, TimeProvider.System, area, TestHouseholds.Head(), minor, TestHouseholds.Head());
        Assert.False(result.IsOk);
        var errors = result.Failure!.Errors!;
        Assert.Contains("members[1].guardianName", errors.Keys);
        Assert.Contains("members", errors.Keys);
        Assert.Equal(0, await app.Query(db => db.Set<Household>().IgnoreQueryFilters().CountAsync(h => h.AreaCode == area)));
    }

    [Fact]
    public async Task The_birth_date_and_sex_must_agree_with_the_ID_number()
    {
        var id = Numbers.ResidentIdNumber(new DateOnly(1970, 7, 7), male: true);
        var result = await Register(app, TimeProvider.System, await TestHouseholds.NewCommunityAsync(app),
            new ResidentFields("周某", Sex.Female, new DateOnly(1970, 7, 8), Relation.Head, id));
        Assert.Contains("members[0].birthDate", result.Failure!.Errors!.Keys);
        Assert.Contains("members[0].sex", result.Failure.Errors.Keys);
    }
}
