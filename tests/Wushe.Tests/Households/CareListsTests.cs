using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Households;

/// <summary>
/// The lists behind the care figures: the overdue page lists every township of the scope (zeros too), each home figure is the
/// total of the list it opens (重点人群 included, through <c>tagged=true</c>), the household page offers 记录探访 once.
/// </summary>
public sealed partial class CareListsTests(TestApp app)
{
    [GeneratedRegex("id=\"(kpi-[a-z-]+)\" ?[^>]*>.*?<div class=\"kpi-value\">(\\d+)<", RegexOptions.Singleline)]
    private static partial Regex KpiValue();

    [GeneratedRegex("<a class=\"card card-body kpi-link\" href=\"([^\"]+)\" id=\"(kpi-[a-z-]+)\"")]
    private static partial Regex KpiLink();

    [Fact]
    public async Task The_overdue_page_of_a_county_lists_every_township_with_zeros_for_those_without_households()
    {
        var townships = await app.Query(db => db.Areas.Where(a => a.Level == AreaLevel.Township && a.ValidTo == null && a.Code.StartsWith("150207"))
            .Select(a => new { a.Code, a.Name }).ToListAsync());
        Assert.True(townships.Count >= 3);
        using var client = await app.CreateClientAsync("jiuyuan");
        var figures = await (await client.GetAsync("/api/v1/households/overdue-by-township?size=100")).Expect(HttpStatusCode.OK);
        Assert.Equal("Township", figures.GetProperty("level").GetString());
        var rows = figures.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(townships.Select(t => t.Code).Order(), rows.Select(r => r.GetProperty("areaCode").GetString()!).Order());
        var empty = rows.Where(r => r.GetProperty("active").GetInt32() == 0).ToList();
        Assert.NotEmpty(empty);
        Assert.All(empty, r => Assert.Equal((0, 0), (r.GetProperty("overdue").GetInt32(), r.GetProperty("dueThisWeek").GetInt32())));
        // The ones with households first.
        Assert.True(rows[0].GetProperty("active").GetInt32() > 0);

        // The page says the same: a township without households is a row of zeros.
        using var session = await PageSession.SignInAsync(app, "jiuyuan");
        var (status, html) = await session.GetAsync("/Households/Overdue");
        Assert.Equal(HttpStatusCode.OK, status);
        var name = townships.Single(t => t.Code == empty[0].GetProperty("areaCode").GetString()).Name;
        (_, html) = await session.GetAsync("/Households/Overdue?size=100");
        Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        Assert.Equal(townships.Count, Regex.Count(html, "<tr>\\s*<td[^>]*>\\d+</td>"));

        // Under one township: that township alone; under one of its communities: that community alone (review7c 27).
        var under = await (await client.GetAsync("/api/v1/households/overdue-by-township?area=150207003000")).Expect(HttpStatusCode.OK);
        Assert.Equal("150207003000", Assert.Single(under.GetProperty("rows").GetProperty("items").EnumerateArray()).GetProperty("areaCode").GetString());
        under = await (await client.GetAsync("/api/v1/households/overdue-by-township?area=150207003001")).Expect(HttpStatusCode.OK);
        Assert.Equal("150207003001", Assert.Single(under.GetProperty("rows").GetProperty("items").EnumerateArray()).GetProperty("areaCode").GetString());
    }

    [Fact]
    public async Task Every_care_figure_of_the_home_page_is_the_total_of_the_list_it_opens()
    {
        // 赛汗街道: a demo township no other test registers households in.
        using var session = await PageSession.SignInAsync(app, "saihan");
        var (_, html) = await session.GetAsync("/");
        var values = KpiValue().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var links = KpiLink().Matches(html).ToDictionary(m => m.Groups[2].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Equal("/Households?tagged=true&status=Active", links["kpi-key-groups"]);
        using var api = await app.CreateClientAsync("saihan");
        foreach (var kpi in new[] { "kpi-households", "kpi-overdue", "kpi-due-week", "kpi-key-groups" })
        {
            var query = links[kpi].Split('?')[1];
            var list = await (await api.GetAsync("/api/v1/households?" + query)).Expect(HttpStatusCode.OK);
            Assert.True(values[kpi] == list.GetProperty("total").GetInt32(), $"{kpi} shows {values[kpi]}, its list ({query}) has {list.GetProperty("total").GetInt32()}.");
            // And the page of the list says the same total.
            var (_, page) = await session.GetAsync(links[kpi]);
            Assert.Contains($"共 {values[kpi]} 条", page, StringComparison.Ordinal);
        }
        // The key groups are not every household: the stable ones have no tag.
        Assert.True(values["kpi-key-groups"] is > 0 && values["kpi-key-groups"] < values["kpi-households"], $"{values["kpi-key-groups"]} of {values["kpi-households"]}");
        var untagged = await (await api.GetAsync("/api/v1/households?tagged=false&status=Active")).Expect(HttpStatusCode.OK);
        Assert.Equal(values["kpi-households"], values["kpi-key-groups"] + untagged.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_household_page_offers_record_a_visit_once()
    {
        var id = await app.Query(db => db.Set<Household>().Where(h => h.AreaCode.StartsWith("150207002") && h.Status == HouseholdStatus.Active).Select(h => h.Id).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "saihan");
        foreach (var url in new[] { $"/Households/Details/{id}", $"/Households/Details?id={id}" })
        {
            var (status, html) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Single(Regex.Matches(html, "记录探访"));
            Assert.Single(Regex.Matches(html, Regex.Escape($"href=\"/Households/Visit?household={id}\"")));
        }
    }
}
