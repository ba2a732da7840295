using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Hours;
using Wushe.Features.Volunteers.Points;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Volunteers;

/// <summary>
/// 全国系统对接: our documented layout (docs/national-exchange.md) — exports of volunteers and final hours, imports of both, all or nothing
/// with errors by row and column, duplicates, UTF-8 CSV with BOM, scope — through the real app, on SQLite and PostgreSQL.
/// </summary>
public sealed class NationalExchangeTests(TestApp app)
{
    static readonly string[] VolunteerHeaders = ["证件类型", "证件号码", "姓名", "性别", "出生日期", "手机号码", "所在区划代码", "志愿者编号", "技能特长", "特长说明",
        "监护人姓名", "监护人关系", "监护人电话", "监护人同意日期", "以自己劳动收入为主要生活来源"];

    static Dictionary<string, object> Volunteer(string area, string name, string? id = null, string? phone = null, string skills = "")
    {
        id ??= Numbers.ResidentIdNumber();
        var row = VolunteerHeaders.ToDictionary(h => h, _ => (object)"");
        row["证件类型"] = "居民身份证";
        row["证件号码"] = id;
        row["姓名"] = name;
        row["手机号码"] = phone ?? Numbers.Mobile();
        row["所在区划代码"] = area;
        row["技能特长"] = skills;
        return row;
    }

    static Dictionary<string, object> Hours(string id, string name, string start, string end, string hours, string title = "重阳节敬老服务") => new()
    {
        ["志愿者编号"] = "", ["证件类型"] = "居民身份证", ["证件号码"] = id, ["姓名"] = name, ["活动名称"] = title, ["组织单位"] = "测试社区居委会",
        ["服务内容"] = "为高龄老人理发", ["开始时间"] = start, ["结束时间"] = end, ["服务时长（小时）"] = hours, ["记录人"] = "王红",
    };

