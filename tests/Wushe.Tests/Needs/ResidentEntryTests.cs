using System.Net;

namespace Wushe.Tests.Needs;

/// <summary>居民自报入口: a community's link to its residents' request page and its QR code, for the needs' keepers.</summary>
public sealed class ResidentEntryTests(TestApp app)
{
    [Fact]
    public async Task A_community_has_its_link_and_QR_code_and_other_levels_ask_for_a_community()
    {
        using var session = await PageSession.SignInAsync(app, "shixi");
        var (status, html) = await session.GetAsync("/Needs/Entry?area=520502001001");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/Needs/Report?area=520502001001", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var (township, page) = await session.GetAsync("/Needs/Entry?area=520502001000");
        Assert.Equal(HttpStatusCode.OK, township);
        Assert.Contains("entry-choose", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
        // Not a bureau's page (it keeps no needs), nor an organization's.
        using var bureau = await PageSession.SignInAsync(app, "qixingguan");
        using var refused = await bureau.Client.GetAsync("/Needs/Entry?area=520502001001");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.GetAsync(refused.Headers.Location!.ToString())).Status);
    }
}
