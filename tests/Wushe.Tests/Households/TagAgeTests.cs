using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// Review 7b item 6: a target-group tag fits the resident's age on every path that sets tags (register, add or edit a member,
/// import, the API): children's tags under 18, elderly tags from 60, 高龄老人 from 80, an area's own tag by its own bounds.
/// </summary>
public sealed class TagAgeTests(TestApp app)
{
    static readonly Guid LivingAlone = new("5a6e7400-0000-4000-8000-000000000001");
    static readonly Guid OldestOld = new("5a6e7400-0000-4000-8000-000000000004");
    static readonly Guid LeftBehindChild = new("5a6e7400-0000-4000-8000-000000000006");

    static ResidentFields Person(string name, DateOnly birth, Relation relation, params Guid[] tags) =>
        new(name, Sex.Male, birth, relation, Tags: [.. tags], GuardianName: "测试监护人", GuardianRelation: "父亲", ConsentOn: birth.AddYears(1));

    static async Task<string> Refused(HttpResponseMessage response, string field)
    {
        var body = await response.Expect(HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out var messages), body.ToString());
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task A_76_year_old_cannot_be_a_left_behind_child_nor_an_11_year_old_oldest_old_on_any_path()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        using var client = await app.CreateClientAsync(worker.UserName);

        // Register.
        var message = await Refused(await client.PostAsJsonAsync("/api/v1/households", new RegisterHousehold.Request(community, "年龄路1号",
            [Person("年龄甲", new DateOnly(1950, 3, 3), Relation.Head, LeftBehindChild)])), "members[0].tags");
        Assert.Contains("留守儿童", message, StringComparison.Ordinal);
        Assert.Contains("未满18周岁", message, StringComparison.Ordinal);

        var made = await TestHouseholds.CreateAsync(app, community, members: [Person("年龄乙", new DateOnly(1950, 3, 3), Relation.Head)]);
        // Edit a member (the review's PUT).
        message = await Refused(await client.PutAsJsonAsync($"/api/v1/residents/{made.Members[0]}", Person("年龄乙", new DateOnly(1950, 3, 3), Relation.Head, LeftBehindChild)), "tags");
        Assert.Contains("未满18周岁", message, StringComparison.Ordinal);
        // Add a member: an 11-year-old is not 高龄 (80+), nor 独居老人 (60+).
        message = await Refused(await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/members",
            Person("年龄丙", new DateOnly(2015, 6, 6), Relation.Grandchild, OldestOld, LivingAlone)), "tags");
        Assert.Contains("80周岁及以上", message, StringComparison.Ordinal);
        Assert.Contains("60周岁及以上", message, StringComparison.Ordinal);
        // A 76-year-old is elderly but not yet 高龄.
        message = await Refused(await client.PutAsJsonAsync($"/api/v1/residents/{made.Members[0]}", Person("年龄乙", new DateOnly(1950, 3, 3), Relation.Head, OldestOld)), "tags");
        Assert.Contains("高龄老人", message, StringComparison.Ordinal);
        await (await client.PutAsJsonAsync($"/api/v1/residents/{made.Members[0]}", Person("年龄乙", new DateOnly(1950, 3, 3), Relation.Head, LivingAlone))).Expect(HttpStatusCode.OK);
        Assert.Equal(1, await app.Query(db => db.Set<ResidentTag>().CountAsync(t => t.ResidentId == made.Members[0])));

        // Import: the row's tags are named.
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new List<Dictionary<string, object>> { new()
        {
            ["户编号"] = "1", ["社区名称"] = "", ["所属社区代码"] = community, ["家庭住址"] = "年龄路2号", ["姓名"] = "年龄丁", ["性别"] = "男", ["出生日期"] = "1950-01-01",
            ["与户主关系"] = "户主", ["身份证号码"] = "", ["联系电话"] = "", ["健康与照护情况"] = "", ["监护人"] = "", ["监护人关系"] = "", ["监护人电话"] = "",
            ["重点人群标签"] = "留守儿童", ["知情同意日期"] = "",
        } });
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "ages.xlsx");
        var report = (await (await client.PostAsync("/api/v1/households/import", form)).Expect(HttpStatusCode.BadRequest)).ToString();
        Assert.Contains("未满18周岁", report, StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.Set<Household>().CountAsync(h => h.Address == "年龄路2号")));
    }

    [Fact]
    public async Task An_areas_own_tag_carries_its_own_age_bounds()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var head = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        using var client = await app.CreateClientAsync(head.UserName);
        var bad = await Refused(await client.PostAsJsonAsync("/api/v1/households/target-groups",
            new SaveTargetGroup.Request(township, "年龄倒置", null, TargetGroupKind.Child, 1, true, 14, 10)), "maxAge");
        Assert.Contains("最大年龄不能小于最小年龄", bad, StringComparison.Ordinal);
        var tag = (await (await client.PostAsJsonAsync("/api/v1/households/target-groups",
            new SaveTargetGroup.Request(township, "低龄留守" + Guid.NewGuid().ToString("N")[..4], null, TargetGroupKind.Child, 1, true, null, 13))).Expect(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var made = await TestHouseholds.CreateAsync(app, community);
        var message = await Refused(await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/members",
            Person("年龄戊", DateOnly.FromDateTime(DateTime.Today).AddYears(-15), Relation.Child, tag)), "tags");
        Assert.Contains("未满14周岁", message, StringComparison.Ordinal);
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/members",
            Person("年龄己", DateOnly.FromDateTime(DateTime.Today).AddYears(-10), Relation.Child, tag))).Expect(HttpStatusCode.Created);
    }
}
