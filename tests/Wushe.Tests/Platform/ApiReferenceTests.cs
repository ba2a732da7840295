using System.Net;
using System.Text.RegularExpressions;

namespace Wushe.Tests.Platform;

/// <summary>The OpenAPI document speaks to its readers in both languages: an introduction, every operation and every tag.</summary>
public sealed partial class ApiReferenceTests(TestApp app)
{
    [Fact]
    public async Task The_reference_opens_with_an_introduction_in_Chinese_and_English()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var info = doc.GetProperty("info");
        Assert.Contains("五社联动平台", info.GetProperty("title").GetString(), StringComparison.Ordinal);
        var intro = info.GetProperty("description").GetString()!;
        Assert.Contains("## 简介", intro, StringComparison.Ordinal);
        Assert.Contains("## Overview", intro, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_in_Chinese_then_English_and_every_tag_a_description()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var problems = new List<string>();
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var summary = operation.Value.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
                if (!BilingualSummary().IsMatch(summary)) problems.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: summary \"{summary}\"");
                if (operation.Value.TryGetProperty("tags", out var t)) foreach (var tag in t.EnumerateArray()) tags.Add(tag.GetString()!);
            }
        var described = doc.TryGetProperty("tags", out var list)
            ? list.EnumerateArray().Where(x => x.TryGetProperty("description", out var d) && BilingualSummary().IsMatch(d.GetString() ?? "")).Select(x => x.GetProperty("name").GetString()!).ToHashSet()
            : [];
        problems.AddRange(tags.Except(described).Select(t => $"tag {t} has no description in both languages"));
        Assert.True(problems.Count == 0, "Expected \"中文 · English\":\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_its_security_and_a_success_with_its_body()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        Assert.Equal("http", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        string[] anonymous = ["POST /api/v1/auth/token", "GET /api/v1/public/ratings", "POST /api/v1/public/needs", "POST /api/v1/public/needs/with-photos", "POST /api/v1/public/needs/track", "POST /api/v1/public/needs/rate", "POST /api/v1/public/volunteers/join",
            "GET /api/v1/public/volunteer-certificates/{number}", "GET /api/v1/public/training-certificates/{number}", "GET /api/v1/public/charity/funds", "GET /api/v1/public/charity/funds/{id}",
            "GET /api/v1/public/charity/wishes", "GET /api/v1/public/charity/funds/{id}/reports", "GET /api/v1/public/charity/funds/{id}/reports/{year}/{quarter}",
            "GET /api/v1/public/charity/campaigns", "GET /api/v1/public/competitions/{id}/notice", "POST /api/v1/public/competitions/{id}/objections",
            "GET /api/v1/public/competitions", "GET /api/v1/public/competitions/{id}"];
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                var id = op.TryGetProperty("operationId", out var i) ? i.GetString() : null;
                if (string.IsNullOrEmpty(id)) problems.Add($"{name}: no operationId");
                else if (!ids.Add(id)) problems.Add($"{name}: operationId {id} is used twice");
                var responses = op.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
                if (!op.TryGetProperty("security", out var security)) problems.Add($"{name}: no security (an anonymous operation says [{{}}])");
                var secured = security.ValueKind == System.Text.Json.JsonValueKind.Array && security.EnumerateArray().Any(r => r.TryGetProperty("bearer", out _));
                if (secured == anonymous.Contains(name)) problems.Add($"{name}: " + (secured ? "asks for a token though it is anonymous" : "does not say it needs a bearer token"));
                if (secured && !(responses.ContainsKey("401") && responses.ContainsKey("403"))) problems.Add($"{name}: no 401 and 403");
                var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
                if (success.Count == 0) problems.Add($"{name}: no success response");
                foreach (var (status, response) in success)
                    if (status != "204" && !response.TryGetProperty("content", out _)) problems.Add($"{name}: {status} without a body");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                    if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                        problems.Add($"{name}: {status} is not Problem Details");
                foreach (var parameter in op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
                    if (parameter.GetProperty("name").GetString() is "size" or "Size"
                        && string.Join(",", parameter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetInt32())) != "10,20,50,100")
                        problems.Add($"{name}: size does not list 10, 20, 50, 100");
            }
        foreach (var schema in doc.GetProperty("components").GetProperty("schemas").EnumerateObject())
            if (schema.Name is "Request" or "Response" or "Row" or "Query" || schema.Name.Contains("OfOf", StringComparison.Ordinal))
                problems.Add($"schema {schema.Name}: a name that does not say whose");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>"中文 · English": Chinese, a middle dot, then English words.</summary>
    [GeneratedRegex(@"^[^A-Za-z]*\p{IsCJKUnifiedIdeographs}.* · [^\u3400-\u9fff]*[A-Za-z]{2,}[^\u3400-\u9fff]*$")]
    private static partial Regex BilingualSummary();
}
