using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>The Excel import of households: the template, all or nothing, errors by row and column, duplicates, scope.</summary>
public sealed class ImportTests(TestApp app)
{
    /// <summary>A station worker of a new test township, with two communities of it.</summary>
    async Task<(HttpClient Client, string Community, string Other)> WorkerAsync()
    {
        var township = await Places.NewTownshipAsync(app);
        var user = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        return (await app.CreateClientAsync(user.UserName), await TestHouseholds.NewCommunityAsync(app, township), await TestHouseholds.NewCommunityAsync(app, township, 2));
    }

    static Dictionary<string, object> Row(string household, string area, string name, string sex, string birth, string relation, string id = "", string address = "测试路9号",
        string guardian = "", string guardianRelation = "", string tags = "", string consent = "", string community = "", string health = "", string guardianPhone = "") => new()
    {
        ["户编号"] = household, ["社区名称"] = community, ["所属社区代码"] = area, ["家庭住址"] = address, ["姓名"] = name, ["性别"] = sex, ["出生日期"] = birth,
        ["与户主关系"] = relation, ["身份证号码"] = id, ["联系电话"] = "", ["健康与照护情况"] = health, ["监护人"] = guardian, ["监护人关系"] = guardianRelation,
        ["监护人电话"] = guardianPhone, ["重点人群标签"] = tags, ["知情同意日期"] = consent,
    };

    static Dictionary<string, object> Head(string household, string area, string? id = null, string tags = "", string community = "")
    {
        id ??= Numbers.ResidentIdNumber();
        var birth = Wushe.Platform.Validation.ResidentId.BirthDate(id);
        return Row(household, area, "户主" + household, Wushe.Platform.Validation.ResidentId.IsMale(id) ? "男" : "女", birth.ToString("yyyy-MM-dd"), "户主", id, tags: tags, community: community);
    }

