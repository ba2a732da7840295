using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Demo;
using Wushe.Features.Stations;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Stations;

/// <summary>Natural keys: a duplicate answers 409 naming its field — on the page too — and racing duplicates leave one record.</summary>
public sealed partial class NaturalKeyTests(TestApp app)
{
    async Task<(Guid Id, string Township)> NewStation(HttpClient huaibei, string name = "自然键测试站")
    {
        var township = await Places.NewTownshipAsync(app);
        var created = await (await huaibei.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name })).Expect(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), township);
    }

    static object Contract(string contractNo) =>
        new { purchaser = "测试县民政局", provider = "测试社工机构", contractNo, amountYuan = 120000m, startOn = "2026-01-01", endOn = "2026-12-31", source = "CountyBudget" };

    /// <summary>Sends the same request from several tasks released at one moment; returns each status and body.</summary>
    static async Task<(HttpStatusCode Status, JsonElement Body)[]> AtOnce(int count, Func<Task<HttpResponseMessage>> send)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    static void OneCreatedTheRestConflictOn(string field, (HttpStatusCode Status, JsonElement Body)[] answers)
    {
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Equal("urn:wushe:problem:conflict", a.Body.GetProperty("type").GetString());
            Assert.True(a.Body.GetProperty("errors").TryGetProperty(field, out _), a.Body.GetRawText());
        });
    }

    [Fact]
    public async Task A_contract_number_is_recorded_once_per_station_and_may_fund_other_stations()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (station, _) = await NewStation(huaibei);
        var (other, _) = await NewStation(huaibei);
        await (await huaibei.PostAsJsonAsync($"/api/v1/stations/{station}/purchases", Contract("CT-2026-001"))).Expect(HttpStatusCode.Created);

        var again = await (await huaibei.PostAsJsonAsync($"/api/v1/stations/{station}/purchases", Contract(" CT-2026-001 "))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("CT-2026-001", again.GetProperty("errors").GetProperty("contractNo")[0].GetString(), StringComparison.Ordinal);
        // One county contract often funds several township stations.
        await (await huaibei.PostAsJsonAsync($"/api/v1/stations/{other}/purchases", Contract("CT-2026-001"))).Expect(HttpStatusCode.Created);
        Assert.Equal(1, await app.Query(db => db.Set<ServicePurchase>().CountAsync(p => p.StationId == station)));
    }

    [Fact]
    public async Task The_same_contract_posted_at_one_moment_is_one_contract_and_the_others_hear_409()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (station, _) = await NewStation(huaibei);
        var answers = await AtOnce(6, () => huaibei.PostAsJsonAsync($"/api/v1/stations/{station}/purchases", Contract("RACE-1")));
        OneCreatedTheRestConflictOn("contractNo", answers);
        var amounts = await app.Query(db => db.Set<ServicePurchase>().Where(p => p.StationId == station).Select(p => p.AmountFen).ToListAsync());
        Assert.Equal(12_000_000, Assert.Single(amounts));
    }

    [Fact]
    public async Task The_same_station_registered_at_one_moment_is_one_station()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var township = await Places.NewTownshipAsync(app);
        var answers = await AtOnce(5, () => huaibei.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name = "并发社工站" }));
        OneCreatedTheRestConflictOn("areaCode", answers);
        Assert.Equal(1, await app.Query(db => db.Stations.CountAsync(s => s.AreaCode == township)));
    }

    [Fact]
    public async Task The_same_user_name_created_at_one_moment_is_one_account()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var township = await Places.NewTownshipAsync(app);
        var userName = "race." + Guid.NewGuid().ToString("N")[..8];
        var answers = await AtOnce(5, () => huaibei.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "并发用户", phone = Numbers.Mobile(), homeAreaCode = township, password = DemoData.Password,
            roles = new[] { new { role = "StationWorker", areaCode = township } },
        }));
        OneCreatedTheRestConflictOn("userName", answers);
        Assert.Equal(1, await app.Query(db => db.Users.CountAsync(u => u.UserName == userName)));
    }

    [Fact]
    public async Task A_rating_round_is_known_by_its_area_year_and_name()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        await Places.NewTownshipAsync(app);
        var name = "自然键评星" + Guid.NewGuid().ToString("N")[..6];
        var answers = await AtOnce(4, () => huaibei.PostAsJsonAsync("/api/v1/ratings", new { name, year = 2030, areaCode = Places.County }));
        OneCreatedTheRestConflictOn("name", answers);
        // Another year is another round.
        await (await huaibei.PostAsJsonAsync("/api/v1/ratings", new { name, year = 2031, areaCode = Places.County })).Expect(HttpStatusCode.Created);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task On_the_page_a_duplicate_contract_is_named_beside_its_field_and_the_form_keeps_what_was_typed()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (station, _) = await NewStation(huaibei, "页面合同站");
        await (await huaibei.PostAsJsonAsync($"/api/v1/stations/{station}/purchases", Contract("PAGE-7"))).Expect(HttpStatusCode.Created);

        var page = await (await huaibei.GetAsync($"/Stations/Details?id={station}&tab=funding")).Content.ReadAsStringAsync();
        var token = Token().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Purchase.ContractNo"] = "PAGE-7", ["Purchase.Purchaser"] = "另一个购买方", ["Purchase.Provider"] = "另一个承接方",
            ["Purchase.Source"] = "CityBudget", ["Purchase.AmountYuan"] = "88000", ["Purchase.StartOn"] = "2026-02-01", ["Purchase.EndOn"] = "2026-11-30",
        });
        using var response = await huaibei.PostAsync($"/Stations/Details?id={station}&handler=Purchase", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Beside the contract number, which is marked invalid and still holds what was typed.
        Assert.Matches("id=\"Purchase_ContractNo\"[^>]*value=\"PAGE-7\"[^>]*/>\\s*<span class=\"[^\"]*field-validation-error\">本站已登记合同编号为“PAGE-7”", html);
        Assert.Matches("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"Purchase_ContractNo\"", html);
        Assert.Contains("value=\"另一个购买方\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"88000\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => db.Set<ServicePurchase>().CountAsync(p => p.StationId == station)));
    }
}
