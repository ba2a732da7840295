using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Casework;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// Review 7c, the LOW items of wording, figures and exports: messages that name their field in UI.md's words (17), a card's
/// every bad field in one pass (26), visitors without a doubled or untranslated role (25), audit records in words (18),
/// area names in exports (19), the figures of volunteers', organization staff's and heads' homes (16, 20), and the unique
/// people served opening the people counted (36).
/// </summary>
public sealed class WordingAndFiguresTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    async Task<(TestUsers.Made Worker, TestHouseholds.Made Household)> PlaceAsync()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        return (worker, await TestHouseholds.CreateAsync(app, community, workerId: worker.Id));
    }

    [Fact]
    public void A_text_with_only_a_maximum_says_it_cannot_be_longer_in_UI_words()
    {
        using var _ = new ChineseCulture();
        var errors = new Errors().Text("livingConditions", new string('长', 1001), "生活状况", "Living conditions", 0, 1000, required: false)
            .Text("name", new string('长', 51), "姓名", "Name", 2, 50);
        var all = errors.ToFailure().Errors!;
        Assert.Equal(["生活状况不能超过 1000 字"], all["livingConditions"]);
        // A real minimum keeps UI.md's "长度必须介于 2 和 20 之间".
        Assert.Equal(["姓名长度必须介于 2 和 50 之间"], all["name"]);
    }

    [Fact]
    public async Task The_visit_form_names_the_social_worker_field_of_a_bad_value_and_the_length_in_UI_words()
    {
        // review7c 17: "“12a”格式不正确" without the field; "生活状况长度必须介于 0 和 1000 之间".
        var (worker, household) = await PlaceAsync();
        using var session = await PageSession.SignInAsync(app, worker.UserName);
        using var response = await session.PostFormAsync($"/Households/Visit?household={household.Id}", new()
        {
            ["Input.VisitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Method"] = "InPerson", ["Input.SocialWorkers"] = "12a",
            ["Input.LivingConditions"] = new string('长', 1001),
        }, tokenFrom: $"/Households/Visit?household={household.Id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("探访社工格式不正确", html, StringComparison.Ordinal);
        Assert.DoesNotContain("“12a”格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("生活状况不能超过 1000 字", html, StringComparison.Ordinal);
        Assert.DoesNotContain("介于 0 和", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == household.Id)));
    }

    [Fact]
    public async Task A_card_with_an_unknown_colour_a_short_reason_and_a_bad_date_names_all_three_at_once()
    {
        // review7c 26: the unknown colour was named only on the next pass (API and page).
        var (worker, household) = await PlaceAsync();
        using var client = await app.CreateClientAsync(worker.UserName);
        var json = """{"colour":"purple","reason":"x","assignedOn":"2026-13-01"}""";
        var errors = (await (await client.PostAsync($"/api/v1/households/{household.Id}/card", new StringContent(json, Encoding.UTF8, "application/json")))
            .Expect(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "colour", "reason", "assignedOn" })
            Assert.True(errors.TryGetProperty(field, out _), field + ": " + errors);
        Assert.Contains("户卡颜色须为", errors.GetProperty("colour")[0].GetString(), StringComparison.Ordinal);

        using var session = await PageSession.SignInAsync(app, worker.UserName);
        using var response = await session.PostFormAsync($"/Households/Card?household={household.Id}", new()
        {
            ["Input.Colour"] = "purple", ["Input.Reason"] = "x", ["Input.AssignedOn"] = "2026-13-01",
        }, tokenFrom: $"/Households/Card?household={household.Id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var message in new[] { "户卡颜色须为", "调整原因长度必须介于 2 和 500 之间", "调整日期格式不正确" })
            Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Null(await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == household.Id).Select(h => h.CardColour).SingleAsync()));
    }

    [Fact]
    public void A_volunteer_whose_name_says_so_is_not_marked_twice()
    {
        using var _ = new ChineseCulture();
        Assert.Equal("市西街道社工站 谢社工、志愿者 柏青", VisitorLine.Of([("志愿者 柏青", ParticipantKind.Volunteer), ("市西街道社工站 谢社工", ParticipantKind.SocialWorker)]));
        Assert.Equal("刘社工、冯小雨（志愿者）", VisitorLine.Of([("刘社工", ParticipantKind.SocialWorker), ("冯小雨", ParticipantKind.Volunteer)]));
    }

    [Fact]
    public async Task A_joint_visits_visitors_read_in_the_pages_language_without_a_doubled_volunteer()
    {
        // review7c 25: "市西街道社工站 谢社工、志愿者 柏青（志愿者）" on English pages too.
        var household = await app.Query(db => db.Set<VisitParticipant>().IgnoreQueryFilters()
            .Where(p => p.Kind == ParticipantKind.Volunteer && p.AreaCode.StartsWith("520502001")).Select(p => p.HouseholdId).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "shixi");
        var (_, chinese) = await session.GetAsync($"/Households/Details?id={household}");
        Assert.Contains("志愿者 柏青", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("柏青（志愿者）", chinese, StringComparison.Ordinal);
        await session.GetAsync("/lang/en?returnUrl=/");
        foreach (var url in new[] { $"/Households/Details?id={household}", "/Households/ServiceRecords?size=100" })
        {
            var (status, html) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("（志愿者）", html, StringComparison.Ordinal);
            Assert.DoesNotContain("柏青 (volunteer)", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_audit_of_a_summary_export_and_of_a_case_reveal_reads_in_words()
    {
        // review7c 18: entity "ServiceRecord", field "year" = "2026;months=1-12"; a case reveal's field "phone".
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        using var client = await app.CreateClientAsync(worker.UserName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/service-records/summary/export?area={township}")).StatusCode);
        var caseId = await app.Query(db => db.Set<Case>().IgnoreQueryFilters().Select(c => c.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "phone", reason = "越权查看" })).StatusCode);

        using var admin = await app.CreateClientAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var items = (await (await admin.GetAsync($"/api/v1/audit?userName={worker.UserName}&size=100")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        var export = items.Single(r => r.GetProperty("action").GetString() == "Export");
        Assert.Equal("服务记录", export.GetProperty("entityName").GetString());
        var changes = export.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
        Assert.Contains(changes, t => t!.StartsWith("统计期间：", StringComparison.Ordinal) && t.Contains($"{Today.Year}-01~", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, t => t!.Contains("months", StringComparison.Ordinal) || t.Contains("year", StringComparison.Ordinal));
        var reveal = items.Single(r => r.GetProperty("action").GetString() == "Reveal");
        Assert.Equal("联系电话", reveal.GetProperty("changes")[0].GetProperty("fieldName").GetString());
    }

    [Fact]
    public async Task Case_and_guardianship_exports_name_the_area()
    {
        // review7c 19: only the 12-digit code.
        using var client = await app.CreateClientAsync("shixi");
        foreach (var (url, column) in new[] { ("/api/v1/cases/export", "所属区划"), ("/api/v1/guardianship/export", "所属社区（村）") })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r =>
            {
                var name = r[column]?.ToString() ?? "";
                Assert.False(string.IsNullOrEmpty(name) || name.All(char.IsAsciiDigit), $"{url}: {column} is \"{name}\"");
            });
        }
    }

    [Theory]
    [InlineData("bijie.zyz")]
    [InlineData("org.staff")]
    public async Task Volunteers_and_organization_staff_see_their_visited_households_as_a_figure_linked_to_the_list(string login)
    {
        // review7c 20.
        using var api = await app.CreateClientAsync(login);
        var total = (await (await api.GetAsync("/api/v1/households/linked")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.True(total > 0);
        using var session = await PageSession.SignInAsync(app, login);
        var (_, home) = await session.GetAsync("/");
        var kpi = System.Text.RegularExpressions.Regex.Match(home, "<a class=\"card card-body kpi-link\" href=\"/Households/Linked\" id=\"kpi-linked\">.*?<div class=\"kpi-value\">(\\d+)<",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(kpi.Success, "No linked figure on the home page of " + login);
        Assert.Equal(total, int.Parse(kpi.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Households/Linked")).Status);
    }

    [Fact]
    public async Task A_station_head_is_called_head_and_community_staff_are_not_told_households_come_later()
    {
        // review7c 20 (the head's subtitle) and 16 (后续开放 listed households and visits).
        using (var head = await PageSession.SignInAsync(app, "shixi.zz"))
            Assert.Contains("社工站站长", (await head.GetAsync("/")).Html, StringComparison.Ordinal);
        using (var worker = await PageSession.SignInAsync(app, "shixi"))
            Assert.DoesNotContain("社工站站长", (await worker.GetAsync("/")).Html, StringComparison.Ordinal);
        using var community = await PageSession.SignInAsync(app, "shixi.sq");
        var (_, html) = await community.GetAsync("/");
        var later = html[html.IndexOf("后续开放", StringComparison.Ordinal)..];
        later = later[..later.IndexOf("</ul>", StringComparison.Ordinal)];
        foreach (var open in new[] { "家庭户", "探访", "户卡", "个案" })
            Assert.DoesNotContain(open, later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unique_people_figure_opens_the_list_of_the_people_it_counts()
    {
        // review7c 36: 服务人数（去重） opened the service records (12,525 rows for 240 people).
        using var session = await PageSession.SignInAsync(app, "shixi");
        var (_, html) = await session.GetAsync("/Households/Services");
        var link = System.Text.RegularExpressions.Regex.Match(html, "id=\"link-people\" href=\"([^\"]+)\"[^>]*>.*?id=\"kpi-people\">([\\d,]+)<", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(link.Success, "No link on the unique people figure");
        var url = WebUtility.HtmlDecode(link.Groups[1].Value);
        var figure = int.Parse(link.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("/Households/ServedPeople?", url, StringComparison.Ordinal);
        Assert.True(figure > 0);
        var (status, list) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"共 {figure} 人", list, StringComparison.Ordinal);

        // The API says the same, and each person once.
        using var api = await app.CreateClientAsync("shixi");
        // The API refuses an empty kind (kind=) that the page reads as "any kind".
        var query = url[url.IndexOf('?', StringComparison.Ordinal)..].Replace("kind=&", "", StringComparison.Ordinal);
        var page = await (await api.GetAsync($"/api/v1/service-records/people{query}&size=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(figure, page.GetProperty("total").GetInt32());
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("residentId").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // review7d 7: each community's unique people is a link too, to a list of as many people.
        var children = System.Text.RegularExpressions.Regex.Matches(html, "class=\"child-people\" href=\"([^\"]+)\">([\\d,]+)<");
        Assert.NotEmpty(children);
        foreach (var child in children.Take(3))
        {
            var (_, childList) = await session.GetAsync(WebUtility.HtmlDecode(child.Groups[1].Value));
            Assert.Contains($"共 {child.Groups[2].Value.Replace(",", "", StringComparison.Ordinal)} 人", childList, StringComparison.Ordinal);
        }
        Assert.Contains("id=\"summary-total\"", html, StringComparison.Ordinal);
    }
}
