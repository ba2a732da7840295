using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Platform;

/// <summary>
/// Walks every endpoint under /api/v1, found in the running app, so an endpoint added later is
/// covered without touching this test. Route values are filled in from <see cref="Parameters"/>;
/// endpoints that a signed-in self-service user may use are listed in <see cref="SelfService"/>.
/// </summary>
public sealed partial class EndpointAuthorizationTests(TestApp app)
{
    /// <summary>Endpoints open to everyone: the sign-in, and everything under /api/v1/public.</summary>
    static readonly HashSet<string> PublicEndpoints = ["POST /api/v1/auth/token"];

    static bool IsPublic(ApiEndpoint e) => PublicEndpoints.Contains(e.Key) || e.Pattern.StartsWith("/api/v1/public/", StringComparison.Ordinal);

    /// <summary>Endpoints a volunteer may use, with the status it gets for the walker's empty request.</summary>
    static readonly Dictionary<string, HttpStatusCode> SelfService = new()
    {
        ["GET /api/v1/me"] = HttpStatusCode.OK,
        ["POST /api/v1/me/password"] = HttpStatusCode.BadRequest,
        // The households of visits the volunteer took part in (none here): its own list, non-sensitive fields.
        ["GET /api/v1/households/linked"] = HttpStatusCode.OK,
        // Their own volunteer registration (issue 9; the demo registers the demo volunteer): read it, keep its skills (an empty body clears none it lacks).
        ["GET /api/v1/me/volunteer"] = HttpStatusCode.OK,
        ["PUT /api/v1/me/volunteer"] = HttpStatusCode.OK,
        // Activities near them and their sign-ups (their shift and sign-up ids here are made up: 404, the default).
        ["GET /api/v1/me/volunteer/activities"] = HttpStatusCode.OK,
        ["GET /api/v1/me/volunteer/sign-ups"] = HttpStatusCode.OK,
        // Their hours, and a scan without a code (400 naming the code).
        ["GET /api/v1/me/volunteer/hours"] = HttpStatusCode.OK,
        ["GET /api/v1/me/volunteer/credit"] = HttpStatusCode.OK,
        ["POST /api/v1/me/volunteer/attendance"] = HttpStatusCode.BadRequest,
        // Teams near them and their own teams (issue 9); a team they do not lead is 404 (the default).
        ["GET /api/v1/me/volunteer/teams"] = HttpStatusCode.OK,
        ["GET /api/v1/me/volunteer/teams/mine"] = HttpStatusCode.OK,
        // Their points, the offers of their county, their redemptions, and a donation without a number (400 naming it).
        ["GET /api/v1/me/volunteer/points"] = HttpStatusCode.OK,
        ["GET /api/v1/me/volunteer/offers"] = HttpStatusCode.OK,
        ["GET /api/v1/me/volunteer/redemptions"] = HttpStatusCode.OK,
        ["POST /api/v1/me/volunteer/points/donate"] = HttpStatusCode.BadRequest,
        // Their certificates, and a request without a period (400 naming from and to); another's PDF is 404 (the default).
        ["GET /api/v1/me/volunteer/certificates"] = HttpStatusCode.OK,
        ["POST /api/v1/me/volunteer/certificates"] = HttpStatusCode.BadRequest,
        // Their wish claims (issue 10), and a delivery without evidence (400 naming it, before the made-up claim is looked for).
        ["GET /api/v1/me/wish-claims"] = HttpStatusCode.OK,
        ["POST /api/v1/me/wish-claims/{claimId:guid}/delivered"] = HttpStatusCode.BadRequest,
    };

