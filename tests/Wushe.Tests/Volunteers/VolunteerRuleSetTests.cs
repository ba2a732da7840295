using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>An area's own volunteer rules over HTTP: inheritance down the divisions, validation, scope, audit, the page.</summary>
public sealed class VolunteerRuleSetTests(TestApp app)
{
    /// <summary>A made-up city of 安徽 (34xx) with two counties, a township and a village under the first: its own each test.</summary>
    sealed record City(string Code, string County1, string County2, string Township, string Village);

    static int next = 69;

    async Task<City> NewCityAsync()
    {
        var n = Interlocked.Increment(ref next);
        if (n > 99) throw new InvalidOperationException("Out of test cities.");
        var city = $"34{n:00}00000000";
        var c = new City(city, $"34{n:00}01000000", $"34{n:00}02000000", $"34{n:00}01001000", $"34{n:00}01001001");
        await app.Query(async db =>
        {
            var from = new DateOnly(2026, 1, 1);
            db.Areas.Add(new Area(c.Code, $"测试{n}市", AreaKind.Other, isGenerated: true, from));
            db.Areas.Add(new Area(c.County1, $"测试{n}甲县", AreaKind.Other, isGenerated: true, from));
            db.Areas.Add(new Area(c.County2, $"测试{n}乙县", AreaKind.Other, isGenerated: true, from));
            db.Areas.Add(new Area(c.Township, $"测试{n}镇", AreaKind.Town, isGenerated: true, from));
            db.Areas.Add(new Area(c.Village, $"测试{n}村", AreaKind.Village, isGenerated: true, from));
            await db.SaveChangesAsync();
            return 0;
        });
        return c;
    }

    static object Body(string area, int postingDays = 3, int pointsPerHour = 1, int[]? stars = null, bool donation = false, int? version = null) => new
    {
        areaCode = area, roundingMinutes = 30, dailyCapMinutes = 480, postingDays, minAttendancePercent = 60,
        starThresholdHours = stars ?? [100, 300, 600, 1000, 1500], pointsPerHour, geofenceMeters = 500, pointsDonationAllowed = donation,
        redeemMinStars = 1, pointsCap = 1500, version,
    };

    Task<VolunteerSettings> RulesOf(string area) => app.Query(db => VolunteerRules.ForAreaAsync(db, area));

