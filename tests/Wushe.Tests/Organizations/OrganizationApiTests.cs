using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Demo;
using Wushe.Features.Organizations;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Organizations;

/// <summary>The social-organization register through the API, as a bureau and a station worker use it.</summary>
public sealed class OrganizationApiTests(TestApp app)
{
    static int serial = Random.Shared.Next(1_000_000, 8_000_000);

    /// <summary>A valid civil-affairs credit code no other test uses (kind digit 1 社会团体, 2 民非, 3 基金会, 9 其他).</summary>
    public static string NewCode(char kind = '2', string area = "340699000000") => OrganizationsDemo.Code(kind, area, Interlocked.Increment(ref serial));

    static object Body(string areaCode, string name, string? creditCode, string? kind = null, string? status = null, string? registeredOn = "2020-05-01",
        string? contactPhone = "13912345678", string[]? serviceAreas = null, string[]? focusAreas = null, Guid? parentId = null, int? version = null) => new
    {
        areaCode, name, creditCode, kind, status, parentId, registeringAuthority = creditCode is null ? "" : "淮北市民政局", registeredOn,
        legalRepresentative = "张三", contactName = "李四", contactPhone, address = "测试路1号",
        serviceAreas = serviceAreas ?? [areaCode], focusAreas = focusAreas ?? ["ElderlyCare", "GrassrootsGovernance"], version,
    };

    static async Task<Guid> Register(HttpClient client, object body) =>
        (await (await client.PostAsJsonAsync("/api/v1/organizations", body)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_bureau_registers_an_organization_whose_kind_follows_from_its_code_and_a_second_with_the_code_is_409_naming_it()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var code = NewCode('1');
        var id = await Register(huaibei, Body(township, "测试社区志愿者协会", code.ToLowerInvariant()));

        var details = await (await huaibei.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("SocialGroup", details.GetProperty("kind").GetString());
        Assert.Equal(code, details.GetProperty("creditCode").GetString());
        Assert.Equal("Registered", details.GetProperty("status").GetString());
        Assert.Equal("139****5678", details.GetProperty("contactPhone").GetString());
        Assert.DoesNotContain("13912345678", details.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["ElderlyCare", "GrassrootsGovernance"], details.GetProperty("focusAreas").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(township, details.GetProperty("serviceAreas")[0].GetProperty("code").GetString());

        // The same code again, even for another name: 409 naming the field, nothing saved.
        var again = await (await huaibei.PostAsJsonAsync("/api/v1/organizations", Body(township, "另一个协会", code))).Expect(HttpStatusCode.Conflict);
        Assert.Equal("该统一社会信用代码已登记，不能重复登记", again.GetProperty("errors").GetProperty("creditCode")[0].GetString());
        Assert.False(await app.Query(db => db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Name == "另一个协会")));

        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(Organization) && a.EntityKey == id.ToString()).ToListAsync());
        var create = Assert.Single(audit, a => a.Action == AuditAction.Create);
        Assert.Equal("huaibei", create.UserName);
        Assert.Equal(township, create.AreaCode);
        Assert.Equal("测试社区志愿者协会", create.ObjectName);
    }

