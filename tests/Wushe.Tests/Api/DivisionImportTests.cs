using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Platform.Audit;
using Wushe.Tests.Rules;

namespace Wushe.Tests.Api;

/// <summary>Each test imports a province of its own (codes 9x, unused by the demo), so they do not meet.</summary>
public sealed class DivisionImportTests(TestApp app)
{
    async Task<JsonElement> Import(HttpClient client, DivisionFiles files)
    {
        using var form = files.Form();
        using var response = await client.PostAsync("/api/v1/areas/import", form);
        var started = await response.Expect(HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetGuid();
        Assert.EndsWith($"/api/v1/areas/import/{id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await (await client.GetAsync($"/api/v1/areas/import/{id}")).Expect(HttpStatusCode.OK);
            if (status.GetProperty("state").GetString() != "Running") return status;
            Assert.True(DateTime.UtcNow < deadline, "The import did not finish within a minute.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_uploaded_list_is_imported_and_a_newer_list_renames_and_retires()
    {
        using var client = await app.CreateClientAsync("admin");
        var first = await Import(client, DivisionFiles.County("99")
            .Township("990101001", "甲街道").Township("990101002", "乙街道").Township("990101100", "丙镇"));
        Assert.Equal("Succeeded", first.GetProperty("state").GetString());
        Assert.Equal(100, first.GetProperty("percent").GetInt32());
        var summary = first.GetProperty("summary");
        Assert.Equal(6, summary.GetProperty("rows").GetInt32());
        Assert.Equal(6, summary.GetProperty("added").GetInt32());

        var town = await (await client.GetAsync("/api/v1/areas/990101100")).Expect(HttpStatusCode.OK);
        Assert.Equal("丙镇", town.GetProperty("name").GetString());
        Assert.Equal("Town", town.GetProperty("kind").GetString());
        Assert.Equal(["990000000000", "990100000000", "990101000000"], town.GetProperty("path").EnumerateArray().Select(n => n.GetProperty("code").GetString()));

        var second = await Import(client, DivisionFiles.County("99")
            .Township("990101001", "甲新街道").Township("990101100", "丙镇"));
        Assert.Equal("Succeeded", second.GetProperty("state").GetString());
        summary = second.GetProperty("summary");
        Assert.Equal(5, summary.GetProperty("rows").GetInt32());
        Assert.Equal(0, summary.GetProperty("added").GetInt32());
        Assert.Equal(1, summary.GetProperty("renamed").GetInt32());
        Assert.Equal(1, summary.GetProperty("retired").GetInt32());
        Assert.Equal(4, summary.GetProperty("unchanged").GetInt32());

        var renamed = await (await client.GetAsync("/api/v1/areas/990101001")).Expect(HttpStatusCode.OK);
        Assert.Equal("甲新街道", renamed.GetProperty("name").GetString());

        // The vanished township is retired, not deleted: it keeps its row with an end date and leaves the tree.
        var retired = await app.Query(db => db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Code == "990101002000"));
        Assert.Equal("乙街道", retired.Name);
        Assert.NotNull(retired.ValidTo);
        var children = await (await client.GetAsync("/api/v1/areas?parent=990101")).Expect(HttpStatusCode.OK);
        Assert.Equal(["990101001000", "990101100000"], children.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var shown = await (await client.GetAsync("/api/v1/areas/990101002")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.String, shown.GetProperty("validTo").ValueKind);

        var audited = await app.Query(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(r => r.Action == AuditAction.Import && r.UserName == "admin").Select(r => r.Fields).ToListAsync());
        Assert.Contains("rows=5,added=0,renamed=1,retired=1", audited);
    }

    [Fact]
    public async Task A_list_with_a_broken_row_reports_the_row_and_saves_nothing()
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync("admin");
        var status = await Import(client, DivisionFiles.County("98")
            .Township("980101001", "甲街道")
            .Line("streets.csv", "98010100A,\"坏街道\",980101,98,9801")
            .Township("980101100", "丙镇"));
        Assert.Equal("Failed", status.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("summary").ValueKind);
        var error = Assert.Single(status.GetProperty("errors").EnumerateArray()).GetString();
        Assert.StartsWith("streets.csv 第 3 行", error, StringComparison.Ordinal);
        Assert.Empty(await app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => a.Code.StartsWith("98")).ToListAsync()));
        await (await client.GetAsync("/api/v1/areas/980000000000")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_upload_without_all_four_files_is_refused_naming_the_missing_field()
    {
        using var client = await app.CreateClientAsync("admin");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("code,name\n96,\"测试省\"\n"u8.ToArray()), "provinces", "provinces.csv");
        form.Add(new ByteArrayContent("code,name\n"u8.ToArray()), "cities", "cities.txt");
        var problem = await (await client.PostAsync("/api/v1/areas/import", form)).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("cities", out _));
        Assert.True(errors.TryGetProperty("areas", out _));
        Assert.True(errors.TryGetProperty("streets", out _));
        Assert.False(errors.TryGetProperty("provinces", out _));
    }

    [Fact]
    public async Task Only_the_platform_admin_may_import()
    {
        using var client = await app.CreateClientAsync("huaibei");
        using var form = DivisionFiles.County("95").Form();
        await (await client.PostAsync("/api/v1/areas/import", form)).Expect(HttpStatusCode.Forbidden);
        Assert.Empty(await app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => a.Code.StartsWith("95")).ToListAsync()));
    }

    [Fact]
    public async Task An_unknown_import_job_is_not_found()
    {
        using var client = await app.CreateClientAsync("admin");
        await (await client.GetAsync($"/api/v1/areas/import/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
    }
}
