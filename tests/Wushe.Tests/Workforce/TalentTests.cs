using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Workforce;

/// <summary>
/// New social-work talents (issue 11): the figure counted by a definition kept as data — first qualified, took up social work, first
/// trained in the period, each person once — with the definition beside it; a bureau defines it; scope; Bijie's 7,761.
/// </summary>
public sealed class TalentTests(TestApp app)
{
    static DateOnly Today => Wushe.Platform.ChinaTime.Today(TimeProvider.System);

    static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    static async Task<Guid> PersonAsync(HttpClient client, Guid station, string name, DateOnly startedOn, int seed) =>
        (await (await client.PostAsJsonAsync("/api/v1/workforce/social-workers", new
        {
            name, idNumber = Numbers.ResidentIdNumber(new DateOnly(1980 + seed, 2, 3)), employerKind = "Station", stationId = station, post = "专职社工", startedOn,
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    static async Task QualifyAsync(HttpClient client, Guid person, string level, DateOnly on) =>
        await (await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{person}/qualifications", new
        {
            level, route = "Exam", obtainedOn = on, certificateNo = "T" + Guid.NewGuid().ToString("N")[..9],
        })).Expect(HttpStatusCode.Created);

    [Fact]
    public async Task The_figure_counts_each_part_by_its_rule_each_person_once_and_says_how_it_was_counted()
    {
        var station = await TestStations.CreateAsync(app);
        var county = station.AreaCode[..6] + "000000";
        var bureau = await TestUsers.CreateAsync(app, Role.BureauStaff, county);
        using var client = await app.CreateClientAsync(bureau.UserName);
        var from = new DateOnly(Today.Year - 1, 1, 1);
        var a = await PersonAsync(client, station.Id, "新入职甲", from.AddMonths(2), 1);             // took up social work in the period
        var b = await PersonAsync(client, station.Id, "新取证乙", new DateOnly(2015, 1, 1), 2);        // first qualified in the period
        await QualifyAsync(client, b, "Assistant", from.AddMonths(5));
        var c = await PersonAsync(client, station.Id, "老持证丙", new DateOnly(2015, 1, 1), 3);        // qualified before: a higher level is not "new"
        await QualifyAsync(client, c, "Assistant", new DateOnly(2019, 6, 1));
        await QualifyAsync(client, c, "Intermediate", from.AddMonths(5));
        var d = await PersonAsync(client, station.Id, "两项丁", from.AddMonths(1), 4);                // in two parts: counted once
        await QualifyAsync(client, d, "Assistant", from.AddMonths(4));
        var e = await PersonAsync(client, station.Id, "培训戊", new DateOnly(2015, 1, 1), 5);          // first trained in the period
        var training = (await (await client.PostAsJsonAsync("/api/v1/workforce/trainings", new
        {
            title = "新入职社工岗前培训", kind = "Rotating", organizerKind = "Bureau", organizerName = "测试县民政局", areaCode = county,
            startsOn = Today.AddDays(-3), endsOn = Today.AddDays(-2), hours = 12, place = "培训室", capacity = 30,
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var enrolment = (await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{training}/enrolments", new { socialWorkerId = e })).Expect(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync($"/api/v1/workforce/trainings/{training}/enrolments/{enrolment}/attendance", new { attended = true })).Expect(HttpStatusCode.OK);

        // Bad input: each field named, nothing saved.
        var bad = await (await client.PostAsJsonAsync("/api/v1/workforce/talents", new { areaCode = county, name = "", from = Today.AddDays(1), to = Today.AddDays(-5) }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["from", "name", "newlyQualified", "to"], Fields(bad).Order());
        var township = await (await client.PostAsJsonAsync("/api/v1/workforce/talents", new { areaCode = station.AreaCode, name = "新增人才", from, newlyEmployed = true }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("areaCode", Fields(township));

        var id = (await (await client.PostAsJsonAsync("/api/v1/workforce/talents", new
        {
            areaCode = county, name = "新增社会工作人才", from, newlyQualified = true, newlyEmployed = true, newlyTrained = true, note = "测试口径",
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var figure = await (await client.GetAsync($"/api/v1/workforce/talents/{id}?area={station.AreaCode}")).Expect(HttpStatusCode.OK);
        var total = figure.GetProperty("total");
        Assert.Equal(4, total.GetProperty("total").GetInt32());
        Assert.Equal(2, total.GetProperty("qualified").GetInt32());
        Assert.Equal(2, total.GetProperty("employed").GetInt32());
        Assert.Equal(1, total.GetProperty("trained").GetInt32());
        var definition = figure.GetProperty("definition").GetString()!;
        Assert.Contains("首次取得社会工作者职业资格", definition, StringComparison.Ordinal);
        Assert.Contains("每人只计一次", definition, StringComparison.Ordinal);
        Assert.Contains("测试口径", definition, StringComparison.Ordinal);
        Assert.True(figure.GetProperty("toDate").GetBoolean());
        _ = (a, c);

        // A narrower definition counts only its part; the county's children sum to the county.
        var employedOnly = (await (await client.PostAsJsonAsync("/api/v1/workforce/talents", new { areaCode = county, name = "新入职社工", from, newlyEmployed = true }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var narrow = await (await client.GetAsync($"/api/v1/workforce/talents/{employedOnly}?area={station.AreaCode}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, narrow.GetProperty("total").GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, narrow.GetProperty("total").GetProperty("qualified").ValueKind);
        var wide = await (await client.GetAsync($"/api/v1/workforce/talents/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(wide.GetProperty("total").GetProperty("total").GetInt32(),
            wide.GetProperty("children").EnumerateArray().Sum(ch => ch.GetProperty("figure").GetProperty("total").GetInt32()));

        // The page shows the figure with its definition.
        using var session = await PageSession.SignInAsync(app, bureau.UserName);
        var (status, html) = await session.GetAsync($"/Workforce/Talents/Details?id={id}&area={station.AreaCode}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("每人只计一次", html, StringComparison.Ordinal);

        // A station worker reads but does not define; another county reads nothing; an area outside the definition is named.
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        using var stationClient = await app.CreateClientAsync(worker.UserName);
        var read = await (await stationClient.GetAsync($"/api/v1/workforce/talents/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(station.AreaCode, read.GetProperty("areaCode").GetString());
        Assert.Equal(4, read.GetProperty("total").GetProperty("total").GetInt32());
        await (await stationClient.PostAsJsonAsync("/api/v1/workforce/talents", new { areaCode = county, name = "越权", from, newlyEmployed = true })).Expect(HttpStatusCode.Forbidden);
        var elsewhere = await TestUsers.CreateAsync(app, Role.BureauStaff, "520526000000");
        using var other = await app.CreateClientAsync(elsewhere.UserName);
        await (await other.GetAsync($"/api/v1/workforce/talents/{id}")).Expect(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/v1/workforce/talents/{id}", new { name = "改", from, newlyEmployed = true })).Expect(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"/api/v1/workforce/talents/{id}")).Expect(HttpStatusCode.NotFound);
        var outside = await (await client.GetAsync($"/api/v1/workforce/talents/{employedOnly}?area=abc")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("area", Fields(outside));
    }

    [Fact]
    public async Task Bijie_demo_reproduces_its_reports_7761_new_talents_with_the_definition_beside_it()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var list = await (await bijie.GetAsync("/api/v1/workforce/talents")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(list.EnumerateArray(), r => r.GetProperty("areaCode").GetString() == "520500000000");
        Assert.Equal(7761, row.GetProperty("figure").GetProperty("total").GetProperty("total").GetInt32());
        Assert.Contains("7761人", row.GetProperty("figure").GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Contains("2021年1月1日至今", row.GetProperty("figure").GetProperty("definition").GetString(), StringComparison.Ordinal);
    }
}
