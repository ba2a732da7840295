using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Stations;

/// <summary>The station registry, coverage, funding, ratings and supervision through the API, as bureau and station users would use them.</summary>
public sealed class StationApiTests(TestApp app)
{
    static async Task<Guid> StationId(HttpClient client, string keyword)
    {
        var page = await (await client.GetAsync($"/api/v1/stations?keyword={Uri.EscapeDataString(keyword)}")).Expect(HttpStatusCode.OK);
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Bijie_has_a_station_in_all_279_of_its_townships()
    {
        using var client = await app.CreateClientAsync("bijie");
        var coverage = await (await client.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        Assert.Equal("520500000000", coverage.GetProperty("areaCode").GetString());
        var township = coverage.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "TownshipStation");
        Assert.Equal(279, township.GetProperty("areas").GetInt32());
        Assert.Equal(279, township.GetProperty("covered").GetInt32());
        Assert.Equal(100.0, township.GetProperty("rate").GetDouble());
        Assert.Equal(279, coverage.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("townships").GetInt32()));
    }

    [Fact]
    public async Task The_station_list_filters_by_whether_all_ten_standard_items_are_met()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var met = await (await bijie.GetAsync("/api/v1/stations?standardMet=true&size=100")).Expect(HttpStatusCode.OK);
        Assert.True(met.GetProperty("total").GetInt32() >= 1, "Rated Bijie stations meet all ten items in the demo.");
        Assert.All(met.GetProperty("items").EnumerateArray(), r => Assert.Equal(10, r.GetProperty("standardMet").GetInt32()));

