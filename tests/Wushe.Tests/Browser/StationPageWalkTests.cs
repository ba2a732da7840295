namespace Wushe.Tests.Browser;

/// <summary>
/// The page walk of <see cref="PageWalkTests"/> for the roles of a station and the places it serves (station worker,
/// community staff, an organization's staff): the same rules, on an app and a browser of their own, so that the two
/// halves of the walk — the longest tests of the suite — run side by side instead of one after the other.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class StationPageWalkTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(PageWalkTests.StationRoles), MemberType = typeof(PageWalkTests))]
    public Task Every_page_fits_a_phone_and_a_desktop_is_accessible_and_speaks_one_language(string role) =>
        new PageWalkTests(browser, output).Every_page_fits_a_phone_and_a_desktop_is_accessible_and_speaks_one_language(role);
}
