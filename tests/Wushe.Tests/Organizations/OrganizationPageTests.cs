using System.Net;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Organizations;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Organizations;

/// <summary>The organization pages: the form names each bad field and keeps what was typed; 注销 through the details page.</summary>
public sealed class OrganizationPageTests(TestApp app)
{
    static Dictionary<string, string> Form(string area, string name, string code) => new()
    {
        ["Input.AreaCode"] = area, ["Input.Name"] = name, ["Input.CreditCode"] = code, ["Input.Kind"] = "", ["Input.Status"] = "Registered",
        ["Input.RegisteringAuthority"] = "淮北市测试县民政局", ["Input.RegisteredOn"] = "2021-03-15", ["Input.LegalRepresentative"] = "赵六",
        ["Input.ContactName"] = "钱七", ["Input.ContactPhone"] = "13911112222", ["Input.Address"] = "测试路2号",
        ["Input.FocusAreas"] = "WomenAndChildren", ["Input.ServiceAreas[0]"] = area, ["Input.ServiceAreas[1]"] = "",
    };

    public static TheoryData<string, string, string> Mistakes => new()
    {
        // field, value, the message beside it
        { "Input.CreditCode", "520502198001010349", "这是身份证号码，不是统一社会信用代码" },
        { "Input.CreditCode", "52340699MJ00000001", "统一社会信用代码校验位不正确" },
        { "Input.RegisteredOn", "2999-01-01", "登记日期不能晚于今天" },
        { "Input.RegisteredOn", "2026-02-30", "登记日期格式不正确" },
        { "Input.Kind", "Foundation", "组织类型由统一社会信用代码确定：民办非企业单位（社会服务机构）" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_bad_field_is_named_beside_it_what_was_typed_stays_and_nothing_is_saved(string field, string value, string message)
    {
        var township = await Places.NewTownshipAsync(app);
        var name = "页面测试中心" + Guid.NewGuid().ToString("N")[..4];
        var form = Form(township, name, OrganizationApiTests.NewCode());
        form[field] = value;
        using var session = await PageSession.SignInAsync(app, "huaibei");
        using var response = await session.PostFormAsync("/Organizations/Register", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"赵六\"", html, StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task An_organization_registered_on_the_page_shows_on_its_details_page_and_is_deregistered_there_with_a_reason()
    {
        var township = await Places.NewTownshipAsync(app);
        var name = "页面登记中心" + Guid.NewGuid().ToString("N")[..4];
        var code = OrganizationApiTests.NewCode();
        using var session = await PageSession.SignInAsync(app, "huaibei");
        using var created = await session.PostFormAsync("/Organizations/Register", Form(township, name, code));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/Organizations/Details/", details, StringComparison.Ordinal);
        var (status, html) = await session.GetAsync(details);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains("民办非企业单位", html, StringComparison.Ordinal);
        Assert.Contains("妇女儿童", html, StringComparison.Ordinal);
        Assert.Contains("139****2222", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13911112222", html, StringComparison.Ordinal);

        // The same code again on the page: named beside the field, the form kept.
        using var again = await session.PostFormAsync("/Organizations/Register", Form(township, name + "二", code));
        Assert.Contains("该统一社会信用代码已登记，不能重复登记", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 注销 without a reason is refused beside the reason; with one it is done and final.
        using var reasonless = await session.PostFormAsync(details + "?handler=Status", new() { ["Change.To"] = "Deregistered", ["Change.Reason"] = "" });
        Assert.Contains("变更原因不能为空", await reasonless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var done = await session.PostFormAsync(details + "?handler=Status", new() { ["Change.To"] = "Deregistered", ["Change.Reason"] = "经登记管理机关核准注销" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = (await session.GetAsync(details)).Html;
        Assert.Contains("已注销", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deregister\"", after, StringComparison.Ordinal);
        Assert.Equal(OrganizationStatus.Deregistered, await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == name).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_list_page_searches_keeps_the_search_in_its_paging_and_says_what_to_do_when_empty()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var (status, html) = await session.GetAsync("/Organizations?keyword=" + Uri.EscapeDataString("七星关区社工服务中心"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("七星关区社工服务中心", html, StringComparison.Ordinal);
        Assert.Contains("handler=Export", html, StringComparison.Ordinal);
        var (_, none) = await session.GetAsync("/Organizations?keyword=" + Uri.EscapeDataString("不存在的组织名"));
        Assert.Contains("没有符合条件的社会组织", none, StringComparison.Ordinal);
        var (_, unparsed) = await session.GetAsync("/Organizations?status=Closed");
        Assert.Contains("状态", unparsed, StringComparison.Ordinal);
        var (export, _) = await session.GetAsync("/Organizations?handler=Export&kind=VolunteerTeam");
        Assert.Equal(HttpStatusCode.OK, export);
    }

    [Fact]
    public async Task The_home_page_figures_are_the_totals_of_the_lists_they_link_to()
    {
        // The figures count the scope's own register, so their links leave out those registered above (above=false).
        using var api = await app.CreateClientAsync("jiuyuan");
        using var session = await PageSession.SignInAsync(app, "jiuyuan");
        var (_, html) = await session.GetAsync("/");
        foreach (var (id, query) in new[] { ("kpi-organizations", "status=Registered&above=false"), ("kpi-incubating", "incubation=InProgress&above=false"),
            ("kpi-teams", "kind=VolunteerTeam&above=false"), ("kpi-suspended", "status=Suspended&above=false") })
        {
            var total = (await (await api.GetAsync("/api/v1/organizations?" + query)).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
            var card = System.Text.RegularExpressions.Regex.Match(html, $"href=\"/Organizations\\?{query}\" id=\"{id}\".*?kpi-value\">(\\d+)<", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(card.Success, $"{id} links to /Organizations?{query}");
            Assert.Equal(total, int.Parse(card.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