    /// <summary>GET endpoints that a county bureau user may not use even for its own county (it gets 403 for both counties).</summary>
    // 我的探访 is the to-do list of those who visit (HouseholdsPermissions.Visit); a bureau reads the overdue figures.
    static readonly HashSet<string> NotForCountyBureau = ["GET /api/v1/audit", "GET /api/v1/households/linked", "GET /api/v1/households/my-visits",
        "GET /api/v1/households/my-visits/export", "GET /api/v1/households/my-visits/by-worker",
        // The needs referred to an organization are its staff's work list; a bureau reads the needs themselves.
        "GET /api/v1/needs/referred",
        // So are the cases referred to an organization (issue 8); a bureau reads the cases themselves.
        "GET /api/v1/referred-cases", "GET /api/v1/referred-cases/{id:guid}",
        // A volunteer's own registration (issue 9) is the volunteer's; a bureau reads the register.
        "GET /api/v1/me/volunteer", "GET /api/v1/me/volunteer/activities", "GET /api/v1/me/volunteer/sign-ups", "GET /api/v1/me/volunteer/hours",
        "GET /api/v1/me/volunteer/credit", "GET /api/v1/me/volunteer/teams", "GET /api/v1/me/volunteer/teams/mine", "GET /api/v1/me/volunteer/teams/{teamId:guid}/roster",
        "GET /api/v1/me/volunteer/points", "GET /api/v1/me/volunteer/offers", "GET /api/v1/me/volunteer/redemptions",
        "GET /api/v1/me/volunteer/certificates", "GET /api/v1/me/volunteer/certificates/{id:guid}/pdf",
        // A merchant's own pages (points, issue 9) are the merchant account's; a bureau reads the merchants of its area.
        "GET /api/v1/me/merchant", "GET /api/v1/me/merchant/redemptions", "GET /api/v1/me/merchant/redemptions/{code}", "GET /api/v1/me/merchant/offers",
        "GET /api/v1/me/merchant/stats",
        // A donor's own donations (issue 10) are the donor account's; a bureau reads the funds' donations.
        "GET /api/v1/me/donations",
        // The requests awaiting a committee member's own vote are that member's; a bureau reads the funds' requests.
        "GET /api/v1/me/votes",
        // So are a claimer's own wish claims; a bureau reads the wishes of its area.
        "GET /api/v1/me/wish-claims",
        // A shift's check-in code is the organizer's screen (stations and communities); a bureau reads the records.
        "GET /api/v1/volunteer-activities/shifts/{shiftId:guid}/check-in",
        // An organization's own applications (issue 12) are its staff's; a bureau reads a call's applications.
        "GET /api/v1/competitions/applications/mine",
        // A judge's own assignments (issue 12) are the judge's; a bureau reads the ranking.
        "GET /api/v1/me/reviews",
        // The calls open to an organization (issue 12) are its staff's list; a bureau reads the calls of its area.
        "GET /api/v1/competitions/open",
        // So is the export of its own applications.
        "GET /api/v1/competitions/applications/mine/export"];

    const string InScope = "520502000000";   // 七星关区: qixingguan's county
    const string OutOfScope = "520526000000"; // 威宁县: its neighbour

    /// <summary>What each route parameter becomes; an unknown one gets a random Guid (a record that does not exist).</summary>
    static string Parameters(string name, string constraints, string areaCode) => name switch
    {
        "code" => areaCode,
        _ when constraints.Contains("int", StringComparison.Ordinal) || constraints.Contains("long", StringComparison.Ordinal) => "2147480000",
        _ => Guid.NewGuid().ToString(),
    };

    /// <param name="TakesArea">The handler takes an area filter: a query that is an <see cref="Wushe.Platform.Outcomes.IAreaFilteredQuery"/>, or an <c>area</c> argument.</param>
    public sealed record ApiEndpoint(string Method, string Pattern, string? Accepts, bool TakesArea = false)
    {
        public string Key => $"{Method} {Pattern}";

        public IReadOnlyList<string> ParameterNames => Parameter().Matches(Pattern).Select(m => m.Groups[1].Value).ToList();

