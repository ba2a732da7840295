using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;

namespace Wushe.Tests.Platform;

/// <summary>
/// Values that do not parse (a date like 2026-02-30, a number with letters) are errors naming the
/// field on every form and every API operation: nothing is dropped, replaced or saved, and what the
/// user typed is still there (DONE.md 3).
/// </summary>
public sealed class FormInputTests(TestApp app)
{
    const string Qixingguan = "520502000000";

    Task<Guid> StationOf(string areaCode) => app.Query(db => db.Stations.Where(s => s.AreaCode == areaCode).Select(s => s.Id).FirstAsync());

    /// <summary>Posts a form, expects the page again (200) with each message, each typed value kept, and returns the HTML.</summary>
    static async Task<string> Refused(PageSession session, string url, Dictionary<string, string> fields, string[] messages, string[] kept)
    {
        using var response = await session.PostFormAsync(url, fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {response.Headers.Location}");
        foreach (var m in messages) Assert.Contains(m, html, StringComparison.Ordinal);
        foreach (var k in kept) Assert.Contains($"value=\"{k}\"", html, StringComparison.Ordinal);
        return html;
    }

    [Fact]
    public async Task Registering_a_station_with_an_impossible_opening_date_names_the_date_and_saves_nothing()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var name = "测试站" + Guid.NewGuid().ToString("N")[..6];
        await Refused(session, "/Stations/Edit", new()
        {
            ["Input.AreaCode"] = "520502004000", ["Input.Level"] = "TownshipStation", ["Input.Name"] = name, ["Input.OpenedOn"] = "2026-02-30",
        }, ["建站日期格式不正确"], [name, "2026-02-30"]);
        Assert.False(await app.Query(db => db.Stations.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task A_yes_no_field_sent_neither_is_named_and_the_form_comes_back()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var name = "测试站" + Guid.NewGuid().ToString("N")[..6];
        await Refused(session, "/Stations/Edit", new()
        {
            ["Input.AreaCode"] = "520502004000", ["Input.Level"] = "TownshipStation", ["Input.Name"] = name, ["Input.OpenedOn"] = "2024-01-01",
            ["Input.IsCivilizationPracticeStation"] = "maybe",
        }, ["格式不正确"], [name]);
        Assert.False(await app.Query(db => db.Stations.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task Editing_a_station_with_an_impossible_opening_date_keeps_the_stored_date()
    {
        var id = await StationOf("520502005000");
        var before = await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => new { s.OpenedOn, s.Name }).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, $"/Stations/Edit?id={id}", new()
        {
            ["Id"] = id.ToString(), ["Input.Name"] = before.Name, ["Input.OpenedOn"] = "2026-02-30", ["Input.Version"] = "1a",
        }, ["建站日期格式不正确", "版本格式不正确"], ["2026-02-30"]);
        Assert.Equal(before.OpenedOn, await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.OpenedOn).FirstAsync()));
    }

    [Fact]
    public async Task A_post_that_moves_a_station_to_another_area_is_named_and_the_form_shows_the_station_as_it_is()
    {
        var id = await StationOf("520502005000");
        var name = await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.Name).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var html = await Refused(session, $"/Stations/Edit?id={id}", new()
        {
            ["Id"] = id.ToString(), ["Input.Name"] = name, ["Input.AreaCode"] = "520502006000", ["Input.Level"] = "TownshipStation",
        }, ["所属区划不能修改"], [name]);
        // The fixed fields show the stored area, not the one posted.
        Assert.Contains("520502005000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("520502006000", html, StringComparison.Ordinal);
        Assert.Equal("520502005000", await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.AreaCode).FirstAsync()));
    }

    [Fact]
    public async Task A_supervision_with_impossible_dates_names_both_and_saves_nothing()
    {
        var station = await StationOf("520502006000");
        var topic = "督导主题" + Guid.NewGuid().ToString("N")[..6];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, "/Stations/Supervisions/Create", new()
        {
            ["Input.StationId"] = station.ToString(), ["Input.Kind"] = "Supervision", ["Input.VisitedOn"] = "2026-02-30",
            ["Input.SupervisorName"] = "测试督导", ["Input.Topics"] = topic, ["Input.FollowUpDue"] = "2026-13-01",
        }, ["督导日期格式不正确", "整改期限格式不正确"], [topic, "2026-02-30", "2026-13-01"]);
        Assert.False(await app.Query(db => db.Set<Supervision>().AnyAsync(s => s.Topics == topic)));
    }

    [Fact]
    public async Task A_follow_up_deadline_that_does_not_parse_is_not_saved_empty()
    {
        var station = await StationOf("520502006000");
        var topic = "督导主题" + Guid.NewGuid().ToString("N")[..6];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, "/Stations/Supervisions/Create", new()
        {
            ["Input.StationId"] = station.ToString(), ["Input.Kind"] = "Supervision", ["Input.VisitedOn"] = "2026-01-05",
            ["Input.SupervisorName"] = "测试督导", ["Input.Topics"] = topic, ["Input.FollowUpDue"] = "2026-02-30",
        }, ["整改期限格式不正确"], [topic]);
        Assert.False(await app.Query(db => db.Set<Supervision>().AnyAsync(s => s.Topics == topic)));
    }

    [Fact]
    public async Task A_checklist_item_with_an_impossible_date_is_not_recorded()
    {
        var station = await StationOf("520502007000");
        var note = "说明" + Guid.NewGuid().ToString("N")[..6];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, $"/Stations/Details?id={station}&handler=Check", new()
        {
            ["id"] = station.ToString(), ["Check.Item"] = "HasRules", ["Check.Met"] = "true", ["Check.CheckedOn"] = "2026-02-30", ["Check.Note"] = note,
        }, ["检查日期格式不正确"], [note, "2026-02-30"]);
        Assert.False(await app.Query(db => db.Set<StandardCheck>().AnyAsync(c => c.Note == note)));
    }

    [Fact]
    public async Task A_service_purchase_with_letters_in_the_amount_and_an_impossible_date_names_both()
    {
        var station = await StationOf("520502008000");
        var contract = "HT-" + Guid.NewGuid().ToString("N")[..8];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, $"/Stations/Details?id={station}&handler=Purchase", new()
        {
            ["id"] = station.ToString(), ["Purchase.ContractNo"] = contract, ["Purchase.Purchaser"] = "七星关区民政局", ["Purchase.Provider"] = "测试机构",
            ["Purchase.Source"] = "CountyBudget", ["Purchase.AmountYuan"] = "12a", ["Purchase.StartOn"] = "2026-02-30", ["Purchase.EndOn"] = "2026-12-31",
        }, ["合同金额格式不正确", "开始日期格式不正确"], [contract, "12a"]);
        Assert.False(await app.Query(db => db.Set<ServicePurchase>().AnyAsync(p => p.ContractNo == contract)));
    }

    [Fact]
    public async Task A_staff_member_with_an_impossible_start_date_is_not_added_as_of_today()
    {
        var station = await StationOf("520502009000");
        var userName = await app.CreateUserAsync(role: Wushe.Platform.Access.Role.StationWorker, areaCode: "520502009000");
        var user = await app.Query(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, $"/Stations/Details?id={station}&handler=Staff", new()
        {
            ["id"] = station.ToString(), ["Staff.UserId"] = user.ToString(), ["Staff.Position"] = "专职社工", ["Staff.JoinedOn"] = "2026-02-30",
        }, ["入职日期格式不正确"], ["2026-02-30"]);
        Assert.False(await app.Query(db => db.Set<StationStaff>().AnyAsync(m => m.UserId == user)));
    }

    [Fact]
    public async Task A_rating_round_with_letters_in_the_year_and_a_score_names_both_and_keeps_every_row()
    {
        var name = "测试评星" + Guid.NewGuid().ToString("N")[..6];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var html = await Refused(session, "/Stations/Ratings/Create", RoundForm(name, year: "20x6", firstMax: "1a0"),
            ["年度格式不正确", "满分格式不正确"], [name, "20x6", "1a0", "服务成效", "优秀"]);
        Assert.DoesNotContain("The value", html, StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Set<RatingRound>().AnyAsync(r => r.Name == name)));
    }

    [Fact]
    public async Task A_review_score_with_letters_is_named_and_kept()
    {
        using var api = await app.CreateClientAsync("bijie");
        var round = (await (await api.PostAsJsonAsync("/api/v1/ratings", new { name = "打分测试 " + Guid.NewGuid().ToString("N")[..6], year = 2026 }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var station = await StationOf("520502010000");
        using var session = await PageSession.SignInAsync(app, "bijie");
        await Refused(session, $"/Stations/Ratings/Details?id={round}&handler=Score", new()
        {
            ["id"] = round.ToString(), ["StationId"] = station.ToString(), ["Scores[basics]"] = "1a", ["Scores[rules]"] = "999",
        }, ["基础建设的得分格式不正确", "制度建设的得分必须介于 0 和 150 之间", "运营投入的得分不能为空", "服务成效的得分不能为空"], ["1a", "999"]);
        // All of them in one answer, and nothing saved.
        Assert.False(await app.Query(db => db.Set<StationRating>().AnyAsync(r => r.RoundId == round)));

        // No station chosen: that too, with the scores' errors.
        await Refused(session, $"/Stations/Ratings/Details?id={round}&handler=Score", new()
        {
            ["id"] = round.ToString(), ["StationId"] = "", ["Scores[basics]"] = "1a", ["Scores[rules]"] = "999",
        }, ["请选择社工站", "基础建设的得分格式不正确", "制度建设的得分必须介于 0 和 150 之间", "运营投入的得分不能为空"], ["1a", "999"]);
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_named_and_no_user_is_created()
    {
        var userName = "form." + Guid.NewGuid().ToString("N")[..8];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, "/Admin/Users/Edit", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "测试用户", ["Input.Phone"] = "13912345678", ["Input.HomeAreaCode"] = Qixingguan,
            ["Input.Password"] = "start1234", ["Input.Roles[0].Role"] = "Nonsense", ["Input.Roles[0].AreaCode"] = "520502001000",
        }, ["角色格式不正确"], [userName]);
        var normalized = userName.ToUpperInvariant();
        Assert.False(await app.Query(db => db.Users.AnyAsync(u => u.NormalizedUserName == normalized)));
    }

    [Theory]
    [InlineData("qixingguan", "/Stations/Supervisions?from=2026-02-30&size=1a", "开始日期格式不正确", "每页条数格式不正确")]
    [InlineData("qixingguan", "/Stations?level=Nonsense&page=x", "站点层级格式不正确", "页码格式不正确")]
    [InlineData("qixingguan", "/Admin/Users?role=Nonsense", "角色格式不正确", "角色格式不正确")]
    [InlineData("admin", "/Admin/Audit?from=2026-02-30&to=2026-1-x", "开始日期格式不正确", "结束日期格式不正确")]
    public async Task A_search_condition_that_does_not_parse_is_named_above_the_list(string user, string url, string first, string second)
    {
        using var session = await PageSession.SignInAsync(app, user);
        var (status, html) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"unparsed-conditions\"", html, StringComparison.Ordinal);
        Assert.Contains(first, html, StringComparison.Ordinal);
        Assert.Contains(second, html, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> RoundForm(string name, string year = "2026", string firstMax = "150", (string Name, string Stars, string Min)[]? levels = null)
    {
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Year"] = year };
        var modules = RatingRound.DefaultModules();
        for (var i = 0; i < modules.Count; i++)
        {
            form[$"Input.Modules[{i}].Key"] = modules[i].Key;
            form[$"Input.Modules[{i}].Name"] = modules[i].Name;
            form[$"Input.Modules[{i}].MaxScore"] = i == 0 ? firstMax : modules[i].MaxScore.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        // Empty rows, as the page sends them.
        form[$"Input.Modules[{modules.Count}].Key"] = "";
        form[$"Input.Modules[{modules.Count}].Name"] = "";
        form[$"Input.Modules[{modules.Count}].MaxScore"] = "";
        levels ??= [("五星级", "5", "900"), ("四星级", "4", "800"), ("优秀", "0", "700")];
        for (var i = 0; i < levels.Length; i++)
        {
            form[$"Input.Levels[{i}].Name"] = levels[i].Name;
            form[$"Input.Levels[{i}].Stars"] = levels[i].Stars;
            form[$"Input.Levels[{i}].MinScore"] = levels[i].Min;
        }
        form[$"Input.Levels[{levels.Length}].Name"] = "";
        form[$"Input.Levels[{levels.Length}].Stars"] = "";
        form[$"Input.Levels[{levels.Length}].MinScore"] = "";
        return form;
    }
}

/// <summary>The same rule through the API: JSON bodies, a multipart form and query strings.</summary>
public sealed class ApiInputTests(TestApp app)
{
    static async Task<Dictionary<string, string[]>> Refused(HttpResponseMessage response)
    {
        var body = await response.Expect(HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out _), body.GetRawText());
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(body.GetProperty("errors").GetRawText())!;
    }

    static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/v1/stations", """{"areaCode":"520502004000","level":"TownshipStation","name":"测试站","openedOn":"2026-02-30"}""", "openedOn", "建站日期格式不正确")]
    [InlineData("/api/v1/supervisions", """{"kind":"Supervision","visitedOn":"2026-01-05","followUpDue":"2026-02-30"}""", "followUpDue", "整改期限格式不正确")]
    [InlineData("/api/v1/ratings", """{"name":"测试","year":"20x6"}""", "year", "年度格式不正确")]
    [InlineData("/api/v1/ratings", """{"name":"测试","year":2026,"modules":[{"name":"甲","maxScore":"1a0"}]}""", "modules[0].maxScore", "满分格式不正确")]
    [InlineData("/api/v1/users", """{"userName":"x.y","roles":[{"role":"Nonsense","areaCode":"520502001000"}]}""", "roles[0].role", "角色格式不正确")]
    public async Task A_JSON_value_that_does_not_parse_is_a_400_naming_the_field(string url, string json, string field, string message)
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var errors = await Refused(await client.PostAsync(url, Json(json)));
        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public async Task Amounts_and_dates_of_a_station_s_records_that_do_not_parse_are_400s_naming_them()
    {
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode == "520502011000").Select(s => s.Id).FirstAsync());
        using var client = await app.CreateClientAsync("qixingguan");
        var purchase = await Refused(await client.PostAsync($"/api/v1/stations/{station}/purchases", Json("""{"amountYuan":"12a"}""")));
        Assert.Equal(["合同金额格式不正确"], purchase["amountYuan"]);
        var staff = await Refused(await client.PostAsync($"/api/v1/stations/{station}/staff", Json("""{"position":"专职社工","joinedOn":"2026-02-30"}""")));
        Assert.Equal(["入职日期格式不正确"], staff["joinedOn"]);
        // An empty joining date is missing, never "today".
        var missing = await Refused(await client.PostAsync($"/api/v1/stations/{station}/staff", Json("""{"position":"专职社工"}""")));
        Assert.Equal(["入职日期不能为空"], missing["joinedOn"]);

        var round = (await (await client.PostAsync("/api/v1/ratings", Json("""{"name":"打分","year":2026}"""))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var score = await Refused(await client.PostAsync($"/api/v1/ratings/{round}/review", Json($$$"""{"stationId":"{{{station}}}","scores":{"basics":"1a"}}""")));
        Assert.Equal(["得分格式不正确"], score["scores.basics"]);

        using var form = new MultipartFormDataContent { { new StringContent("HasRules"), "item" }, { new StringContent("true"), "met" }, { new StringContent("2026-02-30"), "checkedOn" } };
        var check = await Refused(await client.PostAsync($"/api/v1/stations/{station}/checklist", form));
        Assert.Equal(["检查日期格式不正确"], check["checkedOn"]);
    }

    [Theory]
    [InlineData("/api/v1/supervisions?from=2026-02-30", "from", "开始日期格式不正确")]
    [InlineData("/api/v1/stations?size=1a", "size", "每页条数格式不正确")]
    public async Task A_query_value_that_does_not_parse_is_a_400_naming_it(string url, string field, string message)
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var errors = await Refused(await client.GetAsync(url));
        Assert.Equal([message], errors[field]);
    }
}