    [Fact]
    public async Task Two_registrations_of_one_code_at_the_same_moment_save_one_and_answer_the_other_409()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var code = NewCode();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => huaibei.PostAsJsonAsync("/api/v1/organizations", Body(township, $"并发登记{i}", code))));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await app.Query(db => db.Organizations.IgnoreQueryFilters().CountAsync(o => o.CreditCode == code)));
    }

    public static TheoryData<string, string> BadCodes => new()
    {
        { "52340699MJ000000A", "统一社会信用代码应为 18 位" },
        { "52340699MJ00000001", "统一社会信用代码校验位不正确" },
        // A resident ID number typed into the code's box: its own check digit and a real birth date, and it passes the code's check too.
        { "520502198001010349", "这是身份证号码，不是统一社会信用代码" },
        // A valid code of an enterprise (工商 91…), not of civil affairs.
        { "91340600MA2N0000" + "00", "" },
    };

    [Theory]
    [MemberData(nameof(BadCodes))]
    public async Task A_code_that_is_not_a_civil_affairs_credit_code_is_refused_naming_the_field(string code, string message)
    {
        // The enterprise code gets its check character here, so that only its department is wrong.
        if (message == "") code = code[..17] + Wushe.Platform.Validation.CreditCode.CheckChar(code);
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var bad = await (await huaibei.PostAsJsonAsync("/api/v1/organizations", Body(township, "错误代码协会", code))).Expect(HttpStatusCode.BadRequest);
        var error = bad.GetProperty("errors").GetProperty("creditCode")[0].GetString()!;
        Assert.Equal(message == "" ? "该代码不是民政部门登记的社会组织代码（第 1 位应为 5）" : message, error);
        Assert.False(await app.Query(db => db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.AreaCode == township)));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_and_nothing_is_saved()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd");
        var bad = await (await huaibei.PostAsJsonAsync("/api/v1/organizations",
            Body(township, "协", null, kind: "SocialGroup", registeredOn: future, contactPhone: "12345", parentId: Guid.NewGuid()))).Expect(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("组织名称长度必须介于 2 和 100 之间", errors.GetProperty("name")[0].GetString());
        Assert.Equal("统一社会信用代码不能为空（志愿服务队或孵化中的组织可不填）", errors.GetProperty("creditCode")[0].GetString());
        Assert.Equal("登记日期不能晚于今天", errors.GetProperty("registeredOn")[0].GetString());
        Assert.Equal("只有志愿服务队可以隶属于其他组织", errors.GetProperty("parentId")[0].GetString());
        Assert.True(errors.TryGetProperty("contactPhone", out _), errors.GetRawText());

        // A kind other than the code's is refused by name; so is a focus area sent as a set rather than one by one.
        var kind = await (await huaibei.PostAsJsonAsync("/api/v1/organizations", Body(township, "类型不符", NewCode('2'), kind: "Foundation"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("民办非企业单位", kind.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.AreaCode == township)));
    }

    [Fact]
    public async Task A_volunteer_team_needs_no_code_and_belongs_to_an_organization_which_lists_it()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var parent = await Register(huaibei, Body(township, "测试社工服务中心", NewCode('2')));
        var team = await Register(huaibei, Body(township, "测试志愿服务队", null, kind: "VolunteerTeam", parentId: parent));
        var details = await (await huaibei.GetAsync($"/api/v1/organizations/{team}")).Expect(HttpStatusCode.OK);
        Assert.Equal("VolunteerTeam", details.GetProperty("kind").GetString());
        Assert.Equal("测试社工服务中心", details.GetProperty("parentName").GetString());
        var owner = await (await huaibei.GetAsync($"/api/v1/organizations/{parent}")).Expect(HttpStatusCode.OK);
        Assert.Equal(team, owner.GetProperty("teams")[0].GetProperty("id").GetGuid());

        // A team cannot belong to a team.
        var nested = await (await huaibei.PostAsJsonAsync("/api/v1/organizations", Body(township, "小分队", null, kind: "VolunteerTeam", parentId: team))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("志愿服务队不能隶属于另一支志愿服务队", nested.GetProperty("errors").GetProperty("parentId")[0].GetString());
    }

    [Fact]
    public async Task The_life_cycle_allows_only_its_moves_and_deregistration_is_final()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var id = await Register(huaibei, Body(township, "孵化中的社区组织", null, kind: "SocialGroup", status: "Incubating"));
        async Task<JsonElement> Move(string to, HttpStatusCode expected) =>
            await (await huaibei.PostAsJsonAsync($"/api/v1/organizations/{id}/status", new { to, reason = "测试变更" })).Expect(expected);

        // Incubating → Registered needs a code; without one it is 409 saying so.
        Assert.Contains("统一社会信用代码", (await Move("Registered", HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("不能从“孵化中”变更为“暂停活动”", (await Move("Suspended", HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        var version = (await (await huaibei.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32();
        await (await huaibei.PutAsJsonAsync($"/api/v1/organizations/{id}", Body(township, "孵化中的社区组织", NewCode('1'), version: version))).Expect(HttpStatusCode.OK);
        Assert.Equal("Registered", (await Move("Registered", HttpStatusCode.OK)).GetProperty("status").GetString());
        await Move("Suspended", HttpStatusCode.OK);
        await Move("Registered", HttpStatusCode.OK);
        Assert.Contains("已是“已登记”", (await Move("Registered", HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        var reasonless = await (await huaibei.PostAsJsonAsync($"/api/v1/organizations/{id}/status", new { to = "Deregistered" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("变更原因不能为空", reasonless.GetProperty("errors").GetProperty("reason")[0].GetString());
        await Move("Deregistered", HttpStatusCode.OK);
        Assert.Contains("已注销", (await Move("Registered", HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        var edit = await (await huaibei.PutAsJsonAsync($"/api/v1/organizations/{id}", Body(township, "注销后改名", null, kind: "SocialGroup"))).Expect(HttpStatusCode.BadRequest);
        Assert.True(edit.GetProperty("errors").TryGetProperty("creditCode", out _));

        // Each move is audited with old → new status.
        var moves = await app.Query(db => db.AuditRecords.AsNoTracking().CountAsync(a => a.Entity == nameof(Organization) && a.EntityKey == id.ToString() && a.Action == AuditAction.StateChange));
        Assert.True(moves >= 4, $"{moves} status changes audited");
    }

    [Fact]
    public async Task A_stale_edit_is_409_and_an_empty_phone_keeps_the_stored_number()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var code = NewCode();
        var id = await Register(huaibei, Body(township, "版本测试中心", code));
        var version = (await (await huaibei.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32();
        await (await huaibei.PutAsJsonAsync($"/api/v1/organizations/{id}", Body(township, "版本测试中心（更名）", code, contactPhone: null, version: version))).Expect(HttpStatusCode.OK);
        var stale = await (await huaibei.PutAsJsonAsync($"/api/v1/organizations/{id}", Body(township, "过期的修改", code, version: version))).Expect(HttpStatusCode.Conflict);
        Assert.Equal("数据已被他人修改，请刷新后重试", stale.GetProperty("title").GetString());
        var details = await (await huaibei.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("版本测试中心（更名）", details.GetProperty("name").GetString());
        Assert.Equal("139****5678", details.GetProperty("contactPhone").GetString());
    }

    [Fact]
    public async Task Another_countys_organization_does_not_exist_for_a_bureau_and_a_township_worker_registers_only_in_the_township()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        var own = await (await qixingguan.GetAsync("/api/v1/organizations?keyword=" + Uri.EscapeDataString("七星关区社工服务中心"))).Expect(HttpStatusCode.OK);
        var id = own.GetProperty("items")[0].GetProperty("id").GetGuid();

        using var weining = await app.CreateClientAsync("weining");
        await (await weining.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.NotFound);
        await (await weining.PostAsJsonAsync($"/api/v1/organizations/{id}/status", new { to = "Suspended", reason = "越权" })).Expect(HttpStatusCode.NotFound);
        await (await weining.GetAsync("/api/v1/organizations?area=520502000000")).Expect(HttpStatusCode.NotFound);

        // 市西街道's station worker records the community organizations of 市西, not of 市东 next door.
        using var shixi = await app.CreateClientAsync("shixi");
        var outside = await (await shixi.PostAsJsonAsync("/api/v1/organizations", Body("520502002000", "市东的组织", null, kind: "SocialGroup", status: "Incubating"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("区划不存在或不在您的管辖范围内", outside.GetProperty("errors").GetProperty("areaCode")[0].GetString());
        var serving = await (await shixi.PostAsJsonAsync("/api/v1/organizations",
            Body("520502001000", "服务市东的组织", null, kind: "SocialGroup", status: "Incubating", serviceAreas: ["520502002000"]))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不在您的管辖范围内", serving.GetProperty("errors").GetProperty("serviceAreas")[0].GetString(), StringComparison.Ordinal);
        var name = "市西测试互助会" + Guid.NewGuid().ToString("N")[..4];
        await Register(shixi, Body("520502001000", name, null, kind: "SocialGroup", status: "Incubating", serviceAreas: ["520502001001"]));
        // The county sees what its townships record.
        var list = await (await qixingguan.GetAsync("/api/v1/organizations?keyword=" + Uri.EscapeDataString(name))).Expect(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_kind_status_focus_and_code_sorts_and_pages()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var code = NewCode('3');
        await Register(huaibei, Body(township, "丙基金会", code, registeredOn: "2018-01-01", focusAreas: ["LegalServices"]));
        await Register(huaibei, Body(township, "甲协会", NewCode('1'), registeredOn: "2022-01-01", focusAreas: ["ElderlyCare", "LegalServices"]));
        await Register(huaibei, Body(township, "乙孵化组织", null, kind: "PrivateNonEnterprise", status: "Incubating", registeredOn: null, focusAreas: ["MentalHealth"]));

        async Task<List<string>> Names(string query)
        {
            var page = await (await huaibei.GetAsync($"/api/v1/organizations?area={township}&{query}")).Expect(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        }
        Assert.Equal(["丙基金会"], await Names("kind=Foundation"));
        Assert.Equal(["乙孵化组织"], await Names("status=Incubating"));
        Assert.Equal(["丙基金会", "甲协会"], (await Names("focus=LegalServices")).Order().ToList());
        Assert.Equal(["丙基金会"], await Names("keyword=" + code.ToLowerInvariant()));
        Assert.Equal(["甲协会", "丙基金会", "乙孵化组织"], await Names("sort=registered"));
        Assert.Equal("乙孵化组织", (await Names("sort=status"))[0]);
        var second = await (await huaibei.GetAsync($"/api/v1/organizations?area={township}&sort=registered&page=2&size=10")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Empty(second.GetProperty("items").EnumerateArray());
        var bad = await (await huaibei.GetAsync($"/api/v1/organizations?sort=age")).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task The_export_follows_the_search_masks_phones_and_is_audited()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        await Register(huaibei, Body(township, "导出测试中心", NewCode(), contactPhone: "13987654321"));
        await Register(huaibei, Body(township, "导出测试队", null, kind: "VolunteerTeam"));
        var response = await huaibei.GetAsync($"/api/v1/organizations/export?area={township}&kind=PrivateNonEnterprise");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        // Only the filtered kind is exported, with its phone masked.
        var row = Assert.Single(rows);
        Assert.Equal("导出测试中心", row["组织名称"]?.ToString());
        Assert.Equal("139****4321", row["联系电话"]?.ToString());
        Assert.DoesNotContain("13987654321", string.Join("|", row.Values), StringComparison.Ordinal);
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.Entity == nameof(Organization) && a.Action == AuditAction.Export && a.UserName == "huaibei" && a.AreaCode == township)));
    }

    [Fact]
    public async Task The_demo_places_have_their_organizations_with_valid_codes()
    {
        var all = await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Address != "测试路1号").ToListAsync());
        foreach (var name in new[] { "七星关区社工服务中心", "蒲公英公益协会", "九原区社工服务中心", "文汇社会工作服务中心" })
            Assert.Contains(all, o => o.Name == name && o.CreditCode is not null && Wushe.Platform.Validation.CreditCode.IsValid(o.CreditCode));
        Assert.All(all.Where(o => o.CreditCode is not null), o => Assert.Equal(o.Kind, Organization.KindOf(o.CreditCode)));
        foreach (var county in new[] { "5205", "3406", "150207", "370502" })
        {
            Assert.Contains(all, o => o.AreaCode.StartsWith(county, StringComparison.Ordinal) && o.Kind == OrganizationKind.VolunteerTeam && o.ParentId != null);
            Assert.Contains(all, o => o.AreaCode.StartsWith(county, StringComparison.Ordinal) && o.Status == OrganizationStatus.Incubating);
        }
    }
}
