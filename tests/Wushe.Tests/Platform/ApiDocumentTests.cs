using System.Diagnostics;
using System.Net;

namespace Wushe.Tests.Platform;

/// <summary>
/// The OpenAPI document holds up for a real client: Redocly's recommended ruleset finds no error in it.
/// The CLI comes from tests/tools (installed by .ci/run with <c>npm ci</c>); without it, from npx.
/// </summary>
public sealed class ApiDocumentTests(TestApp app)
{
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
