using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Households;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Export;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// The care pages as their users meet them (review 7b): My visits opens on what a head or community staff can use, bureaus
/// oversee through the overdue figures (per county, drilled down, sorted, paged, exported), English pages say every card,
/// scheme, relation and visit summary in English, the register form reads right for an adult.
/// </summary>
public sealed partial class CareViewsTests(TestApp app)
{
    [GeneratedRegex("<select class=\"form-select form-select-sm\" name=\"mine\"[^>]*>\\s*<option value=\"true\"( selected=\"selected\")?")]
    private static partial Regex MineSelected();

    // Review 7b F5: a station head and community staff carry no households: "mine" opened on zeros and 暂无数据.
    [Theory]
    [InlineData("shixi.zz", false, true)]
    [InlineData("shixi.sq", false, false)]
    [InlineData("shixi", true, false)]
    public async Task My_visits_opens_on_mine_only_for_whoever_carries_households(string login, bool mine, bool perWorker)
    {
        using var api = await app.CreateClientAsync(login);
        var list = await (await api.GetAsync("/api/v1/households/my-visits")).Expect(HttpStatusCode.OK);
        Assert.Equal(mine, list.GetProperty("mine").GetBoolean());
        if (!mine) Assert.True(list.GetProperty("page").GetProperty("total").GetInt32() > 0, $"{login} opens on an empty list.");

        using var session = await PageSession.SignInAsync(app, login);
        var (status, html) = await session.GetAsync("/Households/MyVisits");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(mine, MineSelected().Match(html).Groups[1].Success);
        // A station head sees the per-worker summary at once.
        Assert.Equal(perWorker, html.Contains("id=\"by-worker\"", StringComparison.Ordinal));
        if (perWorker) Assert.Contains("谢社工", html, StringComparison.Ordinal);
    }

    // Review 7b F34: 我的探访 is a visitor's to-do list; a bureau's menu offers the overdue figures, and the page and API agree.
    [Theory]
    [InlineData("bijie")]
    [InlineData("qixingguan")]
    public async Task A_bureau_has_the_overdue_figures_and_not_my_visits_in_menu_page_and_api_alike(string login)
    {
        using var session = await PageSession.SignInAsync(app, login);
        var (_, home) = await session.GetAsync("/");
        Assert.DoesNotContain("href=\"/Households/MyVisits\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Households/Overdue\"", home, StringComparison.Ordinal);
        // A browser is sent to the 没有权限 page (403), as for any page the role may not open.
        using (var refused = await session.Client.GetAsync("/Households/MyVisits"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(refused.Headers.Location!.ToString())).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Households/Overdue")).Status);
        using var api = await app.CreateClientAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/households/my-visits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/households/my-visits/export")).StatusCode);

        // Those who visit keep it.
        using var worker = await PageSession.SignInAsync(app, "shixi.sq");
        Assert.Contains("href=\"/Households/MyVisits\"", (await worker.GetAsync("/")).Html, StringComparison.Ordinal);
    }

    // Review 7b F25: a city's overdue figures were one flat table of 279 townships, no county, no paging, sort or export.
    [Fact]
    public async Task A_citys_overdue_figures_are_per_county_drill_down_to_townships_sort_page_and_export()
    {
        var counties = await app.Query(db => db.Areas.Where(a => a.Level == AreaLevel.County && a.ValidTo == null && a.Code.StartsWith("5205"))
            .Select(a => a.Code).ToListAsync());
        Assert.True(counties.Count > 5);
        using var api = await app.CreateClientAsync("bijie");
        var city = await (await api.GetAsync("/api/v1/households/overdue-by-township")).Expect(HttpStatusCode.OK);
        Assert.Equal("County", city.GetProperty("level").GetString());
        var rows = city.GetProperty("rows");
        Assert.Equal(counties.Count, rows.GetProperty("total").GetInt32());
        Assert.Equal(20, rows.GetProperty("size").GetInt32());
        var all = (await (await api.GetAsync("/api/v1/households/overdue-by-township?size=100")).Expect(HttpStatusCode.OK)).GetProperty("rows").GetProperty("items")
            .EnumerateArray().ToList();
        Assert.Equal(counties.Order(), all.Select(r => r.GetProperty("areaCode").GetString()!).Order());
        // Most overdue first; the totals are the rows'.
        var overdue = all.Select(r => r.GetProperty("overdue").GetInt32()).ToList();
        Assert.Equal(overdue.OrderDescending(), overdue);
        Assert.True(overdue[0] > 0);
        Assert.Equal(overdue.Sum(), city.GetProperty("overdue").GetInt32());
        var byArea = (await (await api.GetAsync("/api/v1/households/overdue-by-township?size=100&sort=area")).Expect(HttpStatusCode.OK)).GetProperty("rows")
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("areaCode").GetString()!).ToList();
        Assert.Equal(byArea.Order(StringComparer.Ordinal), byArea);
        await (await api.GetAsync("/api/v1/households/overdue-by-township?sort=nope")).Expect(HttpStatusCode.BadRequest);

        // A county opens its townships.
        var county = all[0].GetProperty("areaCode").GetString()!;
        var down = await (await api.GetAsync($"/api/v1/households/overdue-by-township?area={county}&size=100")).Expect(HttpStatusCode.OK);
        Assert.Equal("Township", down.GetProperty("level").GetString());
        var townships = down.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("areaCode").GetString()!).ToList();
        Assert.NotEmpty(townships);
        Assert.All(townships, t => Assert.True(t.StartsWith(county[..6], StringComparison.Ordinal) && AreaCode.LevelOf(t) == AreaLevel.Township, t));
        Assert.Equal(all[0].GetProperty("overdue").GetInt32(), down.GetProperty("overdue").GetInt32());

