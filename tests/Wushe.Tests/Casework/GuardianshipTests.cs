using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Features.Casework.Guardianship;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>Guardianship assessments: minors only, the next due day from the area's scheme, a service record, the list.</summary>
public sealed class GuardianshipTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    static object Assessment(Guid residentId, DateOnly? on = null) => new
    {
        residentId, assessedOn = (on ?? Today).ToString("yyyy-MM-dd"), guardianName = "测试监护人", capacityScore = 3, livingScore = 4, safetyScore = 4,
        level = "NeedsSupport", findings = "祖辈监护，课后无人看护", followUpPlan = "链接课后托管服务",
    };

    /// <summary>The world's household registered a year ago, so assessments dated in the past are not before its registration.</summary>
    static async Task<CaseworkWorld> RegisteredAYearAgoAsync(TestApp app)
    {
        var w = await CaseworkWorld.CreateAsync(app);
        await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == w.HouseholdId)
            .ExecuteUpdateAsync(u => u.SetProperty(h => h.CreatedAt, DateTimeOffset.UtcNow.AddYears(-1))));
        return w;
    }

    [Fact]
    public async Task The_next_assessment_is_due_after_the_schemes_months_or_six()
    {
        var w = await RegisteredAYearAgoAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", Assessment(w.ChildId, Today.AddDays(-10))))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            Assert.Equal(Today.AddDays(-10).AddMonths(6), (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextDueOn").GetString() is { } s ? DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : default);
        }
        // The township's scheme says 3 months; a community staff member (whose scope is below the scheme) reads it too.
        await app.Query(async db =>
        {
            db.Add(new CardScheme(w.Township, "三色户卡", [new CardColour("red", "红卡", "高风险", 7, "#d9363e")], 3, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return 0;
        });
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Community);
        var community = await app.CreateClientAsync(staff.UserName);
        using (var r = await community.PostAsJsonAsync("/api/v1/guardianship", Assessment(w.ChildId)))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            Assert.Equal(Today.AddMonths(3).ToString("yyyy-MM-dd"), (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextDueOn").GetString());
        }
        // Each assessment is a service of its kind to the child.
        Assert.Equal(2, await app.Query(db => db.Set<ServiceBeneficiary>().CountAsync(b => b.ResidentId == w.ChildId && b.Kind == ServiceKind.GuardianshipAssessment)));
        // The list: the child, masked, with the latest assessment and its due day.
        var list = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/guardianship?area={w.Community}");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("张*明", row.GetProperty("name").GetString());
        Assert.Equal(Today.AddMonths(3).ToString("yyyy-MM-dd"), row.GetProperty("nextDueOn").GetString());
        Assert.Equal(0, row.GetProperty("overdueDays").GetInt32());
    }

    [Fact]
    public async Task An_assessment_overdue_from_the_day_after_it_is_due()
    {
        var w = await RegisteredAYearAgoAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        // Seven months ago with the default six: overdue by about a month.
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", Assessment(w.ChildId, Today.AddMonths(-7)))) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var overdue = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/guardianship?area={w.Community}&due=Overdue");
        var row = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(Today.DayNumber - Today.AddMonths(-7).AddMonths(6).DayNumber, row.GetProperty("overdueDays").GetInt32());
        Assert.Empty((await worker.GetFromJsonAsync<JsonElement>($"/api/v1/guardianship?area={w.Community}&due=Never")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Only_minors_and_no_future_dates_and_nothing_saved_when_refused()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", Assessment(w.AdultId)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("未满18周岁", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", Assessment(w.ChildId, Today.AddDays(1))))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", new
               {
                   residentId = w.ChildId, assessedOn = Today.ToString("yyyy-MM-dd"), guardianName = "测试监护人", capacityScore = 6, livingScore = 0, safetyScore = 3,
                   level = "Adequate", findings = "良好", followUpPlan = "按期复评",
               }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var body = await r.Content.ReadAsStringAsync();
            Assert.Contains("capacityScore", body, StringComparison.Ordinal);
            Assert.Contains("livingScore", body, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.Query(db => db.Set<GuardianshipAssessment>().CountAsync(a => a.HouseholdId == w.HouseholdId)));
        Assert.Equal(0, await app.Query(db => db.Set<ServiceBeneficiary>().CountAsync(b => b.ResidentId == w.ChildId || b.ResidentId == w.AdultId)));
    }

    [Fact]
    public async Task A_child_of_another_township_is_neither_listed_nor_assessed()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var other = await CaseworkWorld.CreateAsync(app);
        var outsider = await app.CreateClientAsync(other.Worker.UserName);
        using (var r = await outsider.PostAsJsonAsync("/api/v1/guardianship", Assessment(w.ChildId)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("不在您的管辖范围内", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var list = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/guardianship?size=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), x => x.GetProperty("residentId").GetGuid() == w.ChildId);
        // Never on an anonymous page or route.
        using var anonymous = app.Anonymous();
        using (var r = await anonymous.GetAsync("/api/v1/guardianship")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await anonymous.GetAsync($"/Casework/Guardianship/Record?residentId={w.ChildId}")) Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task The_guardian_is_the_one_on_record_the_level_follows_the_scores_and_the_day_is_not_before_registration()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        object Body(string guardian, int capacity, int living, int safety, string? level, DateOnly? on = null) => new
        {
            residentId = w.ChildId, assessedOn = (on ?? Today).ToString("yyyy-MM-dd"), guardianName = guardian, capacityScore = capacity, livingScore = living,
            safetyScore = safety, level, findings = "祖辈监护，课后无人看护", followUpPlan = "链接课后托管服务",
        };
        async Task Refused(object body, string field, string words)
        {
            using var r = await worker.PostAsJsonAsync("/api/v1/guardianship", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var text = await r.Content.ReadAsStringAsync();
            Assert.Contains(field, text, StringComparison.Ordinal);
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
        // Someone who is not the guardian on record (测试监护人).
        await Refused(Body("李四", 4, 4, 4, "Adequate"), "guardianName", "测试监护人");
        // All scores 1 with the best result; one unsafe home (safety 2) called adequate.
        await Refused(Body("测试监护人", 1, 1, 1, "Adequate"), "level", "评估结果");
        await Refused(Body("测试监护人", 5, 5, 2, "NeedsSupport"), "level", "监护不到位");
        // The day before the household was registered (today): the rule of visits and cards.
        await Refused(Body("测试监护人", 4, 4, 4, null, Today.AddDays(-1)), "assessedOn", "登记日期");
        Assert.Equal(0, await app.Query(db => db.Set<GuardianshipAssessment>().CountAsync(a => a.ResidentId == w.ChildId)));
        // Without a level it is computed from the lowest score; a graver judgement than the scores stands.
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", Body("测试监护人", 5, 3, 4, null))) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using (var r = await worker.PostAsJsonAsync("/api/v1/guardianship", Body("测试监护人", 5, 5, 5, "NeedsSupport"))) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var levels = await app.Query(db => db.Set<GuardianshipAssessment>().Where(a => a.ResidentId == w.ChildId).OrderBy(a => a.RecordedAt).Select(a => a.Level).ToListAsync());
        Assert.Equal([GuardianshipLevel.NeedsSupport, GuardianshipLevel.NeedsSupport], levels);
        Assert.Equal(GuardianshipLevel.AtRisk, RecordGuardianshipAssessment.LevelOf(5, 5, 1));
        Assert.Equal(GuardianshipLevel.Adequate, RecordGuardianshipAssessment.LevelOf(4, 5, 4));
    }
}