    Task<string> NameOf(string code) => app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => a.Code == code).Select(a => a.Name).SingleAsync());

    static async Task<HttpResponseMessage> Upload(HttpClient client, IEnumerable<Dictionary<string, object>> rows, string name = "households.xlsx")
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.ToList());
        return await Upload(client, stream.ToArray(), name);
    }

    static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/v1/households/import", form);
    }

    Task<int> Households(string area) => app.Query(db => db.Set<Household>().CountAsync(h => h.AreaCode == area));

    [Fact]
    public async Task The_template_downloads_with_every_column()
    {
        var (client, _, _) = await WorkerAsync();
        var response = await client.GetAsync("/api/v1/households/import/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var headers = ((IDictionary<string, object?>)stream.Query(useHeaderRow: false).First()).Values.Select(v => v?.ToString()).ToList();
        foreach (var column in ImportHouseholds.Columns) Assert.Contains(column.Header, headers);
    }

    [Fact]
    public async Task A_good_file_saves_every_household_with_tags_in_one_go_and_is_audited()
    {
        var (client, community, other) = await WorkerAsync();
        var child = new DateOnly(2016, 6, 1);
        var rows = new List<Dictionary<string, object>>
        {
            Head("1", community, id: Numbers.ResidentIdNumber(new DateOnly(1940, 5, 6)), tags: "独居老人、高龄老人"),
            Head("2", community),
            Row("2", "", "小明", "男", "2016-06-01", "孙子女", Numbers.ResidentIdNumber(child, male: true), address: "", guardian: "户主2", guardianRelation: "祖父", consent: "2024-01-05"),
            Head("3", other),
        };
        var body = await (await Upload(client, rows)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, body.GetProperty("households").GetInt32());
        Assert.Equal(4, body.GetProperty("residents").GetInt32());
        Assert.Equal(2, await Households(community));
        Assert.Equal(1, await Households(other));
        Assert.Equal(2, await app.Query(db => db.Set<ResidentTag>().CountAsync(t => t.AreaCode == community)));
        Assert.Equal(1, await app.Query(db => db.Set<Consent>().CountAsync(c => c.AreaCode == community && c.ByGuardian)));
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.Action == AuditAction.Import && a.Entity == nameof(Household) && a.Fields == "households=3;residents=4")));
    }

    [Fact]
    public async Task One_bad_row_saves_nothing_and_is_named_by_row_and_column()
    {
        var (client, community, _) = await WorkerAsync();
        var rows = new List<Dictionary<string, object>>
        {
            Head("1", community),
            Head("2", community),
            // Row 4 in Excel (the header is row 1): a minor without a guardian; row 5 a date that is no date.
            Row("2", "", "小红", "女", "2012-02-02", "子女"),
            Row("2", "", "张三", "男", "1980年13月1日", "配偶"),
        };
        var problem = await (await Upload(client, rows)).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[4].guardianName", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[5].birthDate", out _), errors.ToString());
        Assert.Equal(0, await Households(community));
    }

    [Fact]
    public async Task The_same_ID_twice_in_the_file_or_already_registered_is_named_per_row()
    {
        var (client, community, _) = await WorkerAsync();
        var id = Numbers.ResidentIdNumber();
        var registered = Numbers.ResidentIdNumber();
        await TestHouseholds.CreateAsync(app, community, members: TestHouseholds.Head("已登记", registered));
        var rows = new List<Dictionary<string, object>> { Head("1", community, id), Head("2", community, id), Head("3", community, registered) };
        var problem = await (await Upload(client, rows)).Expect(HttpStatusCode.Conflict);
        var errors = problem.GetProperty("errors");
        Assert.Contains("第 2 行", errors.GetProperty("rows[3].idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("已登记", errors.GetProperty("rows[4].idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("rows[2].idNumber", out _));
        Assert.Equal(1, await Households(community));
    }

    [Fact]
    public async Task A_community_outside_the_users_scope_is_an_error_of_its_row()
    {
        var (client, community, _) = await WorkerAsync();
        var outside = await TestHouseholds.NewCommunityAsync(app);
        var problem = await (await Upload(client, [Head("1", community), Head("2", outside)])).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["rows[3].areaCode"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await Households(community));
        Assert.Equal(0, await Households(outside));
    }

    [Fact]
    public async Task Row_numbers_are_Excels_even_after_a_blank_row_and_too_many_rows_are_refused_whole()
    {
        var (client, community, _) = await WorkerAsync();
        var blank = ImportHouseholds.Columns.ToDictionary(c => c.Header, _ => (object)"");
        var rows = new List<Dictionary<string, object>> { Head("1", community), blank, Row("1", "", "李四", "男", "1970-01-01", "兄弟") };
        var problem = await (await Upload(client, rows)).Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[4].relation", out _), problem.ToString());

        var many = Enumerable.Range(0, ImportHouseholds.MaxRows + 1).Select(i => Row(i.ToString(), community, "某", "男", "1970-01-01", "户主")).ToList();
        var tooMany = await (await Upload(client, many)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("5000", tooMany.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Households(community));
    }

    [Fact]
    public async Task Files_that_are_not_spreadsheets_or_lack_columns_are_refused_by_name()
    {
        var (client, community, _) = await WorkerAsync();
        var notExcel = await (await Upload(client, "not a workbook"u8.ToArray(), "households.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.True(notExcel.GetProperty("errors").TryGetProperty("file", out _));
        var csv = await (await Upload(client, "a,b"u8.ToArray(), "households.csv")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(".xlsx", csv.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var lacking = await (await Upload(client, [new Dictionary<string, object> { ["姓名"] = "王五", ["所属社区代码"] = community }])).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("户编号", lacking.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_lists_the_communities_in_scope_and_its_example_row_is_not_imported()
    {
        var (client, community, other) = await WorkerAsync();
        var response = await client.GetAsync("/api/v1/households/import/template");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        {
            var sheets = stream.GetSheetNames();
            Assert.Equal(3, sheets.Count);
            var listed = stream.Query(useHeaderRow: true, sheetName: sheets[2]).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal([community, other], listed.Select(r => r["所属社区代码"]?.ToString()).Order(StringComparer.Ordinal));
            Assert.Contains(listed, r => r["社区名称"]?.ToString() == "测试" + community[6..9] + "第1社区");
            var example = Assert.Single(stream.Query(useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object?>>());
            Assert.Equal(ImportHouseholds.ExampleMarker, example["户编号"]?.ToString());
        }

        // The template uploaded as it is: its only row is the example, so nothing is there to import.
        var empty = await (await Upload(client, bytes, "template.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("没有居民", empty.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        // The example row beside a real one: the real one is imported, the example is not.
        var exampleRow = Head(ImportHouseholds.ExampleMarker, "", community: await NameOf(community));
        var body = await (await Upload(client, [exampleRow, Head("1", "", community: await NameOf(community))])).Expect(HttpStatusCode.OK);
        Assert.Equal(1, body.GetProperty("households").GetInt32());
        Assert.Equal(1, await Households(community));
    }

    [Fact]
    public async Task Communities_are_given_by_name_and_an_unknown_or_shared_name_is_an_error_of_its_row()
    {
        var (client, community, other) = await WorkerAsync();
        var name = await NameOf(community);
        // A second community of the township with the same name as the first.
        var twin = community[..9] + "009";
        await app.Query(async db =>
        {
            db.Areas.Add(new Area(twin, name, AreaKind.Community, isGenerated: true, new DateOnly(2026, 1, 1)));
            return await db.SaveChangesAsync();
        });
        var outside = await TestHouseholds.NewCommunityAsync(app);
        var rows = new List<Dictionary<string, object>>
        {
            Head("1", "", community: await NameOf(other)),
            Head("2", "", community: name),
            Head("3", "", community: "不存在的社区"),
            Head("4", "", community: await NameOf(outside)),
            Head("5", twin, community: name),
            Head("6", other, community: name),
        };
        var problem = await (await Upload(client, rows)).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["rows[3].communityName", "rows[4].communityName", "rows[5].communityName", "rows[7].communityName"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains(community, errors.GetProperty("rows[3].communityName")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(twin, errors.GetProperty("rows[3].communityName")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("不在您的管辖范围内", errors.GetProperty("rows[5].communityName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Households(other));

        // Good rows only: by name, and a shared name made plain by its code.
        var child = new DateOnly(2016, 6, 1);
        var body = await (await Upload(client,
        [
            Head("1", "", community: await NameOf(other)),
            Head("2", twin, community: name),
            Row("2", "", "小芳", "女", "2016-06-01", "孙子女", Numbers.ResidentIdNumber(child, male: false), address: "", guardian: "户主2", guardianRelation: "祖母",
                consent: "2024-01-05", health: "哮喘", guardianPhone: "13800138000"),
        ])).Expect(HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("households").GetInt32());
        Assert.Equal(1, await Households(other));
        Assert.Equal(1, await Households(twin));
        var girl = await app.Query(db => db.Set<Resident>().SingleAsync(r => r.AreaCode == twin && r.Name == "小芳"));
        Assert.Equal("哮喘", girl.HealthNote);
        Assert.NotNull(girl.GuardianPhone);
    }
}
