using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Stations;
using Wushe.Platform.Web;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Platform;

/// <summary>A request sent twice is recorded once: the Idempotency-Key of every create, on SQLite and PostgreSQL alike.</summary>
public sealed class IdempotencyTests(TestApp app)
{
    static object Visit(Guid station, string topics = "个案服务规范") =>
        new { stationId = station, kind = "Supervision", visitedOn = "2026-11-02", supervisorName = "李督导", topics };

    static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add(Idempotency.Header, key);
        return request;
    }

    Task<int> Visits(Guid station) => app.Query(db => db.Set<Supervision>().CountAsync(s => s.StationId == station));

    [Fact]
    public async Task A_repeat_with_the_same_key_returns_the_first_answer_and_records_nothing_new()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();

        using var first = await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key));
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeader));

        using var again = await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(body, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.Equal(1, await Visits(station));

        // Without a key, a repeat is a new visit (a supervision has no natural key: two on one day are possible).
        await (await huaibei.PostAsJsonAsync("/api/v1/supervisions", Visit(station))).Expect(HttpStatusCode.Created);
        Assert.Equal(2, await Visits(station));
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_a_422_naming_the_header_and_records_nothing()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        await (await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key))).Expect(HttpStatusCode.Created);

        var problem = await (await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station, "另一个主题"), key))).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("urn:wushe:problem:idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(Idempotency.Header, out _));
        // Another route with the key is another request too.
        await (await huaibei.SendAsync(Post($"/api/v1/stations/{station}/close", new { }, key))).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await Visits(station));
        Assert.Equal(StationStatus.Active, await app.Query(db => db.Stations.Where(s => s.Id == station).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Requests_with_one_key_at_the_same_moment_make_exactly_one_record_and_all_get_its_answer()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(tasks);
        Assert.All(answers, a => Assert.Equal(201, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.Equal(1, await Visits(station));
    }

    [Fact]
    public async Task The_same_contract_posted_at_once_with_one_key_is_one_contract()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        var contract = new { purchaser = "测试县民政局", provider = "测试社工机构", contractNo = "IDEM-1", amountYuan = 120000m, startOn = "2026-01-01", endOn = "2026-12-31", source = "CountyBudget" };
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await huaibei.SendAsync(Post($"/api/v1/stations/{station}/purchases", contract, key));
            return (int)response.StatusCode;
        })).ToList();
        start.Set();
        Assert.All(await Task.WhenAll(tasks), status => Assert.Equal(201, status));
        var amounts = await app.Query(db => db.Set<ServicePurchase>().Where(p => p.StationId == station).Select(p => p.AmountFen).ToListAsync());
        Assert.Equal(12_000_000, Assert.Single(amounts));
    }

    [Fact]
    public async Task A_refused_request_is_not_kept_so_the_corrected_one_may_use_the_same_key()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        await (await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station, topics: ""), key))).Expect(HttpStatusCode.BadRequest);
        await (await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key))).Expect(HttpStatusCode.Created);
        Assert.Equal(1, await Visits(station));
    }

    [Fact]
    public async Task A_key_belongs_to_its_user()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        using var admin = await app.CreateClientAsync("admin");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        var a = await (await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key))).Expect(HttpStatusCode.Created);
        var b = await (await admin.SendAsync(Post("/api/v1/supervisions", Visit(station), key))).Expect(HttpStatusCode.Created);
        Assert.NotEqual(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(2, await Visits(station));
    }

    [Fact]
    public async Task An_answer_older_than_the_retention_is_forgotten()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        var userId = await app.Query(db => db.Users.Where(u => u.UserName == "huaibei").Select(u => u.Id).SingleAsync());
        await app.Query(async db =>
        {
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord(userId, key, "POST", "/api/v1/supervisions", "old", DateTimeOffset.UtcNow - Idempotency.DefaultRetention - TimeSpan.FromMinutes(5)));
            return await db.SaveChangesAsync();
        });
        // Were it remembered, another request under the key would be a 422.
        await (await huaibei.SendAsync(Post("/api/v1/supervisions", Visit(station), key))).Expect(HttpStatusCode.Created);
        Assert.Equal(1, await Visits(station));
    }

    [Fact]
    public async Task A_multipart_checklist_record_sent_twice_with_one_key_is_recorded_once()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        var key = Guid.NewGuid().ToString();
        async Task<HttpStatusCode> Send()
        {
            using var form = new MultipartFormDataContent { { new StringContent("HasOffice"), "item" }, { new StringContent("true"), "met" }, { new StringContent("2026-11-20"), "checkedOn" } };
            form.Add(new ByteArrayContent(TestImages.Jpeg) { Headers = { ContentType = new("image/jpeg") } }, "evidence", "photo.jpg");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stations/{station}/checklist") { Content = form };
            request.Headers.Add(Idempotency.Header, key);
            using var response = await huaibei.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.Created, await Send());
        Assert.Equal(HttpStatusCode.Created, await Send());
        Assert.Equal(1, await app.Query(db => db.Set<StandardCheck>().CountAsync(c => c.StationId == station)));
        var area = await app.Query(db => db.Stations.Where(s => s.Id == station).Select(s => s.AreaCode).SingleAsync());
        Assert.Equal(1, await app.Query(db => db.StoredFiles.CountAsync(f => f.AreaCode == area)));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public async Task A_malformed_key_is_a_400_naming_the_header(int length)
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var station = (await TestStations.CreateAsync(app)).Id;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/supervisions") { Content = JsonContent.Create(Visit(station)) };
        // 256 characters is one too many; a key with a space or non-ASCII letters is no key either.
        request.Headers.TryAddWithoutValidation(Idempotency.Header, length > 0 ? new string('k', length) : "键 with space");
        var problem = await (await huaibei.SendAsync(request)).Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(Idempotency.Header, out _));
        Assert.Equal(0, await Visits(station));
    }

    [Fact]
    public async Task A_user_created_twice_with_one_key_is_one_account()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var township = await Places.NewTownshipAsync(app);
        var userName = "idem." + Guid.NewGuid().ToString("N")[..8];
        var body = new
        {
            userName, displayName = "幂等用户", phone = Numbers.Mobile(), homeAreaCode = township, password = Wushe.Features.Demo.DemoData.Password,
            roles = new[] { new { role = "StationWorker", areaCode = township } },
        };
        var key = Guid.NewGuid().ToString();
        var first = await (await huaibei.SendAsync(Post("/api/v1/users", body, key))).Expect(HttpStatusCode.Created);
        var again = await (await huaibei.SendAsync(Post("/api/v1/users", body, key))).Expect(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(1, await app.Query(db => db.Users.CountAsync(u => u.UserName == userName)));
        Assert.Equal(1, await app.Query(db => db.RoleAssignments.CountAsync(a => a.UserId == first.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Every_POST_that_takes_the_key_answers_without_a_server_error_when_sent_one()
    {
        using var admin = await app.CreateClientAsync("admin");
        var failures = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                         && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                         && e.Metadata.GetMetadata<NoIdempotency>() is null))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, @"\{[^}]+\}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is ["multipart/form-data", ..]
                    ? new MultipartFormDataContent { { new StringContent(""), "note" } }
                    : JsonContent.Create(new { }),
            };
            request.Headers.Add(Idempotency.Header, Guid.NewGuid().ToString());
            using var response = await admin.SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Add($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_POST_of_the_API_takes_the_key_in_its_OpenAPI_description_or_says_why_not()
    {
        var posts = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();
        Assert.NotEmpty(posts);
        using var anonymous = app.Anonymous();
        var doc = await (await anonymous.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        var optedOut = new List<string>();
        foreach (var endpoint in posts)
        {
            var route = endpoint.RoutePattern.RawText!.Replace(":guid", "", StringComparison.Ordinal).TrimEnd('/');
            if (endpoint.Metadata.GetMetadata<NoIdempotency>() is { } no)
            {
                Assert.False(string.IsNullOrWhiteSpace(no.Reason));
                optedOut.Add(route);
                continue;
            }
            var path = Assert.Single(paths.EnumerateObject(), p => p.Name.TrimEnd('/') == route).Value;
            var parameters = path.GetProperty("post").TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.Contains(parameters, p => p.GetProperty("name").GetString() == Idempotency.Header && p.GetProperty("in").GetString() == "header");
        }
        // The opt-outs are these, each for its reason: a token, a revealed value or a password must never be stored; an import runs on its own;
        // a resident has no account to key a replay by.
        Assert.Equal(["/api/v1/areas/import", "/api/v1/areas/import/{id}/confirm", "/api/v1/areas/import/{id}/mapping", "/api/v1/auth/token",
            "/api/v1/competitions/{id}/objections/{objectionId}/contact/reveal", "/api/v1/me/password",
            "/api/v1/needs/{id}/requester/reveal", "/api/v1/public/competitions/{id}/objections", "/api/v1/public/needs", "/api/v1/public/needs/rate", "/api/v1/public/needs/track", "/api/v1/public/needs/with-photos", "/api/v1/public/volunteers/join", "/api/v1/residents/{id}/reveal", "/api/v1/users/{id}/password", "/api/v1/users/{id}/reveal", "/api/v1/volunteers/{id}/reveal", "/api/v1/workforce/social-workers/{id}/reveal"], optedOut.Order(StringComparer.Ordinal));
        Assert.Contains(posts, e => e.RoutePattern.RawText!.TrimEnd('/') == "/api/v1/supervisions");
    }
}
