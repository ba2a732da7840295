using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// Review 7b items 14, 18, 19, 32: every bad field in one pass — a JSON body whose values do not parse still names every
/// other bad field (Platform/Web JsonFields), the register form names a future consent date with the rest, the import
/// report names every bad field of every row.
/// </summary>
public sealed class AllFieldsTests(TestApp app)
{
    static readonly string TooLong = new('长', 300);

    async Task<(TestUsers.Made Worker, string Community)> PlaceAsync()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        return (await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township), community);
    }

    static async Task<System.Text.Json.JsonElement> Errors(HttpResponseMessage response) =>
        (await response.Expect(HttpStatusCode.BadRequest)).GetProperty("errors");

    [Fact]
    public async Task A_household_body_with_a_bad_sex_a_bad_date_and_a_too_long_address_names_all_three()
    {
        var (worker, community) = await PlaceAsync();
        using var client = await app.CreateClientAsync(worker.UserName);
        var json = $$"""{"areaCode":"{{community}}","address":"{{TooLong}}","members":[{"name":"三错","sex":"X","birthDate":"12a","relation":"Head"}]}""";
        var errors = await Errors(await client.PostAsync("/api/v1/households", new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.True(errors.TryGetProperty("members[0].sex", out var sex), errors.ToString());
        Assert.Contains("性别", sex[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("members[0].birthDate", out var birth), errors.ToString());
        Assert.Contains("出生日期", birth[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("address", out _), errors.ToString());
        Assert.Equal(3, errors.EnumerateObject().Count());
    }

    [Fact]
    public async Task A_member_body_with_three_unparsable_values_and_a_bad_phone_names_all_four()
    {
        // review7c 2: the member's PUT named the values that did not parse, not the phone that did but breaks a rule.
        var (worker, community) = await PlaceAsync();
        var household = await TestHouseholds.CreateAsync(app, community, workerId: worker.Id);
        using var client = await app.CreateClientAsync(worker.UserName);
        var json = """{"name":"四错","sex":"X","birthDate":"2026-02-30","relation":"Boss","phone":"12a"}""";
        var errors = await Errors(await client.PutAsync($"/api/v1/residents/{household.Members[0]}", new StringContent(json, Encoding.UTF8, "application/json")));
        foreach (var field in new[] { "sex", "birthDate", "relation", "phone" })
            Assert.True(errors.TryGetProperty(field, out _), field + ": " + errors);
    }

    [Fact]
    public async Task A_visit_body_with_a_bad_method_a_bad_date_and_a_bad_follow_up_names_all_three()
    {
        var (worker, community) = await PlaceAsync();
        var household = await TestHouseholds.CreateAsync(app, community, workerId: worker.Id);
        using var client = await app.CreateClientAsync(worker.UserName);
        var json = """{"visitedOn":"2026-02-30","method":"Teleport","followUpDue":"2026-12-01"}""";
        var errors = await Errors(await client.PostAsync($"/api/v1/households/{household.Id}/visits", new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.True(errors.TryGetProperty("visitedOn", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("method", out _), errors.ToString());
        // A follow-up date without saying what to follow up: the use case's own rule, over the values that did parse.
        Assert.True(errors.TryGetProperty("followUps", out _), errors.ToString());
    }

    [Fact]
    public async Task A_body_naming_a_field_twice_with_a_bad_value_is_a_plain_400_not_a_crash()
    {
        var (worker, community) = await PlaceAsync();
        var household = await TestHouseholds.CreateAsync(app, community, workerId: worker.Id);
        using var client = await app.CreateClientAsync(worker.UserName);
        var json = """{"visitedOn":"2026-02-30","method":"Teleport","method":"HomeVisit"}""";
        using var response = await client.PostAsync($"/api/v1/households/{household.Id}/visits", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_form_names_a_future_consent_date_with_the_other_errors()
    {
        var (worker, community) = await PlaceAsync();
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        using var response = await session.PostFormAsync("/Households/Register", new()
        {
            ["AreaCode"] = community, ["Address"] = TooLong, ["Resident.Name"] = "多错", ["Resident.Sex"] = "Male", ["Resident.BirthDate"] = "",
            ["Resident.IdNumber"] = "12a", ["Resident.Phone"] = "12a", ["Resident.ConsentOn"] = "2099-01-01",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var message in new[] { "知情同意日期不能晚于今天", "出生日期不能为空", "请输入正确的手机号码或固定电话", "家庭住址长度" })
            Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_report_names_the_phone_of_a_row_with_a_bad_date_and_an_unknown_community()
    {
        var (worker, community) = await PlaceAsync();
        using var client = await app.CreateClientAsync(worker.UserName);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new List<Dictionary<string, object>> { new()
        {
            ["户编号"] = "1", ["社区名称"] = "没有这个社区", ["所属社区代码"] = "", ["家庭住址"] = "多错路1号", ["姓名"] = "多错", ["性别"] = "男", ["出生日期"] = "2026-02-30",
            ["与户主关系"] = "户主", ["身份证号码"] = "", ["联系电话"] = "12a", ["健康与照护情况"] = "", ["监护人"] = "", ["监护人关系"] = "", ["监护人电话"] = "",
            ["重点人群标签"] = "", ["知情同意日期"] = "",
        } });
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "bad.xlsx");
        var errors = await Errors(await client.PostAsync("/api/v1/households/import", form));
        Assert.True(errors.TryGetProperty("rows[2].birthDate", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[2].communityName", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rows[2].phone", out _), errors.ToString());
    }

    [Fact]
    public async Task The_import_templates_example_row_lies_in_the_users_own_area()
    {
        // Review 7b item 21: a Bijie worker's example was a Jiuyuan street.
        using var client = await app.CreateClientAsync("shixi");
        using var response = await client.GetAsync("/api/v1/households/import/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var example = rows[0];
        Assert.StartsWith("市西街道", (string)example["家庭住址"], StringComparison.Ordinal);
        Assert.DoesNotContain("沙河", (string)example["家庭住址"], StringComparison.Ordinal);
        Assert.StartsWith("市西街道", (string)example["社区名称"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_again_a_household_whose_head_has_no_id_number_is_refused_as_a_probable_duplicate()
    {
        // Review 7b item 22.
        var (worker, community) = await PlaceAsync();
        using var client = await app.CreateClientAsync(worker.UserName);
        async Task<HttpResponseMessage> Upload()
        {
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(new List<Dictionary<string, object>> { new()
            {
                ["户编号"] = "1", ["社区名称"] = "", ["所属社区代码"] = community, ["家庭住址"] = "重复路1号", ["姓名"] = "无证户主", ["性别"] = "女", ["出生日期"] = "1950-02-03",
                ["与户主关系"] = "户主", ["身份证号码"] = "", ["联系电话"] = "", ["健康与照护情况"] = "", ["监护人"] = "", ["监护人关系"] = "", ["监护人电话"] = "",
                ["重点人群标签"] = "", ["知情同意日期"] = "",
            } });
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(stream.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(file, "file", "again.xlsx");
            return await client.PostAsync("/api/v1/households/import", form);
        }
        await (await Upload()).Expect(HttpStatusCode.OK);
        var again = await (await Upload()).Expect(HttpStatusCode.Conflict);
        Assert.Contains("疑似重复", again.GetProperty("errors").GetProperty("rows[2].name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Wushe.Features.Households.Household>(), h => h.Address == "重复路1号")));
    }
}
