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

    /// <summary>"中文 · English": Chinese, a middle dot, then English words.</summary>
    [GeneratedRegex(@"^[^A-Za-z]*\p{IsCJKUnifiedIdeographs}.* · [^\u3400-\u9fff]*[A-Za-z]{2,}[^\u3400-\u9fff]*$")]
    private static partial Regex BilingualSummary();
}
