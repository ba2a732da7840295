using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Tests.Areas;
using static Wushe.Tests.Areas.ImportApi;

namespace Wushe.Tests.Areas;

/// <summary>
/// The import through the API and the page, on small lists. Each test imports a province of its own
/// (codes 9x, unused by the demo), so they do not meet; the whole national list is imported by
/// <see cref="NationalListTests"/> in an app of its own.
/// </summary>
public sealed class DivisionImportTests(TestApp app)
{
    [Fact]
    public async Task An_uploaded_list_is_imported_and_a_newer_list_renames_and_retires()
    {
        using var client = await app.CreateClientAsync("admin");
        var first = await Import(client, DivisionFiles.County("99")
            .Township("990101001", "甲街道").Township("990101002", "乙街道").Township("990101100", "丙镇").Form());
        Assert.Equal("Succeeded", first.State());
        Assert.Equal(100, first.GetProperty("percent").GetInt32());
        Assert.Equal(6, first.Count("summary", "rows"));
        Assert.Equal(6, first.Count("summary", "added"));

        var town = await (await client.GetAsync("/api/v1/areas/990101100")).Expect(HttpStatusCode.OK);
        Assert.Equal("丙镇", town.GetProperty("name").GetString());
        Assert.Equal("Town", town.GetProperty("kind").GetString());
        Assert.Equal(["990000000000", "990100000000", "990101000000"], town.GetProperty("path").EnumerateArray().Select(n => n.GetProperty("code").GetString()));

        var second = await Import(client, DivisionFiles.County("99")
            .Township("990101001", "甲新街道").Township("990101100", "丙镇").Form());
        Assert.Equal("Succeeded", second.State());
        Assert.Equal(5, second.Count("summary", "rows"));
        Assert.Equal(0, second.Count("summary", "added"));
        Assert.Equal(1, second.Count("summary", "renamed"));
        Assert.Equal(1, second.Count("summary", "retired"));
        Assert.Equal(4, second.Count("summary", "unchanged"));

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

        // A code that comes back is restored, not added again.
        var third = await Import(client, DivisionFiles.County("99")
            .Township("990101001", "甲新街道").Township("990101002", "乙街道").Township("990101100", "丙镇").Form());
        Assert.Equal(1, third.Count("summary", "restored"));
        Assert.Equal(0, third.Count("summary", "added"));
        Assert.Null((await app.Query(db => db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Code == "990101002000"))).ValidTo);