        // The page: a 区县 column whose names drill down, a pager, 导出 giving every row.
        using var session = await PageSession.SignInAsync(app, "bijie");
        var (_, html) = await session.GetAsync("/Households/Overdue");
        Assert.Contains("<th>区县</th>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Households/Overdue?area={county}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"export-overdue\"", html, StringComparison.Ordinal);
        Assert.Contains($"共 {counties.Count} 条", html, StringComparison.Ordinal);
        var (_, townshipPage) = await session.GetAsync($"/Households/Overdue?area={county}");
        Assert.Contains("<th>乡镇（街道）</th>", townshipPage, StringComparison.Ordinal);
        Assert.Contains("due=Overdue", townshipPage, StringComparison.Ordinal);
        var file = await session.Client.GetAsync("/Households/Overdue?handler=Export&sort=area");
        Assert.Equal(Spreadsheet.XlsxContentType, file.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(counties.Count, sheet.Count);
        Assert.Equal(byArea, sheet.Select(r => r["区划代码"]?.ToString() ?? "").ToList());
        var fromApi = await api.GetAsync("/api/v1/households/overdue-by-township/export?sort=area");
        Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
    }

    // Review 7b F21/F33: English pages showed 黄卡 / 蓝卡 / 红卡, "杨建国 (本人)", "…（入户）", a Chinese scheme name, "1 days overdue".
    [Fact]
    public async Task English_pages_name_cards_schemes_relations_and_visit_summaries_in_English()
    {
        using var api = await app.CreateClientAsync("shixi");
        var households = (await (await api.GetAsync("/api/v1/households?size=100")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        var carded = households.First(h => h.GetProperty("cardName").ValueKind == JsonValueKind.String).GetProperty("id").GetGuid();
        string[] chineseCards = ["红卡", "黄卡", "蓝卡"];

        using var session = await PageSession.SignInAsync(app, "shixi");
        await session.GetAsync("/lang/en?returnUrl=/");
        foreach (var url in new[] { "/Households/MyVisits?mine=false", "/Households", $"/Households/Details?id={carded}", $"/Households/Visit?household={carded}",
                     $"/Households/Card?household={carded}", "/Households/Settings" })
        {
            var (status, html) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.All(chineseCards, c => Assert.False(html.Contains(c, StringComparison.Ordinal), $"{url} shows {c} in English."));
            Assert.DoesNotContain("本人", html, StringComparison.Ordinal);
        }
        var (_, details) = await session.GetAsync($"/Households/Details?id={carded}");
        Assert.Matches("(Red|Yellow|Blue) card", details);
        Assert.Contains("(Self)", details, StringComparison.Ordinal);
        var (_, settings) = await session.GetAsync("/Households/Settings");
        Assert.Contains("Bijie red-yellow-blue tiered visiting", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("毕节市红黄蓝分级访视", settings, StringComparison.Ordinal);
        var (_, records) = await session.GetAsync("/Households/ServiceRecords");
        Assert.Contains("(In person)", records, StringComparison.Ordinal);
        Assert.DoesNotContain("（入户）", records, StringComparison.Ordinal);

        // The export of My visits speaks the page's language too.
        using var file = new MemoryStream(await session.Client.GetByteArrayAsync("/Households/MyVisits?handler=Export&mine=false"));
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain(r["Card"]?.ToString(), chineseCards));

        // The Chinese pages keep the Chinese names.
        using var chinese = await PageSession.SignInAsync(app, "shixi");
        Assert.Contains("本人", (await chinese.GetAsync($"/Households/Details?id={carded}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_overdue_reads_singular_for_one_day_in_English()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("1 day overdue", DueLabels.Overdue(1));
            Assert.Equal("2 days overdue", DueLabels.Overdue(2));
            Assert.Equal("Self", Consent.RelationLabel("本人"));
            Assert.Equal("Mother", Consent.RelationLabel("母亲"));
            Assert.Equal("干妈", Consent.RelationLabel("干妈"));
            CultureInfo.CurrentUICulture = new CultureInfo(Lang.Chinese);
            Assert.Equal("逾期 1 天", DueLabels.Overdue(1));
            Assert.Equal("本人", Consent.RelationLabel("Self"));
        }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    // The registration's own consent of an adult was stored as "Self" when registered from an English page.
    [Fact]
    public async Task An_adults_own_consent_is_stored_as_本人_whatever_the_page_language()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Wushe.Platform.Access.Role.StationWorker, community[..9] + "000");
        using var english = await app.CreateClientAsync(worker.UserName);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var head = TestHouseholds.Head() with { ConsentOn = new DateOnly(2026, 1, 5) };
        var made = await (await english.PostAsJsonAsync("/api/v1/households", new RegisterHousehold.Request(community, "英文路1号", [head]))).Expect(HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        var relations = await app.Query(db => (from c in db.Set<Consent>().IgnoreQueryFilters()
                                               join r in db.Set<Resident>().IgnoreQueryFilters() on c.ResidentId equals r.Id
                                               where r.HouseholdId == id select c.Relation).ToListAsync());
        Assert.Equal("本人", Assert.Single(relations));
    }

    // Review 7b F10: a Jiuyuan street as every place's example; the adult's consent date inside the guardian box.
    [Fact]
    public async Task The_register_form_has_a_neutral_address_example_and_the_consent_date_outside_the_guardian_box()
    {
        using var session = await PageSession.SignInAsync(app, "shixi");
        var (_, html) = await session.GetAsync("/Households/Register");
        Assert.DoesNotContain("沙河街道", html, StringComparison.Ordinal);
        Assert.Contains("如：XX小区3栋2单元501", html, StringComparison.Ordinal);
        var box = html.LastIndexOf("<div", html.IndexOf("id=\"guardian-box\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var consent = html.LastIndexOf("<div", html.IndexOf("id=\"consent-on-row\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var date = html.IndexOf("id=\"Resident_ConsentOn\"", StringComparison.Ordinal);
        Assert.True(box > 0 && consent > box && date > consent);
        // The guardian box ends before the consent row begins: count the divs opened and closed between them.
        var between = html[box..consent];
        Assert.Equal(Regex.Count(between, "<div"), Regex.Count(between, "</div>"));
    }
}
