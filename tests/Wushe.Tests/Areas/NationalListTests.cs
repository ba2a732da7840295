using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wushe.Features.Stations;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Demo;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using static Wushe.Tests.Areas.ImportApi;

namespace Wushe.Tests.Areas;

/// <summary>
/// An app of its own for the cases that need the whole national list (44,699 places): the demo,
/// then the whole list imported once through the API. Tests import modified copies of the whole
/// list where its size matters, and of one province otherwise (an import retires only within the
/// provinces its list covers); a test that needs its province as shipped resets that province first.
/// Lock waits are short here (1 s), so the busy test does not wait long.
/// </summary>
public sealed class DivisionsApp : TestApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Wushe", Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(Database.ConnectionString) { DefaultTimeout = 1 }.ToString()
            : new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Options = "-c lock_timeout=1000" }.ToString());
    }

    /// <summary>The status of the first import of the whole list, over the demo's places.</summary>
    public JsonElement FirstImport { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        using var client = await CreateClientAsync("admin");
        FirstImport = await Import(client, RealList.Whole().Form());
    }

    /// <summary>Imports a list as the system would (confirmed, no HTTP): sets the stage for a test.</summary>
    public async Task<DivisionImport.Summary> ImportDirectAsync(RealList list, string? mapping = null)
    {
        await using var scope = Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DivisionImport>()
            .RunAsync(list.Streams(), mapping is null ? null : Encoding.UTF8.GetBytes(mapping), DivisionImport.ConfirmAnything);
        Assert.True(outcome.Summary is not null, string.Join("; ", outcome.Errors));
        return outcome.Summary;
    }

    /// <summary>Back to the list as shipped: the whole country, or the provinces given.</summary>
    public Task ResetAsync(params string[] provinces) => ImportDirectAsync(provinces.Length == 0 ? RealList.Whole() : RealList.Provinces(provinces));
}

public sealed class NationalListTests(DivisionsApp app) : IClassFixture<DivisionsApp>
{
    static readonly int ListRows = NationalDivisions.Parse().Rows.Count;

    Task<int> CurrentTownships(string prefix = "") => app.Query(db => db.Areas.IgnoreQueryFilters()
        .CountAsync(a => a.Level == AreaLevel.Township && a.ValidTo == null && a.Code.StartsWith(prefix)));

