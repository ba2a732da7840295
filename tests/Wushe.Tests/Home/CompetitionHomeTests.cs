using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Home;

/// <summary>
/// The home page's 公益创投 figures (issue 12), on SQLite and PostgreSQL: a host's open calls, applications awaiting 初审, awards in
/// progress and their money; an organization's open calls and applications by status; a judge's assignments still to score — each the
/// total of the list it links to, read by the same user, and none of another area's or another organization's.
/// </summary>
public sealed partial class CompetitionHomeTests(TestApp app)
{
    // A figure's anchor, then its value before the next figure's anchor.
    [GeneratedRegex("""id="(kpi-[a-z-]+)"[^>]*>(?:(?!id="kpi-).)*?<div class="kpi-value[^"]*">([^<]+)<""", RegexOptions.Singleline)]
    private static partial Regex KpiValue();

    /// <summary>The figures of the page by their anchor's id ("kpi-calls-open" → "1", "kpi-awards-money" → "¥50,000.00").</summary>
    static Dictionary<string, string> Kpis(string html) =>
        KpiValue().Matches(html).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.First().Groups[2].Value.Trim());

    static async Task<int> TotalAsync(HttpClient api, string url) => (await (await api.GetAsync(url)).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();

    /// <summary>A call's applications list's total (its page sits under "applications").</summary>
    static async Task<int> ApplicationsTotalAsync(HttpClient api, string url) =>
        (await (await api.GetAsync(url)).Expect(HttpStatusCode.OK)).GetProperty("applications").GetProperty("total").GetInt32();

    [Fact]
    public async Task A_host_sees_its_calls_screening_and_awards_as_the_lists_count_them_and_nothing_of_another_township()
    {
        var township = await Places.NewTownshipAsync(app);
        var other = await Places.NewTownshipAsync(app);
        var host = await app.CreateUserAsync(role: Role.StationWorker, areaCode: township);
        using var api = await app.CreateClientAsync(host);
        var now = DateTimeOffset.UtcNow;
        var organization = await TestOrganizations.CreateAsync(app, township, kind: Wushe.Features.Organizations.OrganizationKind.SocialGroup);
        var second = await TestOrganizations.CreateAsync(app, township, kind: Wushe.Features.Organizations.OrganizationKind.SocialGroup);

        // Open now; a draft (not open); one past its deadline with two submitted (awaiting 初审) and one screened; one whose awards are confirmed.
        await TestCompetitions.CreateCallAsync(app, township);
        await TestCompetitions.CreateCallAsync(app, township, status: CompetitionStatus.Draft);
        var closed = await TestCompetitions.CreateCallAsync(app, township, opensAt: now.AddDays(-30), closesAt: now.AddDays(-1));
        await TestCompetitions.CreateApplicationAsync(app, closed, organization, ApplicationStatus.Submitted);
        await TestCompetitions.CreateApplicationAsync(app, closed, second, ApplicationStatus.Submitted);
        await TestCompetitions.CreateApplicationAsync(app, closed, await TestOrganizations.CreateAsync(app, township), ApplicationStatus.Eligible);
        var decided = await TestCompetitions.CreateCallAsync(app, township, opensAt: now.AddDays(-60), closesAt: now.AddDays(-30));
        var a = await TestCompetitions.CreateApplicationAsync(app, decided, organization, requestedFen: 20_000_00);
        var b = await TestCompetitions.CreateApplicationAsync(app, decided, second, requestedFen: 15_000_00);
        await TestAwards.NoticeAsync(app, decided, [(a, 20_000_00), (b, 15_000_00)]);
        await (await api.PostAsync($"/api/v1/competitions/{decided}/awards", null)).Expect(HttpStatusCode.OK);
        var award = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(w => w.ApplicationId == a).Select(w => w.Id).SingleAsync());
        await TestAwards.SignAsync(app, award, Wushe.Platform.ChinaTime.Today(TimeProvider.System));
        await (await api.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 1 })).Expect(HttpStatusCode.OK);

        // Another township's open call with an application awaiting 初审: not this host's.
        var elsewhere = await TestCompetitions.CreateCallAsync(app, other);
        await TestCompetitions.CreateApplicationAsync(app, elsewhere, await TestOrganizations.CreateAsync(app, other), ApplicationStatus.Submitted);

        using var session = await PageSession.SignInAsync(app, host);
        var (status, html) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        var kpi = Kpis(html);
        Assert.Equal("1", kpi["kpi-calls-open"]);
        Assert.Equal("2", kpi["kpi-applications-screening"]);
        Assert.Equal("2", kpi["kpi-awards-active"]);
        Assert.Equal("¥35,000.00", kpi["kpi-awards-money"]);
        Assert.Contains("已拨付 ¥8,000.00", html, StringComparison.Ordinal);
        Assert.Contains("涉及 1 期公益创投", html, StringComparison.Ordinal);

        // Each figure is the total of the list behind its link, read by the same host.
        Assert.Contains("href=\"/Competitions?phase=Open\" id=\"kpi-calls-open\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await TotalAsync(api, "/api/v1/competitions?phase=Open"));
        Assert.Contains("href=\"/Competitions?phase=Screening\" id=\"kpi-applications-screening\"", html, StringComparison.Ordinal);
        var screening = await (await api.GetAsync("/api/v1/competitions?phase=Screening")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, screening.GetProperty("total").GetInt32());
        Assert.Equal(closed, screening.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, screening.GetProperty("items")[0].GetProperty("awaitingScreening").GetInt32());
        Assert.Equal(2, await ApplicationsTotalAsync(api, $"/api/v1/competitions/{closed}/applications?status=Submitted"));
        Assert.Contains("href=\"/Competitions/Awards?status=Active\" id=\"kpi-awards-active\"", html, StringComparison.Ordinal);
        Assert.Equal(2, await TotalAsync(api, "/api/v1/competitions/awards?status=Active"));
        var awards = await (await api.GetAsync("/api/v1/competitions/awards?size=100")).Expect(HttpStatusCode.OK);
        Assert.Equal(35_000_00, awards.GetProperty("items").EnumerateArray().Sum(r => r.GetProperty("amountFen").GetInt64()));
        Assert.Equal(8_000_00, awards.GetProperty("items").EnumerateArray().Sum(r => r.GetProperty("releasedFen").GetInt64()));

        // The pages behind the links list the same.
        var open = await session.Client.GetStringAsync("/Competitions?phase=Open");
        Assert.Contains("共 1 条", open, StringComparison.Ordinal);
        var waiting = await session.Client.GetStringAsync("/Competitions?phase=Screening");
        Assert.Contains($"id=\"call-{closed}\"", waiting, StringComparison.Ordinal);
        Assert.Contains("待初审 2 份", waiting, StringComparison.Ordinal);

        // Screening one leaves one waiting, on the figure and the list alike.
        var first = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(x => x.CompetitionId == closed && x.Status == ApplicationStatus.Submitted).Select(x => x.Id).FirstAsync());
        await (await api.PostAsJsonAsync($"/api/v1/competitions/applications/{first}/screen", new { outcome = "Eligible" })).Expect(HttpStatusCode.OK);
        Assert.Equal("1", Kpis((await session.GetAsync("/")).Html)["kpi-applications-screening"]);
        Assert.Equal(1, await ApplicationsTotalAsync(api, $"/api/v1/competitions/{closed}/applications?status=Submitted"));
    }

    [Fact]
    public async Task Organization_staff_see_the_calls_open_to_them_and_their_applications_by_status_each_linked_to_its_list()
    {
        var township = await Places.NewTownshipAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, township, kind: Wushe.Features.Organizations.OrganizationKind.SocialGroup);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);
        var now = DateTimeOffset.UtcNow;
        var open = await TestCompetitions.CreateCallAsync(app, township);
        var another = await TestCompetitions.CreateCallAsync(app, township);
        var closed = await TestCompetitions.CreateCallAsync(app, township, opensAt: now.AddDays(-30), closesAt: now.AddDays(-1));
        await TestCompetitions.CreateApplicationAsync(app, open, organization, ApplicationStatus.Draft);
        await TestCompetitions.CreateApplicationAsync(app, another, organization, ApplicationStatus.Submitted);
        await TestCompetitions.CreateApplicationAsync(app, closed, organization, ApplicationStatus.Ineligible);
        // Another organization's application to the same call is not theirs.
        await TestCompetitions.CreateApplicationAsync(app, open, await TestOrganizations.CreateAsync(app, township), ApplicationStatus.Submitted);

        using var session = await PageSession.SignInAsync(app, staff.UserName);
        var (_, html) = await session.GetAsync("/");
        using var api = await app.CreateClientAsync(staff.UserName);
        // The calls open to the organization: its township's two (and any open call of the county or city other tests publish meanwhile).
        var calls = await (await api.GetAsync("/api/v1/competitions/open")).Expect(HttpStatusCode.OK);
        Assert.Equal(calls.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), Kpis(html)["kpi-calls-open"]);
        Assert.Contains(calls.EnumerateArray(), c => c.GetProperty("id").GetGuid() == open);
        Assert.Contains(calls.EnumerateArray(), c => c.GetProperty("id").GetGuid() == another);
        Assert.DoesNotContain(calls.EnumerateArray(), c => c.GetProperty("id").GetGuid() == closed);
        Assert.Contains("href=\"/Competitions/Mine\" id=\"kpi-calls-open\"", html, StringComparison.Ordinal);
        Assert.Equal("0", Kpis(html)["kpi-awards-mine"]);

        Assert.Contains("全部 3 份", html, StringComparison.Ordinal);
        foreach (var (state, label) in new[] { ("Draft", "草稿"), ("Submitted", "已提交，待初审"), ("Ineligible", "初审未通过") })
        {
            Assert.Matches($"""href="/Competitions/Mine\?status={state}" id="kpi-applications-{state.ToLowerInvariant()}">\s*<span>{label}</span><span class="[^"]+">1</span>""", html);
            Assert.Equal(1, await TotalAsync(api, $"/api/v1/competitions/applications/mine?status={state}"));
        }
        Assert.DoesNotContain("kpi-applications-awarded", html, StringComparison.Ordinal);
        Assert.Equal(3, await TotalAsync(api, "/api/v1/competitions/applications/mine"));
        // No host's figures for them.
        Assert.DoesNotContain("kpi-applications-screening", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_judge_sees_the_assignments_still_to_score_and_the_list_behind_it_lists_them()
    {
        var township = await Places.NewTownshipAsync(app);
        var now = DateTimeOffset.UtcNow;
        var call = await TestCompetitions.CreateCallAsync(app, township, opensAt: now.AddDays(-30), closesAt: now.AddDays(-1));
        var one = await TestCompetitions.CreateApplicationAsync(app, call, await TestOrganizations.CreateAsync(app, township));
        var two = await TestCompetitions.CreateApplicationAsync(app, call, await TestOrganizations.CreateAsync(app, township));
        var three = await TestCompetitions.CreateApplicationAsync(app, call, await TestOrganizations.CreateAsync(app, township));
        var (judge, user) = await TestCompetitions.AddJudgeAsync(app, call);
        var first = await TestCompetitions.AssignAsync(app, one, judge);
        await TestCompetitions.AssignAsync(app, two, judge);
        var recused = await TestCompetitions.AssignAsync(app, three, judge);
        using var api = await app.CreateClientAsync(user.UserName);
        await (await api.PostAsJsonAsync($"/api/v1/me/reviews/{first}/score", new { scores = new[] { 8, 8, 8, 8, 8 }, comment = "方案可行，预算合理，建议资助。" })).Expect(HttpStatusCode.OK);
        await (await api.PostAsJsonAsync($"/api/v1/me/reviews/{recused}/recusal", new { reason = "亲属在申报机构任职" })).Expect(HttpStatusCode.OK);

        using var session = await PageSession.SignInAsync(app, user.UserName);
        var (_, html) = await session.GetAsync("/");
        var kpi = Kpis(html);
        Assert.Equal("1", kpi["kpi-reviews-pending"]);
        Assert.Equal("3", kpi["kpi-reviews-all"]);
        Assert.Contains("href=\"/Competitions/Judging?state=Pending\" id=\"kpi-reviews-pending\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await TotalAsync(api, "/api/v1/me/reviews?state=Pending"));
        Assert.Equal(3, await TotalAsync(api, "/api/v1/me/reviews"));
        Assert.Contains("id=\"welcome-judge\"", html, StringComparison.Ordinal);
        // Nothing of a host's or an organization's.
        Assert.DoesNotContain("kpi-calls-open", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_homes_tell_jiuyuan_its_awards_and_huaibei_its_open_call_as_their_lists_do()
    {
        using var jiuyuan = await app.CreateClientAsync("jiuyuan");
        using var jiuyuanPage = await PageSession.SignInAsync(app, "jiuyuan");
        var kpi = Kpis((await jiuyuanPage.GetAsync("/")).Html);
        Assert.Equal((await TotalAsync(jiuyuan, "/api/v1/competitions/awards?status=Active")).ToString(System.Globalization.CultureInfo.InvariantCulture), kpi["kpi-awards-active"]);
        Assert.True(int.Parse(kpi["kpi-awards-active"], System.Globalization.CultureInfo.InvariantCulture) >= 7);

        // Huaibei's scope holds the test county, where other tests open calls meanwhile: its micro-venture call is among the open ones.
        using var huaibei = await app.CreateClientAsync("huaibei");
        using var huaibeiPage = await PageSession.SignInAsync(app, "huaibei");
        kpi = Kpis((await huaibeiPage.GetAsync("/")).Html);
        Assert.True(int.Parse(kpi["kpi-calls-open"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var open = await (await huaibei.GetAsync("/api/v1/competitions?phase=Open&size=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(open.GetProperty("items").EnumerateArray(), c => c.GetProperty("hostName").GetString() == "相山区相南街道社工站");

        using var expert = await PageSession.SignInAsync(app, "expert.wang");
        kpi = Kpis((await expert.GetAsync("/")).Html);
        Assert.Equal("0", kpi["kpi-reviews-pending"]);
        Assert.Equal("8", kpi["kpi-reviews-all"]);
    }
}
