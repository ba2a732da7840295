using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Exams;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Wushe.Tests.Workforce;

/// <summary>
/// 职业水平考试 through the real app, on SQLite and PostgreSQL: entry and import (all or nothing, named by row and field), one social
/// worker per ID, results computed (the roll across an import), lines that lower and recompute, scope, the figures and Huaibei's demo.
/// </summary>
public sealed class ExamTests(TestApp app)
{
    const string Qixingguan = "520502000000", Weining = "520526000000";

    static readonly string[] Headers = ["考试年度", "级别", "姓名", "身份证号码", "报考地区代码", "科目1成绩", "科目2成绩", "科目3成绩", "评审结果"];

    static Dictionary<string, object> Row(int year, string level, string name, string id, string area, string s1 = "", string s2 = "", string s3 = "", string review = "")
    {
        var values = new object[] { year.ToString(System.Globalization.CultureInfo.InvariantCulture), level, name, id, area, s1, s2, s3, review };
        return Headers.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(Spreadsheet.XlsxContentType);
        form.Add(file, "file", "成绩.xlsx");
        return await client.PostAsync("/api/v1/workforce/exams/import", form);
    }

    Task<int> WorkersWith(string id)
    {
        var hash = app.Services.GetRequiredService<Sealer>().Hash(SensitiveKind.IdNumber, id);
        return app.Query(db => db.Set<SocialWorker>().IgnoreQueryFilters().CountAsync(w => w.IdNumber.Hash == hash));
    }