    static async Task<JsonElement> Get(HttpClient client, string area) => await (await client.GetAsync($"/api/v1/volunteers/rules?area={area}")).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task A_citys_rules_apply_to_its_counties_and_villages_a_countys_own_win_and_removing_them_restores_inheritance()
    {
        var c = await NewCityAsync();
        using var city = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        using var county = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.County1)).UserName);
        Assert.Equal(VolunteerSettings.National, await RulesOf(c.Village));
        Assert.Equal("National", (await Get(city, c.Village)).GetProperty("source").GetString());

        var saved = await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 5, pointsPerHour: 2, donation: true))).Expect(HttpStatusCode.OK);
        Assert.Equal(0, saved.GetProperty("version").GetInt32());
        foreach (var area in new[] { c.Code, c.County1, c.County2, c.Township, c.Village })
        {
            var rules = await RulesOf(area);
            Assert.Equal((5, 2, true), (rules.PostingDays, rules.PointsPerHour, rules.PointsDonationAllowed));
        }
        var village = await Get(city, c.Village);
        Assert.Equal("Inherited", village.GetProperty("source").GetString());
        Assert.Equal(c.Code, village.GetProperty("definedBy").GetString());
        Assert.False(village.GetProperty("editable").GetBoolean()); // a village keeps no rules of its own

        // The county keeps its own: they win for the county and below; the other county still reads the city's.
        await (await county.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.County1, pointsPerHour: 3, stars: [50, 150, 300, 600, 900]))).Expect(HttpStatusCode.OK);
        Assert.Equal(3, (await RulesOf(c.Village)).PointsPerHour);
        Assert.Equal([50, 150, 300, 600, 900], (await RulesOf(c.Township)).StarThresholdHours);
        Assert.Equal(2, (await RulesOf(c.County2)).PointsPerHour);
        var own = await Get(county, c.County1);
        Assert.Equal("Own", own.GetProperty("source").GetString());
        Assert.True(own.GetProperty("editable").GetBoolean());

        // Removed: the county's areas take the city's again; the city's removed, the national defaults.
        var removed = await (await county.DeleteAsync($"/api/v1/volunteers/rules?area={c.County1}&version=0")).Expect(HttpStatusCode.OK);
        Assert.Equal("Inherited", removed.GetProperty("source").GetString());
        Assert.Equal(2, (await RulesOf(c.Village)).PointsPerHour);
        await (await city.DeleteAsync($"/api/v1/volunteers/rules?area={c.Code}")).Expect(HttpStatusCode.OK);
        Assert.Equal(VolunteerSettings.National, await RulesOf(c.Village));
    }

    [Fact]
    public async Task The_rules_in_force_are_read_whatever_the_readers_scope()
    {
        var c = await NewCityAsync();
        using var city = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 7))).Expect(HttpStatusCode.OK);
        // A community worker of the village (the city's rules lie above their scope) and a volunteer (no scope at all) read them.
        foreach (var reader in new[] { new Assignment(Role.CommunityStaff, c.Village, "", null), new Assignment(Role.Volunteer, Scope.Country, "", null) })
        {
            await using var scope = app.Scope(new CurrentUser(Guid.NewGuid(), "reader", [reader], null));
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            Assert.Equal(7, (await VolunteerRules.ForAreaAsync(db, c.Village)).PostingDays);
        }
    }

    [Fact]
    public async Task The_demo_gives_Bijie_its_own_rules_and_Huaibei_reads_the_national_defaults()
    {
        var qixingguan = await RulesOf("520502001001");
        Assert.Equal(2, qixingguan.PointsPerHour);
        Assert.True(qixingguan.PointsDonationAllowed);
        Assert.Equal(VolunteerSettings.National, await RulesOf("340603001001"));
    }

    [Fact]
    public async Task Thresholds_that_do_not_rise_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var c = await NewCityAsync();
        using var city = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        var bad = await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, stars: [100, 300, 300, 1000, 1500]))).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("starThresholdHours[2]", out var message), bad.ToString());
        Assert.Contains("★3", message[0].GetString(), StringComparison.Ordinal);

        var many = await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", new
        {
            areaCode = c.Code, roundingMinutes = 0, dailyCapMinutes = 475, postingDays = 31, minAttendancePercent = 60, starThresholdHours = new[] { 100, 300, 600, 1000 },
            pointsPerHour = -1, geofenceMeters = 500, redeemMinStars = 6, pointsCap = 0,
        })).Expect(HttpStatusCode.BadRequest);
        var errors = many.GetProperty("errors");
        foreach (var field in new[] { "roundingMinutes", "postingDays", "starThresholdHours", "pointsPerHour", "redeemMinStars", "pointsCap" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not named: {many}");

        // A number with letters is refused naming its field, never a 500.
        using var letters = new StringContent($$"""{"areaCode":"{{c.Code}}","roundingMinutes":"3o","dailyCapMinutes":480,"postingDays":3,"minAttendancePercent":60,"starThresholdHours":[100,300,600,1000,1500],"pointsPerHour":1,"geofenceMeters":500,"redeemMinStars":1}""",
            System.Text.Encoding.UTF8, "application/json");
        var unparsed = await (await city.PutAsync("/api/v1/volunteers/rules", letters)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("roundingMinutes", unparsed.ToString(), StringComparison.OrdinalIgnoreCase);

        // A township keeps no rules of its own.
        var township = await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Township))).Expect(HttpStatusCode.BadRequest);
        Assert.True(township.GetProperty("errors").TryGetProperty("areaCode", out _));
        Assert.Equal(0, await app.Query(db => db.Set<VolunteerRuleSet>().IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith(c.Code.Substring(0, 4)))));
    }

    [Fact]
    public async Task A_county_bureau_cannot_touch_its_citys_or_another_countys_rules_and_a_stale_version_is_409()
    {
        var c = await NewCityAsync();
        using var city = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        var countyUser = await TestUsers.CreateAsync(app, Role.BureauStaff, c.County1);
        using var county = await app.CreateClientAsync(countyUser.UserName);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 5))).Expect(HttpStatusCode.OK);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.County2, postingDays: 6))).Expect(HttpStatusCode.OK);

        await (await county.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 1, version: 0))).Expect(HttpStatusCode.NotFound);
        await (await county.DeleteAsync($"/api/v1/volunteers/rules?area={c.Code}")).Expect(HttpStatusCode.NotFound);
        await (await county.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.County2, postingDays: 1, version: 0))).Expect(HttpStatusCode.NotFound);
        await (await county.DeleteAsync($"/api/v1/volunteers/rules?area={c.County2}")).Expect(HttpStatusCode.NotFound);
        await (await county.GetAsync($"/api/v1/volunteers/rules?area={c.County2}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(5, (await RulesOf(c.County1)).PostingDays);
        Assert.Equal(6, (await RulesOf(c.County2)).PostingDays);
        // Its own county reads the city's rules, read-only until it sets its own; the page of another county is 404 too.
        var mine = await Get(county, c.County1);
        Assert.Equal("Inherited", mine.GetProperty("source").GetString());
        using var page = await PageSession.SignInAsync(app, countyUser.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Volunteers/Rules?area={c.County2}")).Status);

        // Someone else changed them meanwhile: 409, and the later change is kept.
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 8, version: 0))).Expect(HttpStatusCode.OK);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 9, version: 0))).Expect(HttpStatusCode.Conflict);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 9))).Expect(HttpStatusCode.Conflict); // "create" when there are some
        await (await city.DeleteAsync($"/api/v1/volunteers/rules?area={c.Code}&version=0")).Expect(HttpStatusCode.Conflict);
        Assert.Equal(8, (await RulesOf(c.Village)).PostingDays);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_at_once_keep_one_change_and_the_other_reads_409()
    {
        var c = await NewCityAsync();
        using var one = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        using var two = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        // Creating at once: one rule set, the other 409.
        var created = await Task.WhenAll(one.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 4)),
            two.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 5)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], created.Select(r => r.StatusCode).Order());
        var answers = await Task.WhenAll(one.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 10, version: 0)),
            two.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 11, version: 0)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        var set = await app.Query(db => db.Set<VolunteerRuleSet>().SingleAsync(s => s.AreaCode == c.Code));
        Assert.Equal(1, set.Version);
        Assert.Equal(answers[0].StatusCode == HttpStatusCode.OK ? 10 : 11, set.PostingDays);
    }

    [Fact]
    public async Task Setting_changing_and_removing_rules_are_audited_with_the_area_and_the_fields()
    {
        var c = await NewCityAsync();
        using var city = await app.CreateClientAsync((await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code)).UserName);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 5))).Expect(HttpStatusCode.OK);
        await (await city.PutAsJsonAsync("/api/v1/volunteers/rules", Body(c.Code, postingDays: 6, version: 0))).Expect(HttpStatusCode.OK);
        await (await city.DeleteAsync($"/api/v1/volunteers/rules?area={c.Code}&version=1")).Expect(HttpStatusCode.OK);
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(VolunteerRuleSet) && a.AreaCode == c.Code).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Contains("测试", a.ObjectName, StringComparison.Ordinal));
        Assert.True(audit[1].Changes?.Contains("PostingDays", StringComparison.Ordinal) == true || audit[1].Changes?.Contains("公示期", StringComparison.Ordinal) == true, audit[1].Changes);
    }

    [Fact]
    public async Task On_the_page_a_bureau_sets_its_own_rules_is_told_which_field_is_wrong_and_removes_them_after_confirming()
    {
        var c = await NewCityAsync();
        var user = await TestUsers.CreateAsync(app, Role.BureauStaff, c.Code);
        using var page = await PageSession.SignInAsync(app, user.UserName);
        var (status, html) = await page.GetAsync($"/Volunteers/Rules?area={c.County1}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("全国默认规则", html, StringComparison.Ordinal);
        Assert.Contains("id=\"create-rules\"", html, StringComparison.Ordinal);
        Assert.Contains("公示期（工作日）", html, StringComparison.Ordinal);
        {
            var (_, text) = await page.GetAsync($"/Volunteers/Rules?area={c.County1}&culture=en&ui-culture=en");
            Assert.Contains("National defaults", text, StringComparison.Ordinal);
            Assert.Contains("Posting period (working days)", text, StringComparison.Ordinal);
            Assert.DoesNotContain("公示期", text, StringComparison.Ordinal);
        }

        Dictionary<string, string> Form(string star3, string rounding = "30") => new()
        {
            ["Form.RoundingMinutes"] = rounding, ["Form.DailyCapMinutes"] = "480", ["Form.PostingDays"] = "5", ["Form.MinAttendancePercent"] = "60",
            ["Form.StarThresholdHours[0]"] = "100", ["Form.StarThresholdHours[1]"] = "300", ["Form.StarThresholdHours[2]"] = star3,
            ["Form.StarThresholdHours[3]"] = "1000", ["Form.StarThresholdHours[4]"] = "1500", ["Form.PointsPerHour"] = "2", ["Form.GeofenceMeters"] = "1000",
            ["Form.RedeemMinStars"] = "1", ["Form.PointsCap"] = "", ["Form.PointsDonationAllowed"] = "true",
        };
        var url = $"/Volunteers/Rules?area={c.County1}&handler=Save";
        using (var bad = await page.PostFormAsync(url, Form("200"), $"/Volunteers/Rules?area={c.County1}&edit=true"))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var body = await bad.Content.ReadAsStringAsync();
            Assert.Contains("★3 门槛须大于 ★2", body, StringComparison.Ordinal);
            Assert.Contains("value=\"200\"", body, StringComparison.Ordinal);
        }
        using (var unparsed = await page.PostFormAsync(url, Form("600", rounding: "3o"), $"/Volunteers/Rules?area={c.County1}&edit=true"))
        {
            Assert.Equal(HttpStatusCode.OK, unparsed.StatusCode);
            var body = await unparsed.Content.ReadAsStringAsync();
            Assert.Contains("value=\"3o\"", body, StringComparison.Ordinal);
            Assert.Contains("计时单位（分钟）格式不正确", body, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.Query(db => db.Set<VolunteerRuleSet>().CountAsync(s => s.AreaCode == c.County1)));

        using (var ok = await page.PostFormAsync(url, Form("600"), $"/Volunteers/Rules?area={c.County1}&edit=true"))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var rules = await RulesOf(c.Village);
        Assert.Equal((5, 2, 1000, true, (int?)null), (rules.PostingDays, rules.PointsPerHour, rules.GeofenceMeters, rules.PointsDonationAllowed, rules.PointsCap));
        (_, html) = await page.GetAsync($"/Volunteers/Rules?area={c.County1}");
        Assert.Contains("本区划自定规则", html, StringComparison.Ordinal);
        Assert.Contains("data-confirm", html, StringComparison.Ordinal);
        (_, html) = await page.GetAsync($"/Volunteers/Rules?area={c.Village}");
        Assert.Contains("沿用上级规则", html, StringComparison.Ordinal);

        using (var removed = await page.PostFormAsync($"/Volunteers/Rules?area={c.County1}&handler=Remove&version=0", [], $"/Volunteers/Rules?area={c.County1}"))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(VolunteerSettings.National, await RulesOf(c.Village));
    }
}
