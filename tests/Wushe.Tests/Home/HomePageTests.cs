using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Home;

/// <summary>
/// Community staff and fund-committee members saw a console of zeros and 暂无数据: their home shows
/// their community and, read-only, their township's station; every role says plainly what it can do.
/// </summary>
public sealed partial class HomePageTests(TestApp app)
{
    [GeneratedRegex("<a class=\"card card-body kpi-link[^\"]*\" href=\"#([a-z-]+)\"")]
    private static partial Regex KpiAnchor();

    [Fact]
    public async Task Community_staff_see_their_township_station_its_staff_standing_and_supervision()
    {
        using var session = await PageSession.SignInAsync(app, "wenhui.sq");
        var (status, html) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"kpi-station\">文汇街道社会工作服务站", html, StringComparison.Ordinal);
        Assert.Contains("文汇街道社工站 周社工", html, StringComparison.Ordinal);
        Assert.Matches("id=\"kpi-standard\">[1-9]", html);
        // The demo's visits lie within the last 200 days: listed, whatever this year's count is.
        Assert.Contains("id=\"kpi-supervisions\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("暂无督导记录", html, StringComparison.Ordinal);
        Assert.Contains("有办公场所", html, StringComparison.Ordinal);
        Assert.Matches(@"id=""station-phone"">1\d\d\*{4}\d{4}<", html);
        Assert.Contains("文汇街道第1社区", html, StringComparison.Ordinal);
        Assert.Contains("id=\"what-you-can-do\"", html, StringComparison.Ordinal);
        Assert.Contains("后续开放", html, StringComparison.Ordinal);
        // Only their own township's station.
        Assert.DoesNotContain("市西街道社会工作服务站", html, StringComparison.Ordinal);

        // Every figure links to the list behind it, on the page.
        var anchors = KpiAnchor().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, anchors.Count);
        foreach (var a in anchors) Assert.Contains($"id=\"{a}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Community_staff_are_not_offered_station_pages_that_can_only_be_empty_for_them_and_cannot_change_the_station()
    {
        using var session = await PageSession.SignInAsync(app, "wenhui.sq");
        var (_, html) = await session.GetAsync("/");
        Assert.DoesNotContain("href=\"/Stations\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Stations/Supervisions\"", html, StringComparison.Ordinal);

        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode == "370502001000").Select(s => s.Id).FirstAsync());
        using var api = await app.CreateClientAsync("wenhui.sq");
        await (await api.GetAsync($"/api/v1/stations/{station}")).Expect(HttpStatusCode.Forbidden);
        await (await api.PostAsync($"/api/v1/stations/{station}/close", null)).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_fund_committee_member_sees_the_same_community_home_with_the_station_s_published_rating_in_English_too()
    {
        using var session = await PageSession.SignInAsync(app, "shixi.jj");
        var (_, html) = await session.GetAsync("/");
        Assert.Contains("id=\"kpi-station\">市西街道社会工作服务站", html, StringComparison.Ordinal);
        // The newest published level (other tests may publish newer rounds than the demo's ★5 of 2024).
        Assert.Matches("<span class=\"stars\">★*</span> (五星级|四星级|优秀|[^<]+)<", html);
        Assert.Contains("社区慈善基金", html, StringComparison.Ordinal);

        session.Client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var (_, english) = await session.GetAsync("/");
        Assert.Contains("Your township&#x27;s station", english, StringComparison.Ordinal);
        Assert.Contains("What you can do here", english, StringComparison.Ordinal);
        Assert.DoesNotContain("您可以在平台上", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_community_whose_township_has_no_station_is_told_so()
    {
        var village = await app.Query(db => db.Areas.Where(a => a.Level == AreaLevel.Village && a.ValidTo == null
                && !db.Set<Station>().Any(s => s.AreaCode == a.ParentCode && s.Level == StationLevel.TownshipStation))
            .Select(a => a.Code).FirstOrDefaultAsync());
        Assert.SkipWhen(village is null, "Every village of the demo lies in a township with a station.");
        var name = await app.CreateUserAsync(role: Role.CommunityStaff, areaCode: village!);
        using var session = await PageSession.SignInAsync(app, name);
        var (status, html) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("尚未登记社工站", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organization_staff_see_their_area_s_figures_and_what_they_can_do()
    {
        using var session = await PageSession.SignInAsync(app, "org.staff");
        var (_, html) = await session.GetAsync("/");
        Assert.Contains("id=\"kpi-coverage\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"what-you-can-do\"", html, StringComparison.Ordinal);
        Assert.Contains("公益创投", html, StringComparison.Ordinal);
    }
}