    Task<Area> AreaAt(string code12) => app.Query(db => db.Areas.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Code == code12));

    static void Report(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);

    [Fact]
    public async Task The_whole_list_imports_over_the_demo_and_a_repeat_changes_nothing_in_a_short_write()
    {
        var first = app.FirstImport;
        Assert.Equal("Succeeded", first.State());
        Assert.Equal(ListRows, first.Count("summary", "rows"));
        Assert.Equal(ListRows, first.Count("summary", "added") + first.Count("summary", "unchanged"));
        Assert.True(first.Count("summary", "added") > 44_000);
        Assert.Equal(0, first.Count("summary", "renamed") + first.Count("summary", "retired"));
        Report($"First import: {first.GetProperty("summary").GetProperty("writeSeconds").GetDouble():0.000} s in its write transaction ({app.Provider}).");

        await app.ResetAsync();
        using var client = await app.CreateClientAsync("admin");
        var watch = Stopwatch.StartNew();
        var again = await Import(client, RealList.Whole().Form());
        Assert.Equal("Succeeded", again.State());
        Assert.Equal(ListRows, again.Count("summary", "unchanged"));
        Assert.Equal(0, again.Count("summary", "added") + again.Count("summary", "renamed") + again.Count("summary", "restored") + again.Count("summary", "retired"));
        var write = again.GetProperty("summary").GetProperty("writeSeconds").GetDouble();
        Report($"No-change re-import: {watch.Elapsed.TotalSeconds:0.00} s in all, {write:0.000} s in its write transaction ({app.Provider}).");
        Assert.True(write < 1, $"A re-import that changes nothing held the write transaction for {write} s.");

        // The demo's places and stations are untouched: Bijie keeps its 279 of 279.
        using var bijie = await app.CreateClientAsync("bijie");
        var coverage = await (await bijie.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        var township = coverage.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "TownshipStation");
        Assert.Equal((279, 279), (township.GetProperty("areas").GetInt32(), township.GetProperty("covered").GetInt32()));
    }

    [Fact]
    public async Task Renames_far_past_the_2000th_row_are_kept()
    {
        using var client = await app.CreateClientAsync("admin");
        // 文汇街道 is row 17,965 of streets.csv; 一六五团 its last.
        var status = await Import(client, RealList.Whole().Rename("370502001", "文汇新街道").Rename("659012505", "一六五团新区").Form());
        Assert.Equal("Succeeded", status.State());
        Assert.InRange(status.Count("summary", "renamed"), 2, 5); // other tests may have left a name of their own
        Assert.Equal("文汇新街道", (await AreaAt("370502001000")).Name);
        Assert.Equal("一六五团新区", (await AreaAt("659012505000")).Name);
        var wenhui = await (await client.GetAsync("/api/v1/areas/370502001")).Expect(HttpStatusCode.OK);
        Assert.Equal("文汇新街道", wenhui.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_whole_list_less_one_township_retires_that_one()
    {
        var before = await CurrentTownships();
        using var client = await app.CreateClientAsync("admin");
        var status = await Import(client, RealList.Whole().Remove("659012504").Form());
        Assert.Equal("Succeeded", status.State());
        Assert.Equal(1, status.Count("summary", "retired"));
        Assert.NotNull((await AreaAt("659012504000")).ValidTo);
        Assert.Null((await AreaAt("659012505000")).ValidTo);
        Assert.Equal(before - 1, await CurrentTownships());
    }

    [Fact]
    public async Task A_list_saved_by_Chinese_Excel_in_GB18030_keeps_every_name()
    {
        await app.ResetAsync("37", "52");
        using var client = await app.CreateClientAsync("admin");
        var list = RealList.Provinces("37", "52");
        var status = await Import(client, list.Form(RealList.Gb18030));
        Assert.Equal("Succeeded", status.State());
        Assert.Equal(0, status.Count("summary", "renamed"));
        Assert.Equal(list.Lines("provinces.csv").Count + list.Lines("cities.csv").Count + list.Lines("areas.csv").Count + list.Lines("streets.csv").Count - 4,
            status.Count("summary", "unchanged"));
        Assert.Contains("streets.csv 不是 UTF-8 编码，已按 GB18030（GBK）编码读取", status.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("文汇街道", (await AreaAt("370502001000")).Name);
        Assert.Equal("威宁彝族回族苗族自治县", (await AreaAt("520526000000")).Name);
    }

    [Fact]
    public async Task A_truncated_streets_file_stops_before_writing_and_shows_what_would_change()
    {
        var before = await CurrentTownships();
        using var client = await app.CreateClientAsync("admin");
        var status = await Import(client, RealList.Whole().Truncate("streets.csv", 1000).Form());
        Assert.Equal("NeedsConfirmation", status.State());
        var plan = status.GetProperty("plan");
        // 41,352 rows less the 1,000 kept and 金门县's alias row (not a township); less one if another test retired one.
        Assert.InRange(plan.GetProperty("retired").GetInt32(), 41_352 - 1001 - 1, 41_352 - 1001);
        Assert.Equal(200, plan.GetProperty("threshold").GetInt32());
        Assert.Contains("文件不完整", plan.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        // The demo's stations sit on townships that would vanish (Bijie's 279 among them): listed too, the first 50 in code order.
        Assert.True(plan.GetProperty("hangingAreas").GetInt32() > 279);
        Assert.Equal(50, plan.GetProperty("hanging").GetArrayLength());
        var first = plan.GetProperty("hanging")[0];
        Assert.Equal(("150207001000", "沙河街道"), (first.GetProperty("code").GetString(), first.GetProperty("name").GetString()));
        Assert.Contains(first.GetProperty("records").EnumerateArray(), r => r.GetProperty("kind").GetString() == "Station" && r.GetProperty("count").GetInt32() == 1);
        Assert.Equal(before, await CurrentTownships());
        Assert.Null((await AreaAt("370502001000")).ValidTo);

        var (html, _) = await Page(client, status.Id());
        Assert.Contains("导入前请确认", html, StringComparison.Ordinal);
        Assert.Contains($"撤销 {plan.GetProperty("retired").GetInt32()} 个区划", html, StringComparison.Ordinal);
        Assert.Contains("确认导入", html, StringComparison.Ordinal);
        Assert.Contains("沙河街道", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_real_list_over_generated_places_retires_them_and_keeps_no_generated_name()
    {
        await app.ResetAsync("54");
        // A database made by the old fallback demo: generated townships (two on real codes), with generated villages.
        await app.Query(async db =>
        {
            await db.Areas.IgnoreQueryFilters().Where(a => a.Code == "540423100000").ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "墨脱县第1镇（生成）").SetProperty(a => a.IsGenerated, true));
            await db.Areas.IgnoreQueryFilters().Where(a => a.Code == "540423200000").ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "墨脱县第1乡（生成）").SetProperty(a => a.IsGenerated, true));
            for (var i = 101; i <= 104; i++)
                db.Areas.Add(new Area($"540423{i}000", $"墨脱县第{i - 99}镇（生成）", AreaKind.Town, isGenerated: true, new DateOnly(2022, 10, 31)));
            foreach (var township in new[] { "540423100", "540423101" })
                for (var v = 1; v <= 3; v++)
                    db.Areas.Add(new Area($"{township}{v:000}", $"墨脱县第{v}社区", AreaKind.Community, isGenerated: true, new DateOnly(2022, 10, 31)));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(8 + 4, await CurrentTownships("540423"));

        using var client = await app.CreateClientAsync("admin");
        var status = await Import(client, RealList.Provinces("54").Form());
        Assert.Equal("Succeeded", status.State());
        Assert.Equal(4, status.Count("summary", "retired"));
        Assert.Equal(3, status.Count("summary", "villagesRetired"));

        var left = await app.Query(db => db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Code.StartsWith("54") && a.Level != AreaLevel.Village && a.ValidTo == null && (a.IsGenerated || a.Name.Contains("（生成）")))
            .Select(a => a.Code).ToListAsync());
        Assert.Empty(left);
        Assert.Equal(8, await CurrentTownships("540423"));
        var renamed = await AreaAt("540423100000");
        Assert.Equal(("墨脱镇", false), (renamed.Name, renamed.IsGenerated));
        Assert.NotNull((await AreaAt("540423101000")).ValidTo);
        Assert.NotNull((await AreaAt("540423101001")).ValidTo);
        // Villages stay generated and marked, under the real township.
        var village = await AreaAt("540423100001");
        Assert.True(village.IsGenerated);
        Assert.Null(village.ValidTo);
    }

    [Fact]
    public async Task A_recoded_county_shows_what_hangs_on_its_old_codes_and_a_mapping_moves_stations_roles_and_users()
    {
        await app.ResetAsync("52");
        var (stations, records) = await app.Query(async db => (
            await db.Stations.IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520526")),
            await db.Set<Features.Stations.StandardCheck>().IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520526"))));
        Assert.Equal(42, stations); // 41 townships and the county station
        var oldToken = await app.TokenAsync("weining", DemoData.Password);
        using var admin = await app.CreateClientAsync("admin");

        // 威宁彝族回族苗族自治县 520526 becomes 威宁市 520582 with its 41 townships: without a mapping, the import asks.
        var list = RealList.Provinces("52").Recode("520526", "520582", "威宁市");
        var waiting = await Import(admin, list.Form());
        Assert.Equal("NeedsConfirmation", waiting.State());
        var hanging = Assert.Single(waiting.GetProperty("plan").GetProperty("hanging").EnumerateArray());
        Assert.Equal("520526000000", hanging.GetProperty("code").GetString());
        Assert.Equal("威宁彝族回族苗族自治县", hanging.GetProperty("name").GetString());
        var counts = hanging.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(42, counts["Station"]);
        Assert.Equal(records, counts["StandardCheck"]);
        Assert.True(counts["RoleAssignment"] >= 1 && counts["User"] >= 1);
        Assert.Equal(JsonValueKind.Null, hanging.GetProperty("movesTo").ValueKind);
        Assert.Contains(waiting.GetProperty("plan").GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("对照表", StringComparison.Ordinal));
        Assert.Equal(42, await app.Query(db => db.Stations.IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520526"))));

        // The page lists them and takes the mapping (上传对照表并重新检查); the new plan moves everything, and asks
        // only because 42 of Guizhou's 1,608 areas vanish (more than 2%); confirmed, it is written.
        var (html, token) = await Page(admin, waiting.Id());
        Assert.Contains("社工站 42", html, StringComparison.Ordinal);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("old,new\n520526,520582\n")), "mapping", "mapping.csv" },
        };
        using var posted = await admin.PostAsync($"/Areas/Import?handler=Mapping&job={waiting.Id()}", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var job = Guid.Parse(posted.Headers.Location!.ToString().Split("job=")[1]);
        var mapped = await Wait(admin, job);
        Assert.Equal("NeedsConfirmation", mapped.State());
        var moves = Assert.Single(mapped.GetProperty("plan").GetProperty("hanging").EnumerateArray());
        Assert.Equal(("520582000000", "威宁市", 0), (moves.GetProperty("movesTo").GetString(), moves.GetProperty("movesToName").GetString(), moves.GetProperty("stays").GetInt32()));
        Assert.Equal(1, mapped.GetProperty("plan").GetProperty("reasons").GetArrayLength());
        var done = await Confirm(admin, job);
        Assert.Equal("Succeeded", done.State());
        Assert.True(done.Count("summary", "moved") >= 42 + records + 2);

        Assert.Equal(0, await app.Query(db => db.Stations.IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520526"))));
        Assert.Equal(42, await app.Query(db => db.Stations.IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520582"))));
        Assert.Equal(0, await app.Query(db => db.Set<Features.Stations.StandardCheck>().IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520526"))));

        // Coverage stays whole; the county bureau's role and home area moved; its old session ended.
        using var bijie = await app.CreateClientAsync("bijie");
        var coverage = await (await bijie.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        var township = coverage.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "TownshipStation");
        Assert.Equal((279, 279), (township.GetProperty("areas").GetInt32(), township.GetProperty("covered").GetInt32()));
        Assert.Contains(coverage.GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == "520582000000" && c.GetProperty("name").GetString() == "威宁市" && c.GetProperty("covered").GetInt32() == 41);

        using var stale = app.Anonymous();
        stale.DefaultRequestHeaders.Authorization = new("Bearer", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync("/api/v1/me")).StatusCode);
        using var weining = app.Anonymous();
        weining.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("weining", DemoData.Password));
        var me = await (await weining.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(("520582000000", "威宁市"), (me.GetProperty("roles")[0].GetProperty("areaCode").GetString(), me.GetProperty("roles")[0].GetProperty("areaName").GetString()));
        var own = await (await weining.GetAsync("/api/v1/stations?size=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(42, own.GetProperty("total").GetInt32());
        Assert.Equal("520582000000", await app.Query(db => db.Users.Where(u => u.UserName == "weining").Select(u => u.HomeAreaCode).SingleAsync()));

        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(r => r.UserName == "admin" && (r.Entity == "Station" || r.Entity == "RoleAssignment" || r.Entity == "User")).ToListAsync());
        Assert.Contains(audit, r => r.Entity == "Station" && r.EntityKey == "520526→520582" && r.Fields == "AreaCode");
        Assert.Contains(audit, r => r.Entity == nameof(RoleAssignment) && r.Action == AuditAction.Create);
        var home = Assert.Single(audit, r => r.Entity == "User" && r.Action == AuditAction.Update && r.Fields!.Split(',').Contains("HomeAreaCode"));
        Assert.Contains(AuditChange.Parse(home.Changes), c => c.Field == "HomeAreaCode" && c.Old == "520526000000" && c.New == "520582000000");

        // And back, as the next year's list might do (the old codes are restored, their villages revived).
        await app.ImportDirectAsync(RealList.Provinces("52"), "520582,520526");
        Assert.Equal(42, await app.Query(db => db.Stations.IgnoreQueryFilters().CountAsync(s => s.AreaCode.StartsWith("520526"))));
        Assert.Equal("520526000000", await app.Query(db => db.Users.Where(u => u.UserName == "weining").Select(u => u.HomeAreaCode).SingleAsync()));
    }

    [Fact]
    public async Task A_lock_timeout_is_reported_as_busy_with_Retry_After_never_as_a_duplicate()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await using var holder = db.Database.IsSqlite()
            ? (DbConnection)new SqliteConnection(app.Database.ConnectionString)
            : new NpgsqlConnection(app.Database.ConnectionString);
        await holder.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await using (var cmd = holder.CreateCommand())
        {
            cmd.Transaction = tx;
            // SQLite: a write takes the database's one write lock; PostgreSQL: the audit table, which a sign-in writes.
            cmd.CommandText = db.Database.IsSqlite()
                ? "UPDATE \"Areas\" SET \"Name\" = \"Name\" WHERE \"Code\" = '520000000000'"
                : "LOCK TABLE \"AuditRecords\" IN EXCLUSIVE MODE";
            await cmd.ExecuteNonQueryAsync();
        }

        using var client = app.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { login = "jiuyuan", password = DemoData.Password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "A busy answer says when to retry.");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("urn:wushe:problem:busy", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("系统繁忙，请稍后重试", problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("冲突", body, StringComparison.Ordinal);

        await tx.RollbackAsync();
        Assert.False(string.IsNullOrEmpty(await app.TokenAsync("jiuyuan", DemoData.Password)));
    }
}