        var audited = await app.Query(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(r => r.Action == AuditAction.Import && r.UserName == "admin").Select(r => r.Fields).ToListAsync());
        Assert.Contains(audited, f => f!.StartsWith("rows=5,added=0,renamed=1,retired=1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_with_a_broken_row_reports_the_row_and_saves_nothing()
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync("admin");
        var status = await Import(client, DivisionFiles.County("98")
            .Township("980101001", "甲街道")
            .Line("streets.csv", "98010100A,\"坏街道\",980101,98,9801")
            .Township("980101100", "丙镇").Form());
        Assert.Equal("Failed", status.State());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("summary").ValueKind);
        var error = Assert.Single(status.Errors());
        Assert.StartsWith("streets.csv 第 3 行", error, StringComparison.Ordinal);
        Assert.Equal(1, status.GetProperty("badRows").GetInt32());
        Assert.Empty(await app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => a.Code.StartsWith("98")).ToListAsync()));
        await (await client.GetAsync("/api/v1/areas/980000000000")).Expect(HttpStatusCode.NotFound);
    }

    /// <summary>A list of province 97 whose streets.csv has a header of its own making.</summary>
    static MultipartFormDataContent WithBadStreetsHeader()
    {
        var form = new MultipartFormDataContent();
        foreach (var part in DivisionFiles.County("97").Township("970101001", "甲街道").Form().Where(c => c.Headers.ContentDisposition?.Name?.Trim('"') != "streets"))
            form.Add(part);
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("code,name,county\n970101001,甲街道,970101\n970101002,乙街道,970101\n")), "streets", "streets.csv");
        return form;
    }

    [Fact]
    public async Task A_wrong_header_is_reported_as_the_header_the_file_must_have_on_the_API_and_the_page()
    {
        using var client = await app.CreateClientAsync("admin");
        var status = await Import(client, WithBadStreetsHeader());
        Assert.Equal("Failed", status.State());
        Assert.Equal(["streets.csv 的表头应为 code,name,areaCode,provinceCode,cityCode"], status.Errors());
        Assert.Equal(0, status.GetProperty("badRows").GetInt32());

        var (html, _) = await Page(client, status.Id());
        Assert.Contains("导入失败！错误如下：", html, StringComparison.Ordinal);
        Assert.Contains("streets.csv 的表头应为 code,name,areaCode,provinceCode,cityCode", html, StringComparison.Ordinal);
        Assert.DoesNotContain("条数据不正确", html, StringComparison.Ordinal);

        // An English upload is answered in English.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/areas/import") { Content = WithBadStreetsHeader() };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await client.SendAsync(request);
        var english = await Wait(client, (await response.Expect(HttpStatusCode.Accepted)).GetProperty("id").GetGuid());
        Assert.Equal(["The header of streets.csv must be code,name,areaCode,provinceCode,cityCode"], english.Errors());
    }

    [Fact]
    public async Task An_import_that_would_retire_many_areas_waits_for_confirmation_and_the_page_confirms_it()
    {
        using var client = await app.CreateClientAsync("admin");
        var full = DivisionFiles.County("94");
        for (var i = 1; i <= 30; i++) full.Township($"940101{i:000}", $"第{i}街道");
        Assert.Equal("Succeeded", (await Import(client, full.Form())).State());

        // The same list cut after its fifth township: 25 of 33 areas would vanish.
        var cut = DivisionFiles.County("94");
        for (var i = 1; i <= 5; i++) cut.Township($"940101{i:000}", $"第{i}街道");
        var waiting = await Import(client, cut.Form());
        Assert.Equal("NeedsConfirmation", waiting.State());
        Assert.Equal(25, waiting.Count("plan", "retired"));
        Assert.Equal(10, waiting.Count("plan", "threshold"));
        Assert.Equal("940101006000", waiting.GetProperty("plan").GetProperty("retiredSample")[0].GetProperty("code").GetString());
        Assert.Contains("撤销 25 个", waiting.GetProperty("plan").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(30, await app.Query(db => db.Areas.IgnoreQueryFilters().CountAsync(a => a.Code.StartsWith("940101") && a.Level == Wushe.Platform.Areas.AreaLevel.Township && a.ValidTo == null)));

        // The page shows what would change and the 确认导入 button; confirming there writes it.
        var (html, token) = await Page(client, waiting.Id());
        Assert.Contains("导入前请确认", html, StringComparison.Ordinal);
        Assert.Contains("将新增 0 个、更名 0 个、恢复 0 个、撤销 25 个区划", html, StringComparison.Ordinal);
        Assert.Contains("确认导入", html, StringComparison.Ordinal);
        Assert.Contains("940101006", html, StringComparison.Ordinal);
        using var confirm = await client.PostAsync($"/Areas/Import?handler=Confirm&job={waiting.Id()}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var done = await Wait(client, waiting.Id());
        Assert.Equal("Succeeded", done.State());
        Assert.Equal(25, done.Count("summary", "retired"));
        Assert.Equal(5, await app.Query(db => db.Areas.IgnoreQueryFilters().CountAsync(a => a.Code.StartsWith("940101") && a.Level == Wushe.Platform.Areas.AreaLevel.Township && a.ValidTo == null)));

        // Nothing is left to confirm.
        await (await client.PostAsync($"/api/v1/areas/import/{waiting.Id()}/confirm", null)).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_confirmation_holds_for_the_plan_shown_only()
    {
        using var client = await app.CreateClientAsync("admin");
        var full = DivisionFiles.County("93");
        for (var i = 1; i <= 30; i++) full.Township($"930101{i:000}", $"第{i}街道");
        Assert.Equal("Succeeded", (await Import(client, full.Form())).State());
        var cut = DivisionFiles.County("93");
        for (var i = 1; i <= 5; i++) cut.Township($"930101{i:000}", $"第{i}街道");
        var waiting = await Import(client, cut.Form());
        Assert.Equal("NeedsConfirmation", waiting.State());

        // Meanwhile another township is added: the plan changes, so the confirmation asks again.
        await app.Query(async db =>
        {
            db.Areas.Add(new Features.Areas.Area("930101099000", "新设街道", Wushe.Platform.Areas.AreaKind.Street, false, new DateOnly(2026, 1, 1)));
            return await db.SaveChangesAsync();
        });
        var again = await Confirm(client, waiting.Id());
        Assert.Equal("NeedsConfirmation", again.State());
        Assert.Equal(26, again.Count("plan", "retired"));
        Assert.NotEqual(waiting.GetProperty("plan").GetProperty("fingerprint").GetString(), again.GetProperty("plan").GetProperty("fingerprint").GetString());
        Assert.Equal(31, await app.Query(db => db.Areas.IgnoreQueryFilters().CountAsync(a => a.Code.StartsWith("930101") && a.Level == Wushe.Platform.Areas.AreaLevel.Township && a.ValidTo == null)));
        Assert.Equal("Succeeded", (await Confirm(client, waiting.Id())).State());
    }

    [Fact]
    public async Task A_mapping_whose_old_code_stays_in_the_list_is_refused_naming_its_line()
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync("admin");
        var list = DivisionFiles.County("92").Township("920101001", "甲街道").Township("920101002", "乙街道");
        Assert.Equal("Succeeded", (await Import(client, list.Form())).State());
        using var form = DivisionFiles.County("92").Township("920101001", "甲街道").Township("920101003", "丙街道").Form();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("old,new\n920101002,920101003\n920101001,920101003\n920101003,920101009\n")), "mapping", "mapping.csv");
        var status = await Import(client, form);
        Assert.Equal("Failed", status.State());
        Assert.Equal([
            "mapping.csv 第 3 行：旧代码 920101001（甲街道）在导入的区划中仍然存在，不会被撤销，不能对照到新代码",
            "mapping.csv 第 4 行：旧代码 920101003 不是现有的区划",
            "mapping.csv 第 4 行：新代码 920101009 不在导入的区划中",
        ], status.Errors());
        Assert.Null((await app.Query(db => db.Areas.IgnoreQueryFilters().SingleAsync(a => a.Code == "920101002000"))).ValidTo);
    }

    [Fact]
    public async Task An_upload_without_all_four_files_is_refused_naming_the_missing_field()
    {
        using var client = await app.CreateClientAsync("admin");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("code,name\n96,\"测试省\"\n"u8.ToArray()), "provinces", "provinces.csv");
        form.Add(new ByteArrayContent("code,name\n"u8.ToArray()), "cities", "cities.txt");
        form.Add(new ByteArrayContent("a,b\n"u8.ToArray()), "mapping", "mapping.xlsx");
        var problem = await (await client.PostAsync("/api/v1/areas/import", form)).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("cities", out _));
        Assert.True(errors.TryGetProperty("areas", out _));
        Assert.True(errors.TryGetProperty("streets", out _));
        Assert.True(errors.TryGetProperty("mapping", out _));
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
        await (await client.PostAsync($"/api/v1/areas/import/{Guid.NewGuid()}/confirm", null)).Expect(HttpStatusCode.NotFound);
    }
}
