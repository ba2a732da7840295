using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Accounts;

/// <summary>Areas are chosen with the area picker; a role fits the level of its area; a station's staff picker offers only its own station workers.</summary>
public sealed class AreaChoiceTests(TestApp app)
{
    static object NewUser(Role role, string area) => new
    {
        userName = "lvl." + Guid.NewGuid().ToString("N")[..10], displayName = "层级测试", phone = Numbers.Mobile(), homeAreaCode = "520502000000", password = "start1234",
        roles = new[] { new { role = role.ToString(), areaCode = area } },
    };

    [Theory]
    [InlineData(Role.BureauStaff, "520502001001", "民政局工作人员的区划应为省、市或县（区）一级，所选区划是村（社区）")]
    [InlineData(Role.CommunityStaff, "520502001000", "社区工作人员的区划应为村（社区）一级，所选区划是乡镇（街道）")]
    [InlineData(Role.FundCommitteeMember, "520502000000", "基金管委会成员的区划应为村（社区）一级，所选区划是县（区）")]
    public async Task A_role_at_a_level_it_does_not_work_at_is_refused_naming_the_area(Role role, string area, string message)
    {
        using var bureau = await app.CreateClientAsync("qixingguan");
        var problem = await (await bureau.PostAsJsonAsync("/api/v1/users", NewUser(role, area))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("roles[0].areaCode")[0].GetString());
    }

    [Fact]
    public async Task The_same_rule_holds_when_roles_are_changed_later_and_on_the_page()
    {
        using var bureau = await app.CreateClientAsync("qixingguan");
        var id = (await (await bureau.PostAsJsonAsync("/api/v1/users", NewUser(Role.CommunityStaff, "520502001001"))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var problem = await (await bureau.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { new { role = "BureauStaff", areaCode = "520502001001" } } }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles[0].areaCode", out _));

        using var session = await PageSession.SignInAsync(app, "qixingguan");
        using var response = await session.PostFormAsync("/Admin/Users/Edit", new()
        {
            ["Input.UserName"] = "lvl." + Guid.NewGuid().ToString("N")[..10], ["Input.DisplayName"] = "层级测试", ["Input.Phone"] = Numbers.Mobile(),
            ["Input.HomeAreaCode"] = "520502000000", ["Input.Password"] = "start1234",
            ["Input.Roles[0].Role"] = "BureauStaff", ["Input.Roles[0].AreaCode"] = "520502001001",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("民政局工作人员的区划应为省、市或县（区）一级", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_user_form_and_the_user_list_choose_areas_with_the_picker_never_a_typed_code()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var (_, form) = await session.GetAsync("/Admin/Users/Edit");
        Assert.Contains("data-name=\"Input.Roles[0].AreaCode\"", form, StringComparison.Ordinal);
        Assert.Contains("data-name=\"Input.HomeAreaCode\"", form, StringComparison.Ordinal);
        var (_, list) = await session.GetAsync("/Admin/Users?area=520502001000");
        Assert.Contains("class=\"area-picker\" data-name=\"area\"", list, StringComparison.Ordinal);
        Assert.Contains("value=\"520502001000\"", list, StringComparison.Ordinal);
        foreach (var html in new[] { form, list })
            Assert.DoesNotContain("请输入区划代码", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_station_offers_only_its_own_station_workers_as_staff()
    {
        // Accounts made straight in the database, as older data may hold them: a bureau official and a
        // community worker living in the township, and a station worker of that township.
        var official = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520502000000");
        await app.Query(async db =>
        {
            var u = await db.Users.FirstAsync(x => x.UserName == official);
            u.MoveHome("520502001000");
            return await db.SaveChangesAsync();
        });
        var community = await app.CreateUserAsync(role: Role.CommunityStaff, areaCode: "520502001001");
        var worker = await app.CreateUserAsync(role: Role.StationWorker, areaCode: "520502001000");
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode == "520502001000").Select(s => s.Id).FirstAsync());

        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var (_, html) = await session.GetAsync($"/Stations/Details?id={station}");
        Assert.Contains($"（{worker}）", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"（{official}）", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"（{community}）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("（bijie）", html, StringComparison.Ordinal);

        var officialId = await app.Query(db => db.Users.Where(u => u.UserName == official).Select(u => u.Id).FirstAsync());
        using var api = await app.CreateClientAsync("qixingguan");
        var problem = await (await api.PostAsJsonAsync($"/api/v1/stations/{station}/staff", new { userId = officialId, position = "专职社工" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userId", out _));
    }
}
