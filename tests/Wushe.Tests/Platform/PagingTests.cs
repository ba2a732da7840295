using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Platform;

/// <summary>
/// Paging never repeats or skips a row when sort values tie: every list's order ends with a unique
/// key. PostgreSQL returns tied rows in any order, and does so differently for each page: the first
/// page is cut by a bounded heap sort, later ones by a full sort. Each test makes 26 rows in two groups
/// of 13 that tie, made alternately, so that pages end inside a group of ties and the two sorts disagree.
/// </summary>
public sealed class PagingTests(TestApp app)
{
    const int Rows = 25; // and one more: 26 rows, 13 in each group of ties

    [Theory]
    [InlineData("/api/v1/stations?size=200", "size")]
    [InlineData("/api/v1/stations?page=0", "page")]
    [InlineData("/api/v1/stations?area=abc", "area")]
    [InlineData("/api/v1/stations/coverage?area=abc", "area")]
    [InlineData("/api/v1/areas?parent=abc", "parent")]
    [InlineData("/api/v1/public/ratings?area=abc", "area")]
    [InlineData("/api/v1/stations?sort=zzz", "sort")]
    [InlineData("/api/v1/supervisions?size=7", "size")]
    [InlineData("/api/v1/users?area=5205x", "area")]
    [InlineData("/api/v1/audit?size=400", "size")]
    public async Task A_paging_value_or_area_filter_out_of_range_is_refused_by_name_never_replaced(string url, string field)
    {
        using var client = await app.CreateClientAsync(url.StartsWith("/api/v1/audit", StringComparison.Ordinal) ? "admin" : "bijie");
        var problem = await (await client.GetAsync(url)).Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_page_names_a_paging_value_it_did_not_apply()
    {
        using var session = await PageSession.SignInAsync(app, "bijie");
        var (status, html) = await session.GetAsync("/Stations?size=200&area=abc");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("每页条数须为 10、20、50 或 100", html, StringComparison.Ordinal);
        Assert.Contains("区划代码格式不正确", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_station_search_with_a_bad_condition_is_named_and_not_exported()
    {
        using var session = await PageSession.SignInAsync(app, "bijie");
        var (_, list) = await session.GetAsync("/Stations?sort=zzz");
        Assert.Contains("排序方式须为", list, StringComparison.Ordinal);
        using var export = await session.Client.GetAsync("/Stations?handler=Export&level=zzz");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Equal("/Stations?level=zzz", export.Headers.Location?.OriginalString);
        var (_, html) = await session.GetAsync(export.Headers.Location!.OriginalString);
        Assert.Contains("未导出", html, StringComparison.Ordinal);
        Assert.Contains("站点层级格式不正确", html, StringComparison.Ordinal);
        // The known keys still sort.
        using var api = await app.CreateClientAsync("bijie");
        await (await api.GetAsync("/api/v1/stations?sort=name")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_public_ratings_page_names_an_area_that_is_no_code()
    {
        using var client = app.Anonymous();
        var html = await (await client.GetAsync("/Public/Ratings?area=abc", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("区划代码格式不正确", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A list page's "page" comes from the query string: the page's route values hold "page" too (its own path),
    /// which once won, so that page 2 showed page 1 under a banner saying the page number was not valid.
    /// </summary>
    [Theory]
    [InlineData("bijie", "/Stations?size=10")]
    [InlineData("bijie", "/Stations/Supervisions?size=10")]
    [InlineData("bijie", "/Areas?area=520502000000&size=10")]
    [InlineData("bijie", "/Admin/Users?size=10")]
    [InlineData("admin", "/Admin/Audit?size=10")]
    public async Task A_list_page_goes_to_the_page_asked_for_and_names_a_page_number_that_is_not_one(string login, string list)
    {
        using var session = await PageSession.SignInAsync(app, login);
        if (list.StartsWith("/Stations/Supervisions", StringComparison.Ordinal))
        {
            using var api = await app.CreateClientAsync("bijie");
            var stations = (await (await api.GetAsync("/api/v1/stations?size=20")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
            foreach (var station in stations.Take(11))
                await (await api.PostAsJsonAsync("/api/v1/supervisions", new
                {
                    stationId = station.GetProperty("id").GetGuid(), kind = "Supervision", visitedOn = "2026-01-05", supervisorName = "督导组", topics = "翻页测试",
                })).Expect(HttpStatusCode.Created);
        }
        var (_, first) = await session.GetAsync(list + "&page=1");
        var (status, second) = await session.GetAsync(list + "&page=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("未生效", first, StringComparison.Ordinal);
        Assert.DoesNotContain("未生效", second, StringComparison.Ordinal);
        Assert.NotEqual(TableRows(first), TableRows(second));
        Assert.NotEmpty(TableRows(second));
        var (_, bad) = await session.GetAsync(list + "&page=abc");
        Assert.Contains("页码格式不正确", bad, StringComparison.Ordinal);
    }

    /// <summary>The table body of a list page, as text (its rows).</summary>
    static string TableRows(string html)
    {
        var body = System.Text.RegularExpressions.Regex.Match(html, "<tbody[^>]*>(.*?)</tbody>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(body.Success, "the page has no table body");
        return System.Text.RegularExpressions.Regex.Replace(body.Groups[1].Value, "\\s+", " ").Trim();
    }

    /// <summary>Walks every page of a list (size 10) and returns the ids in the order seen.</summary>
    static async Task<List<string>> AllPages(HttpClient client, string url, string idProperty = "id")
    {
        var seen = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            var body = await (await client.GetAsync($"{url}&size=10&page={page}")).Expect(HttpStatusCode.OK);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0) break;
            seen.AddRange(items.Select(i => i.GetProperty(idProperty).ToString()));
        }
        return seen;
    }

    static void EachOnce(List<string> ids, int expected)
    {
        Assert.Equal(expected, ids.Count);
        Assert.Equal(expected, ids.Distinct().Count());
    }

    [Fact]
    public async Task Stations_whose_names_and_opening_dates_tie_page_through_each_once()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var name = "同名站" + Guid.NewGuid().ToString("N")[..4];
        for (var i = 0; i <= Rows; i++)
        {
            var (suffix, opened) = i % 2 == 0 ? ("B", new DateOnly(2024, 5, 1)) : ("A", new DateOnly(2024, 6, 1));
            await TestStations.CreateAsync(app, name: name + suffix, openedOn: opened);
        }
        foreach (var sort in new[] { "name", "opened", "" })
            EachOnce(await AllPages(huaibei, $"/api/v1/stations?keyword={Uri.EscapeDataString(name)}&sort={sort}"), Rows + 1);
    }

    [Fact]
    public async Task Users_created_at_the_same_instants_page_through_each_once()
    {
        var marker = "tie" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            for (var i = 0; i <= Rows; i++)
            {
                var user = new User($"{marker}.{i:00}", "同时用户", Places.County, i % 2 == 0 ? at : at.AddSeconds(1));
                // No password: hashing one costs a tenth of a second each, and these accounts never sign in.
                Assert.True((await users.CreateAsync(user)).Succeeded);
            }
        }
        using var admin = await app.CreateClientAsync("admin");
        EachOnce(await AllPages(admin, $"/api/v1/users?keyword={marker}"), Rows + 1);
    }

    [Fact]
    public async Task Supervision_visits_on_the_same_days_page_through_each_once()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app, name: "督导分页站")).Id;
        for (var i = 0; i <= Rows; i++)
            await (await huaibei.PostAsJsonAsync("/api/v1/supervisions", new { stationId = station, kind = "Supervision", visitedOn = i % 2 == 0 ? "2026-10-10" : "2026-10-11", supervisorName = "李督导", topics = "同日督导" }))
                .Expect(HttpStatusCode.Created);
        EachOnce(await AllPages(huaibei, $"/api/v1/supervisions?stationId={station}"), Rows + 1);
    }

    [Fact]
    public async Task Audit_records_at_the_same_instants_page_through_each_once()
    {
        var marker = "tie." + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await app.Query(async db =>
        {
            var actor = new CurrentUser(Guid.NewGuid(), marker, [], null);
            for (var i = 0; i <= Rows; i++) db.AuditRecords.Add(new AuditRecord(i % 2 == 0 ? at : at.AddSeconds(1), actor, AuditAction.Export, "Station", "list", $"rows={i}"));
            return await db.SaveChangesAsync();
        });
        using var admin = await app.CreateClientAsync("admin");
        EachOnce(await AllPages(admin, $"/api/v1/audit?userName={marker}"), Rows + 1);
    }
}