        /// <summary>The path with its route values; a GET also names the area in the usual query parameters (unknown ones are ignored).</summary>
        public string Url(string areaCode)
        {
            var path = Parameter().Replace(Pattern, m => Uri.EscapeDataString(Parameters(m.Groups[1].Value, m.Groups[2].Value, areaCode)));
            return Method == "GET" ? $"{path}?area={areaCode}&parent={areaCode}" : path;
        }

        /// <summary>An empty body of the kind the endpoint accepts: a JSON object, or an empty form.</summary>
        public HttpRequestMessage Request(string areaCode)
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Url(areaCode));
            if (Method is "POST" or "PUT" or "PATCH")
                request.Content = Accepts switch
                {
                    "multipart/form-data" => new MultipartFormDataContent(),
                    "application/x-www-form-urlencoded" => new FormUrlEncodedContent([]),
                    _ => new StringContent("{}", Encoding.UTF8, "application/json"),
                };
            return request;
        }

        public override string ToString() => Key;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}")]
    private static partial Regex Parameter();

    List<ApiEndpoint> Endpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var found = source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(Wushe.Platform.Web.Api.Prefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new ApiEndpoint(m, "/" + e.RoutePattern.RawText!.Trim('/'), e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : null,
                    e.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters().Any(p =>
                        typeof(Wushe.Platform.Outcomes.IAreaFilteredQuery).IsAssignableFrom(p.ParameterType) || p.Name == "area") ?? false)))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        // The walk must not pass by finding nothing.
        Assert.Contains(found, e => e.Key == "GET /api/v1/areas/{code}");
        Assert.Contains(found, e => e.Key == "GET /api/v1/me");
        Assert.Contains(found, e => e.Key == "POST /api/v1/auth/token");
        return found;
    }

    async Task<(HttpStatusCode Status, string Body)> Send(HttpClient client, ApiEndpoint endpoint, string areaCode)
    {
        var (status, body) = await SendFull(client, endpoint, areaCode);
        return (status, body.Length > 300 ? body[..300] : body);
    }

    static async Task<(HttpStatusCode Status, string Body)> SendFull(HttpClient client, ApiEndpoint endpoint, string areaCode)
    {
        using var request = endpoint.Request(areaCode);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    static string Report(string who, List<string> failures) =>
        $"{failures.Count} endpoint(s) answered {who} wrongly:\n  " + string.Join("\n  ", failures);

    [Fact]
    public async Task Every_API_endpoint_refuses_an_anonymous_caller_with_401()
    {
        using var client = app.Anonymous();
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => !IsPublic(e)))
        {
            var (status, body) = await Send(client, e, InScope);
            if (status != HttpStatusCode.Unauthorized) failures.Add($"{e}: {(int)status} {body}");
        }
        Assert.True(failures.Count == 0, Report("an anonymous caller", failures));
    }

    [Fact]
    public async Task Public_endpoints_answer_an_anonymous_caller_without_error()
    {
        using var client = app.Anonymous();
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => IsPublic(e) && e.Key != "POST /api/v1/auth/token"))
        {
            var (status, body) = await Send(client, e, InScope);
            var ok = e.Method == "GET" && !e.ParameterNames.Any(p => p != "code") ? status == HttpStatusCode.OK : (int)status < 500 && status != HttpStatusCode.Unauthorized;
            if (!ok) failures.Add($"{e}: {(int)status} {body}");
        }
        Assert.True(failures.Count == 0, Report("an anonymous caller", failures));
    }

    [Fact]
    public async Task A_volunteer_reaches_only_its_own_endpoints_and_never_an_area_record()
    {
        using var client = await app.CreateClientAsync("volunteer");
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => !IsPublic(e)))
        {
            foreach (var code in new[] { InScope, "370502001001" })
            {
                var (status, body) = await Send(client, e, code);
                var ok = SelfService.TryGetValue(e.Key, out var expected)
                    ? status == expected
                    : status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                if (!ok) failures.Add($"{e} ({code}): {(int)status} {body}");
                if (!e.ParameterNames.Contains("code")) break;
            }
        }
        Assert.True(failures.Count == 0, Report("a volunteer", failures));
    }

    [Fact]
    public async Task The_platform_admin_never_gets_a_server_error()
    {
        using var client = await app.CreateClientAsync("admin");
        var failures = new List<string>();
        foreach (var e in Endpoints())
        {
            var (status, body) = await Send(client, e, InScope);
            if ((int)status >= 500 || status == HttpStatusCode.Unauthorized) failures.Add($"{e}: {(int)status} {body}");
        }
        Assert.True(failures.Count == 0, Report("the platform admin", failures));
    }

    /// <summary>
    /// Ids of records that belong to Weining alone: every area-scoped record with a Guid key
    /// (stations, checks, supervisions, ratings…) and the users whose home and roles all lie there.
    /// </summary>
    async Task<HashSet<string>> WeiningRecordIds()
    {
        var (low, high) = Wushe.Platform.Areas.AreaCode.Range(OutOfScope);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var users = await db.Users.IgnoreQueryFilters()
            .Where(u => string.Compare(u.HomeAreaCode, low) >= 0 && string.Compare(u.HomeAreaCode, high) <= 0)
            .Where(u => !db.RoleAssignments.Any(a => a.UserId == u.Id && (string.Compare(a.AreaCode, low) < 0 || string.Compare(a.AreaCode, high) > 0)))
            .Select(u => u.Id).ToListAsync();
        ids.UnionWith(users.Select(u => u.ToString()));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => typeof(IAreaScoped).IsAssignableFrom(e.ClrType) && !e.IsOwned() && e.GetTableName() is not null))
        {
            if (entity.FindPrimaryKey()?.Properties is not [{ ClrType: var keyType } key] || keyType != typeof(Guid)) continue;
            var column = entity.FindProperty(nameof(IAreaScoped.AreaCode))?.GetColumnName();
            if (column is null) continue;
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT \"{key.GetColumnName()}\" FROM \"{entity.GetTableName()}\" WHERE \"{column}\" >= '{low}' AND \"{column}\" <= '{high}'";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(Guid.Parse(reader.GetValue(0).ToString()!).ToString());
        }
        return ids;
    }

    [Fact]
    public async Task County_user_of_Qixingguan_gets_404_for_Weining_on_every_area_endpoint_and_200_for_its_own_county()
    {
        var weining = await WeiningRecordIds();
        Assert.True(weining.Count > 10, $"Only {weining.Count} Weining records in the demo data: the check would prove little.");
        using var client = await app.CreateClientAsync("qixingguan");
        var walked = 0;
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => e.Method == "GET" && !IsPublic(e) && e.ParameterNames.All(p => p == "code")))
        {
            walked++;
            var bureau = !NotForCountyBureau.Contains(e.Key);
            var (own, ownBody) = await Send(client, e, InScope);
            if (own != (bureau ? HttpStatusCode.OK : HttpStatusCode.Forbidden)) failures.Add($"{e} (own county {InScope}): {(int)own} {ownBody}");

            using var request = e.Request(OutOfScope);
            using var response = await client.SendAsync(request);
            var other = response.StatusCode;
            var otherBody = await response.Content.ReadAsStringAsync();
            var leaked = weining.Where(id => otherBody.Contains(id, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
            // An area filter outside the scope is 404 like a record out of scope (ListQueries.OutsideScope), never an empty list.
            var ok = !bureau ? other == HttpStatusCode.Forbidden
                : e.ParameterNames.Contains("code") || e.TakesArea ? other == HttpStatusCode.NotFound
                : other == HttpStatusCode.NotFound || (other == HttpStatusCode.OK && leaked.Count == 0);
            if (!ok) failures.Add($"{e} (neighbouring county {OutOfScope}): {(int)other}{(leaked.Count > 0 ? " shows Weining records " + string.Join(", ", leaked) : "")} {(otherBody.Length > 300 ? otherBody[..300] : otherBody)}");
        }
        Assert.True(walked >= 2, "Too few GET endpoints were walked.");
        Assert.True(Endpoints().Count(e => e.TakesArea) >= 10, "Too few endpoints were found to take an area filter: the walk would prove little.");
        Assert.True(failures.Count == 0, Report("a county user", failures));
    }

    [Fact]
    public async Task No_list_endpoint_shows_a_county_user_a_record_of_the_neighbouring_county()
    {
        var weining = await WeiningRecordIds();
        using var client = await app.CreateClientAsync("qixingguan");
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => e.Method == "GET" && !IsPublic(e)))
        {
            foreach (var code in new[] { InScope, OutOfScope })
            {
                var (status, body) = await SendFull(client, e, code);
                var leaked = weining.Where(id => body.Contains(id, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
                if (leaked.Count > 0) failures.Add($"{e} ({code}): {(int)status} shows Weining records {string.Join(", ", leaked)}");
            }
        }
        Assert.True(failures.Count == 0, Report("a county user", failures));
    }

    /// <summary>
    /// A call's figures (every organization's applications and money) are the host's tool, by one rule that the page and the API both
    /// read (<see cref="Wushe.Features.Competitions.CompetitionsPermissions.Figures"/>): the demo's Jiuyuan call is read by Jiuyuan's bureau;
    /// the staff of an organization that won an award of it and a judge who scored it are refused (403; the page sends them to the
    /// refusal page); a bureau whose scope does not cover the call's area finds no such call (404).
    /// </summary>
    [Fact]
    public async Task A_calls_figures_are_the_hosts_organization_staff_and_experts_get_403_on_the_page_and_the_api()
    {
        var call = await app.Query(db => db.Set<Wushe.Features.Competitions.Competition>().IgnoreQueryFilters()
            .Where(c => c.AreaCode == "150207000000" && c.Status == Wushe.Features.Competitions.CompetitionStatus.Decided).Select(c => c.Id).FirstAsync());
        var failures = new List<string>();
        foreach (var (user, expected) in new[] { ("jiuyuan", HttpStatusCode.OK), ("jiuyuan.org", HttpStatusCode.Forbidden), ("expert.wang", HttpStatusCode.Forbidden), ("qixingguan", HttpStatusCode.NotFound) })
        {
            using var api = await app.CreateClientAsync(user);
            using var answer = await api.GetAsync($"/api/v1/competitions/{call}/figures");
            if (answer.StatusCode != expected) failures.Add($"{user}: GET /api/v1/competitions/{{id}}/figures answered {(int)answer.StatusCode}, not {(int)expected}");
            using var browser = await app.CookieClientAsync(user);
            using var page = await browser.GetAsync($"/Competitions/Figures?callId={call}");
            var refused = page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location?.ToString().Contains("/Account/Denied", StringComparison.Ordinal) == true;
            var ok = expected == HttpStatusCode.Forbidden ? refused : page.StatusCode == expected;
            if (!ok) failures.Add($"{user}: /Competitions/Figures answered {(int)page.StatusCode} {page.Headers.Location}, not {(expected == HttpStatusCode.Forbidden ? "the refusal page" : ((int)expected).ToString())}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task No_endpoint_fails_with_a_server_error_for_a_county_user()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => !IsPublic(e)))
        {
            foreach (var code in new[] { InScope, OutOfScope })
            {
                var (status, body) = await Send(client, e, code);
                if ((int)status >= 500 || status == HttpStatusCode.Unauthorized) failures.Add($"{e} ({code}): {(int)status} {body}");
                if (!e.ParameterNames.Contains("code")) break;
            }
        }
        Assert.True(failures.Count == 0, Report("a county user", failures));
    }
}
