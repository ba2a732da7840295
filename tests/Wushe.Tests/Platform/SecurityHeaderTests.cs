using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Wushe.Platform.Web;

namespace Wushe.Tests.Platform;

/// <summary>
/// Every response carries the security headers — pages, redirects, the API, its errors, static and stored
/// files, unknown addresses — and no page needs an inline script or style to work (the policy refuses them).
/// </summary>
public sealed partial class SecurityHeaderTests(TestApp app)
{
    static void AssertProtected(HttpResponseMessage response, string? policy = SecurityHeaders.Policy)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(",", v) : null;
        var csp = Header("Content-Security-Policy");
        Assert.True(csp is not null, $"{what} has no Content-Security-Policy");
        if (policy is not null) Assert.Equal(policy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*'unsafe-(inline|eval)'", csp);
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options {Header("X-Frame-Options")}");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options {Header("X-Content-Type-Options")}");
        Assert.True(Header("Referrer-Policy") is "same-origin" or "no-referrer" or "strict-origin-when-cross-origin" or "strict-origin", $"{what}: Referrer-Policy {Header("Referrer-Policy")}");
    }

    [Theory]
    [InlineData("GET", "/Account/Login")] // a page
    [InlineData("GET", "/")] // a redirect to the sign-in page
    [InlineData("GET", "/Public/Ratings")] // a public page
    [InlineData("GET", "/css/site.css")] // static files
    [InlineData("GET", "/lib/bootstrap/bootstrap.min.css")]
    [InlineData("GET", "/js/site.js")]
    [InlineData("GET", "/no-such-page")] // 404
    [InlineData("GET", "/api/v1/stations")] // the API without a sign-in: 401
    [InlineData("GET", "/api/v1/no-such-route")]
    [InlineData("POST", "/api/v1/auth/token")] // a validation problem
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/lang/en?returnUrl=/")]
    public async Task Every_kind_of_response_carries_the_security_headers(string method, string path)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        AssertProtected(response);
    }

    [Fact]
    public async Task Signed_in_API_answers_and_stored_files_carry_the_security_headers()
    {
        using var client = await app.CreateClientAsync("weining");
        using var list = await client.GetAsync("/api/v1/stations?level=TownshipStation&size=10");
        AssertProtected(list);
        var id = (await list.Expect(HttpStatusCode.OK)).GetProperty("items")[5].GetProperty("id").GetGuid();

        // A real 1×1 PNG as evidence, then the file as served back.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("UnifiedSign"), "item" }, { new StringContent("true"), "met" }, { new StringContent("2026-11-20"), "checkedOn" },
            { new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "evidence", "sign.png" },
        };
        using var created = await client.PostAsync($"/api/v1/stations/{id}/checklist", form);
        AssertProtected(created);
        await created.Expect(HttpStatusCode.Created);
        var checklist = await (await client.GetAsync($"/api/v1/stations/{id}/checklist")).Expect(HttpStatusCode.OK);
        var fileId = checklist.GetProperty("items").EnumerateArray().First(i => i.GetProperty("key").GetString() == "UnifiedSign").GetProperty("evidenceFileId").GetGuid();
        using var file = await client.GetAsync($"/api/v1/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        AssertProtected(file);
        using var missing = await client.GetAsync($"/api/v1/files/{Guid.NewGuid()}");
        AssertProtected(missing);
    }

    [Fact]
    public async Task The_API_reference_allows_its_one_inline_script_by_a_fresh_nonce_and_nothing_else()
    {
        using var client = app.Anonymous();
        async Task<(string Html, string Csp)> Load()
        {
            using var response = await client.GetAsync("/api/docs/");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertProtected(response, policy: null);
            return (html, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        }
        var (html, csp) = await Load();
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        // Every script of the page is either loaded from the app or carries the nonce.
        foreach (Match script in Regex.Matches(html, "<script[^>]*>"))
            Assert.True(script.Value.Contains("src=", StringComparison.Ordinal) || script.Value.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), script.Value);
        Assert.NotEqual(nonce, Regex.Match((await Load()).Csp, "'nonce-([^']+)'").Groups[1].Value);
        // Its allowances stay on its path.
        using var page = await client.GetAsync("/Account/Login");
        AssertProtected(page);
    }

    /// <summary>
    /// The markup of every page, partial and layout: no inline script (scripts live in wwwroot/js; data goes in
    /// <c>data-</c> attributes or <c>&lt;script type="application/json"&gt;</c>), no event-handler attribute,
    /// no <c>hx-on</c>, no <c>style=""</c>, no <c>javascript:</c> address.
    /// </summary>
    [Fact]
    public void No_page_markup_needs_an_inline_script_or_style()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Wushe", "Features");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(features, file);
            foreach (Match m in InlineScript().Matches(text)) found.Add($"{name}: inline script {m.Value}");
            foreach (Match m in InlineHandler().Matches(text)) found.Add($"{name}: {m.Value.Trim()}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>A &lt;script&gt; without src, unless it is a JSON data block.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s(on[a-z]+|hx-on[:a-z-]*|style)\\s*=\\s*[\"']|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wushe.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Wushe.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