        // 九原区: no other test records checks there, so the two halves add up to the whole list.
        using var jiuyuan = await app.CreateClientAsync("jiuyuan");
        var yes = await (await jiuyuan.GetAsync("/api/v1/stations?standardMet=true&size=100")).Expect(HttpStatusCode.OK);
        var no = await (await jiuyuan.GetAsync("/api/v1/stations?standardMet=false&size=100")).Expect(HttpStatusCode.OK);
        Assert.All(no.GetProperty("items").EnumerateArray(), r => Assert.True(r.GetProperty("standardMet").GetInt32() < 10));
        var all = await (await jiuyuan.GetAsync("/api/v1/stations?size=10")).Expect(HttpStatusCode.OK);
        Assert.Equal(all.GetProperty("total").GetInt32(), yes.GetProperty("total").GetInt32() + no.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dongying_district_shows_the_township_still_without_a_station()
    {
        using var client = await app.CreateClientAsync("dongying");
        var coverage = await (await client.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        var township = coverage.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "TownshipStation");
        Assert.Equal(township.GetProperty("areas").GetInt32() - 1, township.GetProperty("covered").GetInt32());
        Assert.Single(coverage.GetProperty("children").EnumerateArray(), c => c.GetProperty("covered").GetInt32() == 0);
    }

    [Fact]
    public async Task A_bureau_registers_a_station_once_sees_its_phone_masked_and_the_audit_names_who_did_it()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var request = new { areaCode = township, level = "TownshipStation", name = "测试镇社会工作服务站", contactName = "王老师", contactPhone = "+86 139 0000 1234".Replace(" ", ""), openedOn = "2025-03-01", isCivilizationPracticeStation = true };
        var created = await (await client.PostAsJsonAsync("/api/v1/stations", request)).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var details = await (await client.GetAsync($"/api/v1/stations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("139****1234", details.GetProperty("contactPhone").GetString());
        Assert.DoesNotContain("13900001234", details.GetRawText(), StringComparison.Ordinal);
        Assert.True(details.GetProperty("isCivilizationPracticeStation").GetBoolean());

        // A second station of the level in the area duplicates the natural key: 409 naming the area.
        var again = await (await client.PostAsJsonAsync("/api/v1/stations", request with { })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("urn:wushe:problem:conflict", again.GetProperty("type").GetString());
        Assert.Contains("不能重复新增", again.GetProperty("errors").GetProperty("areaCode")[0].GetString(), StringComparison.Ordinal);

        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == "Station" && a.EntityKey == id.ToString()).ToListAsync());
        var create = Assert.Single(audit, a => a.Action == AuditAction.Create);
        Assert.Equal("huaibei", create.UserName);
        Assert.Equal(township, create.AreaCode);
    }

    [Fact]
    public async Task A_station_must_sit_at_its_level_and_inside_the_users_area_and_nothing_is_saved_otherwise()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var wrongLevel = await (await huaibei.PostAsJsonAsync("/api/v1/stations", new { areaCode = "340621", level = "TownshipStation", name = "错层级站点" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(wrongLevel.GetProperty("errors").TryGetProperty("level", out _));

        using var xiangshan = await app.CreateClientAsync("xiangshan");
        var outside = await (await xiangshan.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name = "越界站点" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不在您的管辖范围内", outside.GetProperty("errors").GetProperty("areaCode")[0].GetString(), StringComparison.Ordinal);

        var bad = await (await huaibei.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name = "站", contactPhone = "12345", openedOn = "2999-01-01" })).Expect(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("contactPhone", out _) && errors.TryGetProperty("openedOn", out _), errors.GetRawText());
        Assert.Equal("建站日期不能晚于今天", errors.GetProperty("openedOn")[0].GetString());
        var old = await (await huaibei.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name = "测试站点", openedOn = "1900-01-01" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("建站日期不能早于 1990 年", old.GetProperty("errors").GetProperty("openedOn")[0].GetString());
        Assert.False(await app.Query(db => db.Stations.IgnoreQueryFilters().AnyAsync(s => s.AreaCode == township && s.Name != "测试镇社会工作服务站")));
    }

    [Fact]
    public async Task Editing_with_a_stale_version_is_refused_and_closing_twice_says_so()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var created = await client.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name = "版本测试站" });
        Guid id;
        if (created.StatusCode == HttpStatusCode.Created) id = (await created.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        else id = await app.Query(db => db.Stations.IgnoreQueryFilters().Where(s => s.AreaCode == township).Select(s => s.Id).FirstAsync());

        var details = await (await client.GetAsync($"/api/v1/stations/{id}")).Expect(HttpStatusCode.OK);
        var version = details.GetProperty("version").GetInt32();
        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name = "版本测试站（更名）", version })).Expect(HttpStatusCode.OK);
        var stale = await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name = "过期的修改", version })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("urn:wushe:problem:conflict", stale.GetProperty("type").GetString());

        await (await client.PostAsync($"/api/v1/stations/{id}/close", null)).Expect(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/v1/stations/{id}/close", null)).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/v1/stations/{id}/reopen", null)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_county_user_cannot_read_or_change_a_station_of_the_neighbouring_county()
    {
        using var weining = await app.CreateClientAsync("weining");
        var theirs = await StationId(weining, "社会工作服务站");
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        await (await qixingguan.GetAsync($"/api/v1/stations/{theirs}")).Expect(HttpStatusCode.NotFound);
        await (await qixingguan.PutAsJsonAsync($"/api/v1/stations/{theirs}", new { name = "越界修改" })).Expect(HttpStatusCode.NotFound);
        await (await qixingguan.PostAsync($"/api/v1/stations/{theirs}/close", null)).Expect(HttpStatusCode.NotFound);
        // Filtering the list by the neighbour's area is 404 too, as a record of it is (ListQueries.OutsideScope).
        await (await qixingguan.GetAsync("/api/v1/stations?area=520526000000")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_purchase_contract_needs_a_sound_amount_and_period_and_then_funds_the_station()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var id = await StationId(client, "三板桥街道");
        var bad = await (await client.PostAsJsonAsync($"/api/v1/stations/{id}/purchases", new { purchaser = "七星关区民政局", provider = "某社工机构", contractNo = "HT-1", amountYuan = 12.345, startOn = "2026-01-01", endOn = "2025-12-31", source = "CountyBudget" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("amountYuan", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("endOn", out _));
        await (await client.PostAsJsonAsync($"/api/v1/stations/{id}/purchases", new { purchaser = "七星关区民政局", provider = "某社工机构", contractNo = "HT-2026-001", amountYuan = 180000.50, startOn = "2026-01-01", endOn = "2026-12-31", source = "WelfareLottery" })).Expect(HttpStatusCode.Created);
        var details = await (await client.GetAsync($"/api/v1/stations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Contains(details.GetProperty("purchases").EnumerateArray(), p => p.GetProperty("contractNo").GetString() == "HT-2026-001" && p.GetProperty("amountFen").GetInt64() == 18_000_050);
    }

    [Fact]
    public async Task The_public_sees_Bijie_2024_results_one_five_star_two_four_star_three_excellent_without_signing_in()
    {
        using var anonymous = app.Anonymous();
        var rows = (await (await anonymous.GetAsync("/api/v1/public/ratings?area=520500000000")).Expect(HttpStatusCode.OK)).EnumerateArray()
            .Where(r => r.GetProperty("roundName").GetString() == "2024 年度评星").ToList();
        Assert.Equal(1, rows.Count(r => r.GetProperty("stars").GetInt32() == 5));
        Assert.Equal(2, rows.Count(r => r.GetProperty("stars").GetInt32() == 4));
        Assert.Equal(3, rows.Count(r => r.GetProperty("levelName").GetString() == "优秀"));
        Assert.DoesNotContain("phone", rows[0].GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_rating_round_scores_self_assessment_and_review_gives_the_level_and_publishing_freezes_it()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var bad = await (await bijie.PostAsJsonAsync("/api/v1/ratings", new { name = "", year = 1900, modules = new[] { new { key = "a", name = "", maxScore = 0 } } })).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("name", out _) && bad.GetProperty("errors").TryGetProperty("year", out _) && bad.GetProperty("errors").TryGetProperty("modules[0].name", out _)
            && bad.GetProperty("errors").TryGetProperty("modules[0].maxScore", out _));

        var round = (await (await bijie.PostAsJsonAsync("/api/v1/ratings", new { name = "测试评星 " + Guid.NewGuid().ToString("N")[..6], year = 2026 })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var shixi = await app.CreateClientAsync("shixi");
        var own = await StationId(shixi, "市西街道");
        var scores = new Dictionary<string, int> { ["basics"] = 140, ["rules"] = 140, ["inputs"] = 140, ["management"] = 140, ["services"] = 240, ["performance"] = 140 };

        // The township worker assesses its own station in the city's round, and cannot reach another station.
        var self = await (await shixi.PostAsJsonAsync($"/api/v1/ratings/{round}/self-assessment", new { stationId = own, scores })).Expect(HttpStatusCode.OK);
        Assert.Equal(940, self.GetProperty("selfTotal").GetInt32());
        var other = await StationId(bijie, "市东街道");
        await (await shixi.PostAsJsonAsync($"/api/v1/ratings/{round}/self-assessment", new { stationId = other, scores })).Expect(HttpStatusCode.NotFound);

        var tooHigh = await (await bijie.PostAsJsonAsync($"/api/v1/ratings/{round}/review", new { stationId = own, scores = new Dictionary<string, int> { ["services"] = 400 } })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("0 和 250", tooHigh.GetProperty("errors").GetProperty("services")[0].GetString(), StringComparison.Ordinal);

        scores["services"] = 190; // 890: four stars
        var review = await (await bijie.PostAsJsonAsync($"/api/v1/ratings/{round}/review", new { stationId = own, scores })).Expect(HttpStatusCode.OK);
        Assert.Equal((890, 4, "四星级"), (review.GetProperty("reviewTotal").GetInt32(), review.GetProperty("stars").GetInt32(), review.GetProperty("levelName").GetString()));

        await (await shixi.PostAsync($"/api/v1/ratings/{round}/publish", null)).Expect(HttpStatusCode.Forbidden);
        await (await bijie.PostAsync($"/api/v1/ratings/{round}/publish", null)).Expect(HttpStatusCode.OK);
        await (await bijie.PostAsJsonAsync($"/api/v1/ratings/{round}/review", new { stationId = own, scores })).Expect(HttpStatusCode.Conflict);

        // Another city's worker does not see the round at all.
        using var dongying = await app.CreateClientAsync("dongying");
        await (await dongying.GetAsync($"/api/v1/ratings/{round}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_supervision_visit_is_recorded_with_its_follow_ups_and_a_future_date_is_refused()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var id = await StationId(client, "洪山街道");
        var future = await (await client.PostAsJsonAsync("/api/v1/supervisions", new { stationId = id, kind = "Supervision", visitedOn = "2999-01-01", supervisorName = "督导 甲", topics = "台账" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("visitedOn", out _));
        await (await client.PostAsJsonAsync("/api/v1/supervisions", new { stationId = id, kind = "CapacityBuilding", visitedOn = "2026-11-20", supervisorName = "督导 乙", topics = "困境儿童监护评估实务", findings = "评估表不全", followUps = "补齐评估表", followUpDue = "2026-12-20" })).Expect(HttpStatusCode.Created);
        var list = await (await client.GetAsync($"/api/v1/supervisions?stationId={id}")).Expect(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("topics").GetString() == "困境儿童监护评估实务" && r.GetProperty("followUpDue").GetString() == "2026-12-20");
    }

    [Fact]
    public async Task Supervision_comes_from_above_a_station_does_not_supervise_itself()
    {
        using var shixi = await app.CreateClientAsync("shixi");
        var own = await app.Query(db => db.Stations.Where(s => s.AreaCode == "520502001000").Select(s => s.Id).SingleAsync());
        var refused = await (await shixi.PostAsJsonAsync("/api/v1/supervisions", new { stationId = own, kind = "Supervision", visitedOn = "2026-11-20", supervisorName = "督导 丙", topics = "台账" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("stationId", out _));
        Assert.Equal(0, await app.Query(db => db.Set<Wushe.Features.Stations.Supervision>().CountAsync(v => v.StationId == own && v.SupervisorName == "督导 丙")));
    }
}
