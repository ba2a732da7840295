using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
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
        residentId, assessedOn = (on ?? Today).ToString("yyyy-MM-dd"), guardianName = "张奶奶", capacityScore = 3, livingScore = 4, safetyScore = 4,
        level = "NeedsSupport", findings = "祖辈监护，课后无人看护", followUpPlan = "链接课后托管服务",
    };

    [Fact]
    public async Task The_next_assessment_is_due_after_the_schemes_months_or_six()
    {
        var w = await CaseworkWorld.CreateAsync(app);
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
        var w = await CaseworkWorld.CreateAsync(app);
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
                   residentId = w.ChildId, assessedOn = Today.ToString("yyyy-MM-dd"), guardianName = "张奶奶", capacityScore = 6, livingScore = 0, safetyScore = 3,
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
}