    static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    static async Task<HttpResponseMessage> Upload(HttpClient client, string sheet, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : Spreadsheet.XlsxContentType);
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/volunteers/national/{sheet}/import", form);
    }

    static List<IDictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>08:00 China time <paramref name="days"/> days from today: a morning well inside one China day.</summary>
    static DateTimeOffset Morning(int days) => new(ChinaTime.Today(TimeProvider.System).AddDays(days).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));

    static string China(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");

    Task<int> VolunteersIn(string area) => app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().CountAsync(v => v.AreaCode == area));

    async Task<(HttpClient Client, string Community, string Township)> WorkerAsync(Role role = Role.StationWorker)
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var user = await TestUsers.CreateAsync(app, role, township, homeAreaCode: township);
        return (await app.CreateClientAsync(user.UserName), community, township);
    }

    async Task FinalizeAllAsync()
    {
        await using var scope = app.Scope(CurrentUser.System);
        await FinalizeHours.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(20)));
    }

    [Fact]
    public async Task Volunteers_and_final_hours_exported_in_full_come_back_the_same_when_imported_into_another_area()
    {
        var (a, communityA, _) = await WorkerAsync();
        var (b, communityB, _) = await WorkerAsync();
        var ids = new[] { Numbers.ResidentIdNumber(), Numbers.ResidentIdNumber() };
        var names = new[] { "对接甲", "对接乙" };
        var made = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var registered = await (await a.PostAsJsonAsync("/api/v1/volunteers", new
            {
                name = names[i], idNumber = ids[i], phone = Numbers.Mobile(), areaCode = communityA, skills = i == 0 ? new[] { "Companionship", "Driving" } : new[] { "Medical" },
                skillNotes = "持有驾照",
            })).Expect(HttpStatusCode.Created);
            made.Add(registered.GetProperty("volunteerNo").GetString()!);
        }
        var yesterday = ChinaTime.Today(TimeProvider.System).AddDays(-1);
        foreach (var (no, hours) in made.Zip(new[] { 2.5m, 3m }))
            await (await a.PostAsJsonAsync("/api/v1/volunteer-hours/honour", new
            {
                volunteerNo = no, areaCode = communityA, serviceDate = yesterday, startTime = "09:00", hours, content = "社区助老服务", organizerName = "社区居委会",
                reason = "线下服务补录", evidence = "签到表",
            })).Expect(HttpStatusCode.Created);
        await FinalizeAllAsync();

        // Full export without a reason is refused; with one it is a reveal in the audit log, one row an export.
        using (var noReason = await a.GetAsync($"/api/v1/volunteers/national/volunteers/export?area={communityA}&format=csv&full=true"))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var volunteersCsv = await a.GetAsync($"/api/v1/volunteers/national/volunteers/export?area={communityA}&format=csv&full=true&reason={Uri.EscapeDataString("录入全国志愿服务信息系统")}");
        Assert.Equal(HttpStatusCode.OK, volunteersCsv.StatusCode);
        Assert.Equal("text/csv", volunteersCsv.Content.Headers.ContentType?.MediaType);
        var csv = await volunteersCsv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains(ids[0], text, StringComparison.Ordinal);
        Assert.Contains("陪伴关怀、驾驶", text, StringComparison.Ordinal);
        using var hoursXlsx = await a.GetAsync($"/api/v1/volunteers/national/hours/export?area={communityA}&from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}&full=true&reason={Uri.EscapeDataString("录入全国系统")}");
        Assert.Equal(HttpStatusCode.OK, hoursXlsx.StatusCode);
        var hoursFile = await hoursXlsx.Content.ReadAsByteArrayAsync();
        var exportedHours = Rows(hoursFile);
        Assert.Equal(2, exportedHours.Count);
        var audits = await app.Query(db => db.AuditRecords.AsNoTracking().Where(x => x.EntityKey == "national-export" && x.AreaCode == communityA).ToListAsync());
        Assert.Equal(2, audits.Count(x => x.Action == AuditAction.Reveal && x.Outcome == AuditOutcome.Success));
        Assert.Contains(audits, x => x.Reason == "录入全国志愿服务信息系统" && x.Fields!.Contains("rows=2", StringComparison.Ordinal));

        // A masked export keeps the ID numbers masked and is an export in the log.
        var masked = await a.GetByteArrayAsync($"/api/v1/volunteers/national/volunteers/export?area={communityA}");
        Assert.All(Rows(masked), r => Assert.Contains("*", (string)r["证件号码"]!, StringComparison.Ordinal));

        // "Another database": the volunteers and their records leave this one, then come back through B's import in B's community.
        var original = await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().AsNoTracking().Where(v => v.AreaCode == communityA).OrderBy(v => v.Name).ToListAsync());
        var originalIds = original.Select(v => v.Id).ToList();
        await app.Query(async db =>
        {
            var accounts = db.Set<PointsAccount>().IgnoreQueryFilters().Where(x => originalIds.Contains(x.VolunteerId)).Select(x => x.Id);
            await db.Set<PointsEntry>().IgnoreQueryFilters().Where(e => accounts.Contains(e.AccountId)).ExecuteDeleteAsync();
            await db.Set<PointsAccount>().IgnoreQueryFilters().Where(x => originalIds.Contains(x.VolunteerId)).ExecuteDeleteAsync();
            await db.Set<HourRecord>().IgnoreQueryFilters().Where(r => originalIds.Contains(r.VolunteerId)).ExecuteDeleteAsync();
            return await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => originalIds.Contains(v.Id)).ExecuteDeleteAsync();
        });
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var areaColumn = Array.IndexOf(lines[0].Split(','), "所在区划代码");
        var moved = string.Join("\r\n", lines.Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',').Select((f, c) => c == areaColumn ? communityB : f)))) + "\r\n";
        var imported = await (await Upload(b, "volunteers", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(moved)], "全国系统志愿者.csv")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, imported.GetProperty("added").GetInt32());
        var back = await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().AsNoTracking().Where(v => v.AreaCode == communityB).OrderBy(v => v.Name).ToListAsync());
        Assert.Equal(original.Select(v => (v.Name, v.IdNumber.Hash, v.Phone.Hash, v.Sex, v.BirthDate, v.Skills, v.SkillNotes)),
            back.Select(v => (v.Name, v.IdNumber.Hash, v.Phone.Hash, v.Sex, v.BirthDate, v.Skills, v.SkillNotes)));
        Assert.All(back, v => Assert.Equal(VolunteerSource.Import, v.Source));
        Assert.Equal(2, back.Select(v => v.VolunteerNo).Distinct().Count());

        // The hours file as exported (xlsx, full IDs): matched by ID, posted as imported records, final after the posting period.
        var hoursBack = await (await Upload(b, "hours", hoursFile, "全国系统服务记录.xlsx")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, hoursBack.GetProperty("added").GetInt32());
        Assert.Equal(330, hoursBack.GetProperty("minutes").GetInt32());
        var records = await app.Query(db => db.Set<HourRecord>().IgnoreQueryFilters().AsNoTracking().Where(r => r.AreaCode == communityB).ToListAsync());
        Assert.All(records, r => Assert.Equal((HourRecordKind.Imported, HourRecordStatus.Pending), (r.Kind, r.Status)));
        Assert.All(records, r => Assert.Contains("全国系统服务记录.xlsx", r.Evidence, StringComparison.Ordinal));
        await FinalizeAllAsync();
        Assert.Equal(original.Select(v => v.FinalMinutes), await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.AreaCode == communityB).OrderBy(v => v.Name).Select(v => v.FinalMinutes).ToListAsync()));
        Assert.Equal(330, await app.Query(db => db.Set<HourTotal>().IgnoreQueryFilters().Where(t => t.AreaCode == communityB).SumAsync(t => t.Minutes)));
        var again = Rows(await b.GetByteArrayAsync($"/api/v1/volunteers/national/hours/export?area={communityB}&from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}&full=true&reason={Uri.EscapeDataString("核对")}"));
        static string Key(IDictionary<string, object?> r) => string.Join("|", r.Where(kv => kv.Key != "志愿者编号").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value}"));
        Assert.Equal(exportedHours.Select(Key).Order(StringComparer.Ordinal), again.Select(Key).Order(StringComparer.Ordinal));

        // The same files again: everything is there already — skipped, nothing added.
        var twice = await (await Upload(b, "hours", hoursFile, "全国系统服务记录.xlsx")).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 2), (twice.GetProperty("added").GetInt32(), twice.GetProperty("skipped").GetInt32()));
        var volunteersTwice = await (await Upload(b, "volunteers", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(moved)], "again.csv")).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 2), (volunteersTwice.GetProperty("added").GetInt32(), volunteersTwice.GetProperty("skipped").GetInt32()));
        Assert.Contains("已存在", volunteersTwice.GetProperty("skippedRows")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_saves_nothing_and_names_the_row_and_column()
    {
        var (client, community, _) = await WorkerAsync();
        var rows = new[] { Volunteer(community, "好行一"), Volunteer(community, "坏行二", phone: "1234"), Volunteer(community, "好行三", skills: "陪伴关怀、飞行") };
        var problem = await (await Upload(client, "volunteers", Xlsx(rows), "volunteers.xlsx")).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[3].phone", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[4].skills", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("rows[2].phone", out _));
        Assert.Equal(0, await VolunteersIn(community));

        // An under-14 and a sex that disagrees with the ID: the registration's rules on their rows.
        var child = Volunteer(community, "小朋友", id: Numbers.ResidentIdNumber(ChinaTime.Today(TimeProvider.System).AddYears(-10)));
        var wrongSex = Volunteer(community, "性别错");
        wrongSex["性别"] = Wushe.Platform.Validation.ResidentId.IsMale((string)wrongSex["证件号码"]) ? "女" : "男";
        var again = await (await Upload(client, "volunteers", Xlsx([child, wrongSex]), "volunteers.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("14", again.GetProperty("errors").GetProperty("rows[2].idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.True(again.GetProperty("errors").TryGetProperty("rows[3].sex", out _));

        // Hours: an unknown volunteer, hours not a multiple of 0.5, an end in the future — nothing saved, each named.
        var ok = Volunteer(community, "时长志愿者");
        await (await Upload(client, "volunteers", Xlsx([ok]), "one.xlsx")).Expect(HttpStatusCode.OK);
        var id = (string)ok["证件号码"];
        var start = Morning(-2);
        var hours = new[]
        {
            Hours(id, "时长志愿者", China(start), China(start.AddHours(3)), "2"),
            Hours(Numbers.ResidentIdNumber(), "无此人", China(start), China(start.AddHours(3)), "2"),
            Hours(id, "时长志愿者", China(start.AddHours(4)), China(start.AddHours(6)), "1.2"),
            Hours(id, "时长志愿者", China(start.AddDays(3)), China(start.AddDays(3).AddHours(2)), "2"),
            Hours(id, "时长志愿者", China(start.AddHours(8)), China(start.AddHours(7)), "1"),
        };
        var bad = await (await Upload(client, "hours", Xlsx(hours), "hours.xlsx")).Expect(HttpStatusCode.BadRequest);
        var hourErrors = bad.GetProperty("errors");
        foreach (var key in new[] { "rows[3].idNumber", "rows[4].hours", "rows[5].endedAt", "rows[6].endedAt" })
            Assert.True(hourErrors.TryGetProperty(key, out _), key + " in " + hourErrors);
        Assert.False(hourErrors.TryGetProperty("rows[2].hours", out _));
        Assert.Equal(0, await app.Query(db => db.Set<HourRecord>().IgnoreQueryFilters().CountAsync(r => r.AreaCode == community)));

        // The page shows the same report with a downloadable list.
        var page = await app.CookieClientAsync((await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000")).UserName);
        var html = await page.GetStringAsync("/Volunteers/Exchange");
        Assert.Contains("import-volunteers", html, StringComparison.Ordinal);
        var template = Rows(await page.GetByteArrayAsync("/Volunteers/Exchange?handler=Template&sheet=hours&format=xlsx"));
        Assert.Equal("示例", Assert.Single(template)["志愿者编号"]);
    }

    [Fact]
    public async Task Duplicates_in_the_file_are_named_and_the_registered_ones_are_skipped()
    {
        var (client, community, _) = await WorkerAsync();
        var registered = await TestVolunteers.JoinAsync(app, community, "已注册者");
        var registeredId = await app.Query(async db =>
        {
            var v = await db.Set<Volunteer>().IgnoreQueryFilters().SingleAsync(x => x.Id == registered.Id);
            return app.Services.GetRequiredService<Sealer>().Open(v.IdNumber);
        });
        var id = Numbers.ResidentIdNumber();
        var duplicate = await (await Upload(client, "volunteers", Xlsx([Volunteer(community, "重复甲", id), Volunteer(community, "重复乙", id)]), "dup.xlsx")).Expect(HttpStatusCode.Conflict);
        Assert.Contains("第 2 行", duplicate.GetProperty("errors").GetProperty("rows[3].idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await VolunteersIn(community));

        var ok = await (await Upload(client, "volunteers", Xlsx([Volunteer(community, "已注册者", registeredId), Volunteer(community, "新来者", id)]), "ok.xlsx")).Expect(HttpStatusCode.OK);
        Assert.Equal((1, 1), (ok.GetProperty("added").GetInt32(), ok.GetProperty("skipped").GetInt32()));
        Assert.Equal(2, ok.GetProperty("skippedRows")[0].GetProperty("row").GetInt32());
        Assert.Equal(2, await VolunteersIn(community));

        // The same service twice in an hours file.
        var start = Morning(-1);
        var row = Hours(id, "新来者", China(start), China(start.AddHours(2)), "2");
        var twice = await (await Upload(client, "hours", Xlsx([row, row]), "hours.xlsx")).Expect(HttpStatusCode.Conflict);
        Assert.True(twice.GetProperty("errors").TryGetProperty("rows[3].startedAt", out _));
        // Over the day's cap for one activity across rows.
        var capped = await (await Upload(client, "hours", Xlsx([row, Hours(id, "新来者", China(start.AddHours(2)), China(start.AddHours(9)), "7")]), "hours.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.True(capped.GetProperty("errors").TryGetProperty("rows[3].hours", out _));
        Assert.Equal(0, await app.Query(db => db.Set<HourRecord>().IgnoreQueryFilters().CountAsync(r => r.AreaCode == community)));
    }

    [Fact]
    public async Task A_utf8_csv_with_bom_and_chinese_is_read_and_other_encodings_and_types_are_refused()
    {
        var (client, community, _) = await WorkerAsync();
        var id = Numbers.ResidentIdNumber();
        var csv = "证件类型,证件号码,姓名,性别,出生日期,手机号码,所在区划代码,技能特长,特长说明\r\n"
            + $"示例,,,,,,,,\r\n"
            + $"居民身份证,{id},欧阳春晓,{(Wushe.Platform.Validation.ResidentId.IsMale(id) ? "男" : "女")},{Wushe.Platform.Validation.ResidentId.BirthDate(id):yyyy-MM-dd},{Numbers.Mobile()},{community},心理疏导、手语,\"会说粤语,懂手语\"\r\n";
        var ok = await (await Upload(client, "volunteers", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "志愿者.csv")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, ok.GetProperty("added").GetInt32());
        var v = await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().SingleAsync(x => x.AreaCode == community));
        Assert.Equal(("欧阳春晓", VolunteerSkill.Counselling | VolunteerSkill.SignLanguage, "会说粤语,懂手语"), (v.Name, v.Skills, v.SkillNotes));

        // Not UTF-8 (a GBK file as Excel's plain "CSV" saves it), a .txt, a renamed file: a clear message about the file, nothing saved.
        var gbk = await (await Upload(client, "volunteers", [0x56, 0x2C, 0xD6, 0xD0, 0xCE, 0xC4, 0x0D, 0x0A], "gbk.csv")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", gbk.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var txt = await (await Upload(client, "volunteers", Encoding.UTF8.GetBytes(csv), "volunteers.txt")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(".xlsx", txt.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        await (await Upload(client, "volunteers", Encoding.UTF8.GetBytes(csv), "renamed.xlsx")).Expect(HttpStatusCode.BadRequest);
        var missing = await (await Upload(client, "volunteers", Encoding.UTF8.GetBytes("姓名\r\n张三\r\n"), "short.csv")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("证件号码", missing.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await VolunteersIn(community));

        // The template as CSV: headers and the example row, with a BOM.
        var template = await client.GetByteArrayAsync("/api/v1/volunteers/national/volunteers/template?format=csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), template[..3]);
        Assert.StartsWith("证件类型,证件号码,姓名", Encoding.UTF8.GetString(template[3..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_area_code_outside_the_scope_is_refused_on_its_row_and_an_export_outside_is_404()
    {
        var (client, community, _) = await WorkerAsync();
        var elsewhere = await TestHouseholds.NewCommunityAsync(app);
        var problem = await (await Upload(client, "volunteers", Xlsx([Volunteer(community, "范围内"), Volunteer(elsewhere, "范围外")]), "scope.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("管辖范围", problem.GetProperty("errors").GetProperty("rows[3].areaCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await VolunteersIn(community));
        Assert.Equal(0, await VolunteersIn(elsewhere));

        // Hours of a volunteer living elsewhere are not this worker's to import.
        var stranger = await TestVolunteers.JoinAsync(app, elsewhere, "外区志愿者");
        var start = Morning(-1);
        var row = Hours("", "外区志愿者", China(start), China(start.AddHours(2)), "2");
        row["志愿者编号"] = stranger.VolunteerNo;
        row["证件类型"] = "";
        var hours = await (await Upload(client, "hours", Xlsx([row]), "hours.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("管辖范围", hours.GetProperty("errors").GetProperty("rows[2].volunteerNo")[0].GetString(), StringComparison.Ordinal);

        using var outside = await client.GetAsync($"/api/v1/volunteers/national/volunteers/export?area={elsewhere}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        using var badFormat = await client.GetAsync($"/api/v1/volunteers/national/hours/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }
}