    [Fact]
    public async Task An_import_with_one_bad_row_saves_nothing_and_names_the_row_and_field()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var good = Numbers.ResidentIdNumber();
        var bad = Numbers.ResidentIdNumber();
        var response = await Upload(client, Xlsx([
            Row(2020, "助理社会工作师", "赵文静", good, Qixingguan, "70", "66"),
            Row(2020, "社会工作师", "钱海峰", bad, Qixingguan, "61", "105", "70"),
            Row(2020, "中级", "孙丽", Numbers.ResidentIdNumber(), Weining, "61", "62", "63"),
        ]));
        var problem = await response.Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[3].score2", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[4].areaCode", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("rows[2].idNumber", out _));
        Assert.Equal(0, await WorkersWith(good));
        Assert.Equal(0, await app.Query(db => db.Set<ExamCandidate>().IgnoreQueryFilters().CountAsync(c => c.Year == 2020 && c.Name == "赵文静")));
    }

    [Fact]
    public async Task The_same_person_twice_is_one_social_worker_and_a_subject_rolls_into_the_next_year()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var id = Numbers.ResidentIdNumber();
        var imported = await (await Upload(client, Xlsx([
            Row(2018, "社会工作师", "李俊", id, Qixingguan, "72", "64", "41"),
            Row(2019, "社会工作师", "李俊", id, Qixingguan, "", "", "68"),
        ]))).Expect(HttpStatusCode.OK);
        Assert.Equal(2, imported.GetProperty("added").GetInt32());
        Assert.Equal(1, imported.GetProperty("newSocialWorkers").GetInt32());
        Assert.Equal(1, await WorkersWith(id));

        var list = await (await client.GetAsync("/api/v1/workforce/exams/candidates?keyword=李俊&level=Intermediate&area=" + Qixingguan)).Expect(HttpStatusCode.OK);
        var rows = list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("idNumber").GetString()!.EndsWith(id[^4..], StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.True(rows.Single(r => r.GetProperty("year").GetInt32() == 2019).GetProperty("passed").GetBoolean());
        Assert.False(rows.Single(r => r.GetProperty("year").GetInt32() == 2018).GetProperty("passed").GetBoolean());
        Assert.DoesNotContain(id, list.ToString(), StringComparison.Ordinal);

        // Known from the exam only, the person is on the register not in post, their passed level awaiting its certificate;
        // recording an employer puts them in post.
        var workerId = rows[0].GetProperty("socialWorkerId").GetGuid();
        var person = await (await client.GetAsync($"/api/v1/workforce/social-workers/{workerId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Candidate", person.GetProperty("status").GetString());
        Assert.Contains(person.GetProperty("exams").EnumerateArray(), e => e.GetProperty("year").GetInt32() == 2019 && e.GetProperty("uncertified").GetBoolean());
        Assert.False(person.TryGetProperty("birthDate", out _));
        async Task<bool> Listed(string query) => (await (await client.GetAsync($"/api/v1/workforce/social-workers?area={Qixingguan}&{query}")).Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == workerId);
        Assert.False(await Listed("keyword=李俊"));
        Assert.True(await Listed("keyword=李俊&status=Candidate"));
        Assert.True(await Listed("keyword=" + id));
        using var leave = await client.PostAsJsonAsync($"/api/v1/workforce/social-workers/{workerId}/status", new { status = "Left", reason = "不在本区" });
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
        await (await client.PutAsJsonAsync($"/api/v1/workforce/social-workers/{workerId}",
            new { name = "李俊", employerKind = "Other", employerName = "七星关区社会工作协会", areaCode = Qixingguan, post = "社工" })).Expect(HttpStatusCode.OK);
        person = await (await client.GetAsync($"/api/v1/workforce/social-workers/{workerId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Active", person.GetProperty("status").GetString());

        // Entered once more by hand: the same person, year and level is refused; the correction of 2018 recomputes 2019.
        using var again = await client.PostAsJsonAsync("/api/v1/workforce/exams/candidates", new { year = 2019, level = "Intermediate", name = "李俊", idNumber = id, areaCode = Qixingguan, score3 = 70 });
        Assert.True((await again.Expect(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("idNumber", out _));
        var first = rows.Single(r => r.GetProperty("year").GetInt32() == 2018);
        await (await client.PutAsJsonAsync($"/api/v1/workforce/exams/candidates/{first.GetProperty("id").GetGuid()}", new { score1 = 72, score2 = 50, score3 = 41 })).Expect(HttpStatusCode.OK);
        var second = rows.Single(r => r.GetProperty("year").GetInt32() == 2019).GetProperty("id").GetGuid();
        var detail = await (await client.GetAsync($"/api/v1/workforce/exams/candidates/{second}")).Expect(HttpStatusCode.OK);
        Assert.False(detail.GetProperty("candidate").GetProperty("passed").GetBoolean());
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(r => r.Action == AuditAction.Import && r.Entity == nameof(ExamCandidate))));
    }

    [Fact]
    public async Task A_county_sees_its_own_candidates_only_and_another_areas_id_is_404()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        var entered = await (await qixingguan.PostAsJsonAsync("/api/v1/workforce/exams/candidates",
            new { year = 2017, level = "Assistant", name = "周佳", idNumber = Numbers.ResidentIdNumber(), areaCode = Qixingguan, score1 = 75, score2 = 80 })).Expect(HttpStatusCode.Created);
        var id = entered.GetProperty("id").GetGuid();
        Assert.True(entered.GetProperty("passed").GetBoolean());

        using var weining = await app.CreateClientAsync("weining");
        Assert.Equal(HttpStatusCode.NotFound, (await weining.GetAsync($"/api/v1/workforce/exams/candidates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weining.PutAsJsonAsync($"/api/v1/workforce/exams/candidates/{id}", new { score1 = 10 })).StatusCode);
        var list = await (await weining.GetAsync("/api/v1/workforce/exams/candidates?year=2017&keyword=周佳")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await weining.GetAsync("/api/v1/workforce/exams/candidates?area=" + Qixingguan)).StatusCode);
        // Scores a user can type are named, never a 500.
        using var bad = await qixingguan.PutAsJsonAsync($"/api/v1/workforce/exams/candidates/{id}", new { score1 = 101, score3 = 50 });
        var errors = (await bad.Expect(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("score1", out _));
    }

    [Fact]
    public async Task A_lower_line_for_a_designated_area_recomputes_its_candidates()
    {
        using var weining = await app.CreateClientAsync("weining");
        var entered = await (await weining.PostAsJsonAsync("/api/v1/workforce/exams/candidates",
            new { year = 2013, level = "Assistant", name = "吴敏", idNumber = Numbers.ResidentIdNumber("520526"), areaCode = Weining, score1 = 55, score2 = 70 })).Expect(HttpStatusCode.Created);
        Assert.False(entered.GetProperty("passed").GetBoolean());
        var id = entered.GetProperty("id").GetGuid();

        // A line is set from above: the county cannot lower its own, the city sets it for the county.
        using var own = await weining.PostAsJsonAsync("/api/v1/workforce/exams/pass-lines", new { year = 2013, level = "Assistant", subject = 1, areaCode = Weining, mark = 54 });
        Assert.True((await own.Expect(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("areaCode", out _));
        using var bijie = await app.CreateClientAsync("bijie");
        var line = await (await bijie.PostAsJsonAsync("/api/v1/workforce/exams/pass-lines", new { year = 2013, level = "Assistant", subject = 1, areaCode = Weining, mark = 54 })).Expect(HttpStatusCode.OK);
        var detail = await (await weining.GetAsync($"/api/v1/workforce/exams/candidates/{id}")).Expect(HttpStatusCode.OK);
        Assert.True(detail.GetProperty("candidate").GetProperty("passed").GetBoolean());
        var seen = await (await weining.GetAsync("/api/v1/workforce/exams/pass-lines?year=2013")).Expect(HttpStatusCode.OK);
        Assert.Contains(seen.EnumerateArray(), l => l.GetProperty("mark").GetInt32() == 54 && !l.GetProperty("editable").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await weining.DeleteAsync($"/api/v1/workforce/exams/pass-lines/{line.GetProperty("id").GetGuid()}")).StatusCode);

        // A line above the default is refused; removing the line brings 60 back.
        using var higher = await bijie.PostAsJsonAsync("/api/v1/workforce/exams/pass-lines", new { year = 2013, level = "Assistant", subject = 2, areaCode = Weining, mark = 65 });
        Assert.True((await higher.Expect(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("mark", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await bijie.DeleteAsync($"/api/v1/workforce/exams/pass-lines/{line.GetProperty("id").GetGuid()}")).StatusCode);
        detail = await (await weining.GetAsync($"/api/v1/workforce/exams/candidates/{id}")).Expect(HttpStatusCode.OK);
        Assert.False(detail.GetProperty("candidate").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task The_figures_give_the_rate_the_year_before_and_an_honest_record_high()
    {
        using var weining = await app.CreateClientAsync("weining");
        var rows = new List<Dictionary<string, object>>();
        void Add(int year, int passed, int failed)
        {
            for (var i = 0; i < passed; i++) rows.Add(Row(year, "助理社会工作师", "冯雪梅", Numbers.ResidentIdNumber("520526"), Weining, "70", "70"));
            for (var i = 0; i < failed; i++) rows.Add(Row(year, "助理社会工作师", "冯雪梅", Numbers.ResidentIdNumber("520526"), Weining, "70", "40"));
        }
        Add(2010, 2, 6);  // 8 sat
        Add(2011, 1, 4);  // 5 sat: fewer than 2010
        Add(2012, 3, 4);  // 7 sat: more than 2011 but not than 2010
        rows.Add(Row(2012, "助理社会工作师", "冯雪梅", Numbers.ResidentIdNumber("520526"), Weining));  // absent: not sat
        await (await Upload(weining, Xlsx(rows))).Expect(HttpStatusCode.OK);

        var f = await (await weining.GetAsync($"/api/v1/workforce/exams/figures?area={Weining}&year=2012")).Expect(HttpStatusCode.OK);
        var total = f.GetProperty("total");
        Assert.Equal(7, total.GetProperty("sat").GetInt32());
        Assert.Equal(3, total.GetProperty("passed").GetInt32());
        Assert.Equal(42.9m, total.GetProperty("rate").GetDecimal());
        Assert.Equal(5, total.GetProperty("satBefore").GetInt32());
        Assert.Equal(1, total.GetProperty("passedBefore").GetInt32());
        Assert.False(total.GetProperty("satRecord").GetBoolean());   // 2010 had 8
        Assert.True(total.GetProperty("passedRecord").GetBoolean()); // 3 > 2 and 1
        var first = await (await weining.GetAsync($"/api/v1/workforce/exams/figures?area={Weining}&year=2010")).Expect(HttpStatusCode.OK);
        Assert.False(first.GetProperty("total").GetProperty("satRecord").GetBoolean());  // the first year on record is no record
        Assert.Equal(HttpStatusCode.NotFound, (await weining.GetAsync($"/api/v1/workforce/exams/figures?area={Qixingguan}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await weining.GetAsync($"/api/v1/workforce/exams/figures?year=1999")).StatusCode);
    }

    [Fact]
    public async Task Huaibei_demo_reproduces_its_2023_figures_as_a_record_high()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var f = await (await huaibei.GetAsync("/api/v1/workforce/exams/figures?area=340600000000&year=2023")).Expect(HttpStatusCode.OK);
        var total = f.GetProperty("total");
        Assert.Equal(1338, total.GetProperty("sat").GetInt32());
        Assert.Equal(346, total.GetProperty("passed").GetInt32());
        Assert.Equal(25.9m, total.GetProperty("rate").GetDecimal());
        Assert.True(total.GetProperty("satBefore").GetInt32() < 1338);
        Assert.True(total.GetProperty("passedBefore").GetInt32() < 346);
        Assert.True(total.GetProperty("satRecord").GetBoolean());
        Assert.True(total.GetProperty("passedRecord").GetBoolean());
        Assert.Equal(4, f.GetProperty("children").EnumerateArray().Count(c => c.GetProperty("figure").GetProperty("sat").GetInt32() > 0));
        Assert.Equal(1338, f.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("figure").GetProperty("sat").GetInt32()));
        Assert.Contains("1338人", f.GetProperty("sentence").GetString(), StringComparison.Ordinal);

        // The page shows them with the record mark.
        var page = await huaibei.GetStringAsync("/Workforce/Exams/Figures?area=340600000000&year=2023");
        Assert.Contains("历史新高", page, StringComparison.Ordinal);
        Assert.Contains("25.9%", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_and_the_results_export_what_the_search_finds_masked_and_audited()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        using var results = await huaibei.GetAsync("/api/v1/workforce/exams/candidates/export?area=340600000000&year=2023&passed=true");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal(Wushe.Platform.Export.Spreadsheet.XlsxContentType, results.Content.Headers.ContentType?.MediaType);
        var rows = Rows(await results.Content.ReadAsByteArrayAsync());
        Assert.Equal(346, rows.Count);
        Assert.All(rows, r => Assert.Contains("*", (string)r["身份证号码"]!, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("通过", r["是否通过"]));

        using var register = await huaibei.GetAsync("/api/v1/workforce/social-workers/export?area=340600000000");
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        var bytes = await register.Content.ReadAsByteArrayAsync();
        var people = Rows(bytes);
        var total = (await (await huaibei.GetAsync("/api/v1/workforce/social-workers?area=340600000000&size=10")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(total, people.Count);
        Assert.DoesNotContain(people[0].Keys, k => k.Contains("身份证", StringComparison.Ordinal));
        Assert.All(people.Where(p => (string?)p["手机号码"] is { Length: > 0 }), p => Assert.Contains("*", (string)p["手机号码"]!, StringComparison.Ordinal));
        // The page's export is the same file's rows; both audited.
        var page = await (await app.CookieClientAsync("huaibei")).GetByteArrayAsync("/Workforce?handler=Export&area=340600000000");
        Assert.Equal(people.Select(r => string.Join("|", r.Values)), Rows(page).Select(r => string.Join("|", r.Values)));
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.Action == AuditAction.Export && a.Entity == nameof(ExamCandidate))));
        Assert.True(await app.Query(db => db.AuditRecords.CountAsync(a => a.Action == AuditAction.Export && a.Entity == nameof(SocialWorker))) >= 2);
        // Another city's: 404, nothing exported.
        await (await huaibei.GetAsync("/api/v1/workforce/social-workers/export?area=520500000000")).Expect(HttpStatusCode.NotFound);
    }

    static List<IDictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
