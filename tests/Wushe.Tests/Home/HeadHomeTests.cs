using System.Net;
using System.Text.RegularExpressions;

namespace Wushe.Tests.Home;

/// <summary>
/// A station head's home page (review 7b F8): the figure of case steps waiting for the head's approval opens the list behind it
/// and is its total; the coverage panel of a township says the township's own station instead of an empty chart.
/// </summary>
public sealed partial class HeadHomeTests(TestApp app)
{
    [GeneratedRegex("id=\"kpi-awaiting-approval\"[^>]*>.*?<div class=\"kpi-value\">(\\d+)<", RegexOptions.Singleline)]
    private static partial Regex Awaiting();

    [GeneratedRegex("共 (\\d+) 条")]
    private static partial Regex Total();

    [Fact]
    public async Task A_station_heads_home_counts_the_steps_awaiting_approval_and_shows_its_own_station()
    {
        using var head = await PageSession.SignInAsync(app, "shixi.zz");
        var (status, home) = await head.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        var figure = Awaiting().Match(home);
        Assert.True(figure.Success, "No figure of steps awaiting approval on the head's home page.");
        Assert.Contains("href=\"/Casework?pending=true\" id=\"kpi-awaiting-approval\"", home, StringComparison.Ordinal);
        Assert.Contains("待我审批的个案步骤", home, StringComparison.Ordinal);
        var (_, list) = await head.GetAsync("/Casework?pending=true");
        Assert.Equal(Total().Match(list).Groups[1].Value, figure.Groups[1].Value);

        // The coverage panel: the township's own station, not 暂无数据.
        var panel = home[home.IndexOf("id=\"coverage-panel\"", StringComparison.Ordinal)..];
        panel = panel[..panel.IndexOf("近期督导", StringComparison.Ordinal)];
        Assert.DoesNotContain("暂无数据", panel, StringComparison.Ordinal);
        Assert.Contains("市西街道已建乡镇（街道）社工站", panel, StringComparison.Ordinal);

        // Only heads have the figure: a worker of the same station, a bureau do not.
        foreach (var other in new[] { "shixi", "bijie" })
        {
            using var session = await PageSession.SignInAsync(app, other);
            Assert.DoesNotContain("kpi-awaiting-approval", (await session.GetAsync("/")).Html, StringComparison.Ordinal);
        }
        // A county's home keeps the coverage of its townships.
        using var county = await PageSession.SignInAsync(app, "qixingguan");
        Assert.Contains("各地乡镇（街道）社工站覆盖情况", (await county.GetAsync("/")).Html, StringComparison.Ordinal);
    }
}
