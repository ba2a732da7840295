using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Wushe.Tests.Platform;

/// <summary>
/// The OpenAPI document holds up for a real client: Redocly's recommended ruleset finds no error in it.
/// The CLI comes from tests/tools (installed by .ci/run with <c>npm ci</c>); without it, from npx.
/// </summary>
public sealed partial class ApiDocumentTests(TestApp app)
{
    /// <summary>
    /// Every API operation names itself (<c>.WithName("ListStations")</c>: PascalCase, unique), and the document's operationId
    /// is that name: rewording a summary cannot rename a generated client's method.
    /// </summary>
    [Fact]
    public async Task Every_operation_has_an_explicit_unique_PascalCase_name_and_it_is_the_operationId()
    {
        var described = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(Wushe.Platform.Web.Api.Prefix, StringComparison.OrdinalIgnoreCase)
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();
        Assert.True(described.Count > 30, $"only {described.Count} API endpoints found");
        var problems = described.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName}): no .WithName(...)").ToList();
        var names = described.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToList();
        problems.AddRange(names.Where(n => !PascalCase().IsMatch(n)).Select(n => $"{n}: not PascalCase verb-noun"));
        problems.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{g.Key}: used {g.Count()} times"));

        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).Expect(HttpStatusCode.OK);
        var ids = doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .Select(o => o.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        problems.AddRange(ids.Where(id => id is null || !names.Contains(id)).Select(id => $"operationId {id ?? "(none)"} is no endpoint's name"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(names.Count, ids.Count);
    }

    [Fact]
    public async Task The_document_states_its_licence_and_the_import_upload_form()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).Expect(HttpStatusCode.OK);
        Assert.False(string.IsNullOrWhiteSpace(doc.GetProperty("info").GetProperty("license").GetProperty("name").GetString()));

        var upload = doc.GetProperty("paths").GetProperty("/api/v1/areas/import").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var fields = upload.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(["areas", "cities", "mapping", "provinces", "streets"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(fields.Values, f => Assert.Equal("binary", f.GetProperty("format").GetString()));
        Assert.Equal(["areas", "cities", "provinces", "streets"], upload.GetProperty("required").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal));

        var mapping = doc.GetProperty("paths").GetProperty("/api/v1/areas/import/{id}/mapping").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal(["mapping"], mapping.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Answers_the_api_gives_on_a_wrong_content_type_or_an_area_outside_the_scope_are_documented()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).Expect(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/stations/{id}").GetProperty("put").GetProperty("responses").TryGetProperty("415", out _));
        Assert.True(paths.GetProperty("/api/v1/stations/coverage").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/v1/areas").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        // A list's sort keys are its own to state, not a parameter.
        var listParameters = paths.GetProperty("/api/v1/stations").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Sort", listParameters, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("SortKeys", listParameters, StringComparer.OrdinalIgnoreCase);
        // A download is a binary string, not a schema named after .NET's Stream.
        var download = paths.GetProperty("/api/v1/files/{id}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/pdf").GetProperty("schema");
        Assert.True(download.TryGetProperty("format", out var format) && format.GetString() == "binary", download.ToString());
        Assert.False(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("Stream", out _));

        // And the API really gives them.
        using var bijie = await app.CreateClientAsync("bijie");
        var station = (await (await bijie.GetAsync("/api/v1/stations?size=10", TestContext.Current.CancellationToken)).Expect(HttpStatusCode.OK))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await bijie.PutAsync($"/api/v1/stations/{station}", form, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bijie.GetAsync("/api/v1/stations/coverage?area=340600000000", TestContext.Current.CancellationToken)).StatusCode);
    }

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex PascalCase();

    [Fact]
    public async Task Redocly_finds_no_error_in_the_document()
    {
        var redocly = Redocly();
        Assert.SkipWhen(redocly is null, "Neither tests/tools/node_modules/.bin/redocly nor npx is installed: run .ci/run or `npm ci --prefix tests/tools`.");
        using var client = app.Anonymous();
        var json = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var dir = Directory.CreateTempSubdirectory("wushe-openapi-");
        try
        {
            var file = Path.Combine(dir.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
            if (Environment.GetEnvironmentVariable("WUSHE_OPENAPI_OUT") is { Length: > 0 } copy) File.Copy(file, copy, overwrite: true);
            var (exit, output) = await Run(redocly!.Value.File, [.. redocly.Value.Args, "lint", "--extends", "recommended", "--format", "stylish", file]);
            Assert.True(exit == 0, $"Redocly lint failed (exit {exit}):\n{output}");
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>The pinned CLI of tests/tools, or npx fetching the same version.</summary>
    internal static (string File, string[] Args)? Redocly()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var local = Path.Combine(dir.FullName, "tests", "tools", "node_modules", ".bin", "redocly");
            if (File.Exists(local)) return (local, []);
        }
        var npx = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "npx")).FirstOrDefault(File.Exists);
        return npx is null ? null : (npx, ["--yes", "@redocly/cli@2.77.0"]);
    }

    static async Task<(int Exit, string Output)> Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
