using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Platform.Audit;

namespace Wushe.Tests.Areas;

/// <summary>
/// 类似乡级单位 (township digits 400–599: development zones, parks, farms) on Huaibei's real data:
/// 32 townships and 5 such units (DOMAIN.md). Coverage counts a unit only where it has a station or
/// a bureau has said it needs one. The demo gives 相山经济开发区 a station and requires one of
/// 烈山区工业园; the tests that change a setting use 濉溪县's 芜湖现代产业园区 alone.
/// </summary>
public sealed class TownshipLikeUnitTests(TestApp app)
{
    const string Park = "340621401000"; // 濉溪芜湖现代产业园区

    static JsonElement? TownshipLevel(JsonElement coverage) =>
        coverage.GetProperty("levels").EnumerateArray().Where(l => l.GetProperty("level").GetString() == "TownshipStation").Cast<JsonElement?>().FirstOrDefault();

    [Fact]
    public async Task Huaibei_has_32_townships_and_5_township_like_units_shown_as_such()
    {
        using var client = await app.CreateClientAsync("huaibei");
        var kinds = new List<string>();
        foreach (var county in new[] { "340602", "340603", "340604", "340621" })
        {
            var children = await (await client.GetAsync($"/api/v1/areas?parent={county}")).Expect(HttpStatusCode.OK);
            // Tests elsewhere add made-up towns under 濉溪县; the real ones are not generated.
            kinds.AddRange(children.EnumerateArray().Where(c => !c.GetProperty("isGenerated").GetBoolean()).Select(c => c.GetProperty("kind").GetString()!));
        }
        Assert.Equal(5, kinds.Count(k => k == "TownshipLike"));
        Assert.Equal(32, kinds.Count(k => k is "Street" or "Town" or "Township"));

        var unit = await (await client.GetAsync("/api/v1/areas/340602400")).Expect(HttpStatusCode.OK);
        Assert.Equal("TownshipLike", unit.GetProperty("kind").GetString());
        Assert.Equal("类似乡级单位", unit.GetProperty("kindName").GetString());
        using var page = await client.GetAsync("/Areas?code=340602400000");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("类似乡级单位", html, StringComparison.Ordinal);
        Assert.Contains("设为需建站", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_counts_a_unit_with_a_station_and_a_required_one_and_leaves_the_others_out()
    {
        using var client = await app.CreateClientAsync("huaibei");
        var coverage = await (await client.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        var counties = coverage.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        // 杜集区: 5 townships; its 经济开发区 has no station and is not required: left out.
        Assert.Equal((5, 5), (counties["340602000000"].GetProperty("townships").GetInt32(), counties["340602000000"].GetProperty("covered").GetInt32()));
        // 相山区: 9 townships and 相山经济开发区, which has a station.
        Assert.Equal((10, 10), (counties["340603000000"].GetProperty("townships").GetInt32(), counties["340603000000"].GetProperty("covered").GetInt32()));
        // 烈山区: 7 townships and 烈山区工业园, required to have a station and without one yet: a gap.
        Assert.Equal((8, 7), (counties["340604000000"].GetProperty("townships").GetInt32(), counties["340604000000"].GetProperty("covered").GetInt32()));

        var dujji = await (await client.GetAsync("/api/v1/stations/coverage?area=340602")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, dujji.GetProperty("uncountedUnits").GetInt32());
        Assert.Equal(5, TownshipLevel(dujji)!.Value.GetProperty("areas").GetInt32());
        using var page = await client.GetAsync("/Stations/Coverage?area=340602");
        Assert.Contains("另有 1 个类似乡级单位", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bureau_marks_a_unit_as_needing_a_station_coverage_counts_it_and_the_change_is_audited()
    {
        using var client = await app.CreateClientAsync("huaibei");
        async Task<(int Areas, int Covered)> Unit()
        {
            var c = await (await client.GetAsync($"/api/v1/stations/coverage?area={Park}")).Expect(HttpStatusCode.OK);
            return TownshipLevel(c) is { } l ? (l.GetProperty("areas").GetInt32(), l.GetProperty("covered").GetInt32()) : (0, 0);
        }
        Assert.Equal((0, 0), await Unit());

        var set = await (await client.PutAsJsonAsync($"/api/v1/areas/{Park}/needs-station", new { needsStation = true })).Expect(HttpStatusCode.OK);
        Assert.True(set.GetProperty("needsStation").GetBoolean());
        Assert.Equal((1, 0), await Unit());
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(r => r.Entity == "Area" && r.EntityKey == Park).ToListAsync());
        var record = Assert.Single(audit, r => r.Action == AuditAction.Update && r.Fields == "NeedsStation");
        Assert.Equal("huaibei", record.UserName);
        Assert.Equal(Park, record.AreaCode);

        await (await client.PutAsJsonAsync($"/api/v1/areas/{Park}/needs-station", new { needsStation = false })).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 0), await Unit());

        // A unit that has a station counts as covered, required or not.
        await (await client.PostAsJsonAsync("/api/v1/stations", new { areaCode = Park, level = "TownshipStation", name = "芜湖现代产业园区社会工作服务站" })).Expect(HttpStatusCode.Created);
        Assert.Equal((1, 1), await Unit());
    }

    [Fact]
    public async Task Only_township_like_units_take_the_setting_and_only_a_bureau_over_them_sets_it()
    {
        using var chinese = new ChineseCulture();
        using var huaibei = await app.CreateClientAsync("huaibei");
        var town = await (await huaibei.PutAsJsonAsync("/api/v1/areas/340621100/needs-station", new { needsStation = true })).Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith("只有类似乡级单位", town.GetProperty("errors").GetProperty("needsStation")[0].GetString(), StringComparison.Ordinal);
        var empty = await (await huaibei.PutAsJsonAsync($"/api/v1/areas/{Park}/needs-station", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("needsStation", out _));

        using var xiangshan = await app.CreateClientAsync("xiangshan");
        await (await xiangshan.PutAsJsonAsync($"/api/v1/areas/{Park}/needs-station", new { needsStation = true })).Expect(HttpStatusCode.NotFound);
        using var worker = await app.CreateClientAsync("xiangnan");
        await (await worker.PutAsJsonAsync($"/api/v1/areas/{Park}/needs-station", new { needsStation = true })).Expect(HttpStatusCode.Forbidden);
        Assert.False(await app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => a.Code == Park).Select(a => a.NeedsStation).SingleAsync()));
    }
}
