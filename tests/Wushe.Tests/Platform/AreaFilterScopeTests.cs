using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Outcomes;

namespace Wushe.Tests.Platform;

/// <summary>
/// A list page's area filter outside the user's scope is 404, as the API's is (ListQueries.OutsideScope) and as any record
/// out of scope is (DESIGN.md): an empty list would read as "nothing there" and the two would disagree.
/// </summary>
public sealed class AreaFilterScopeTests(TestApp app)
{
    const string Own = "520502000000";       // 七星关区, qixingguan's county
    const string Neighbour = "520526000000"; // 威宁县

    /// <summary>Every page whose model takes an area filter (kept whole by <see cref="Every_area_filtered_page_is_walked"/>).</summary>
    public static readonly TheoryData<string> Pages =
    [
        "/Households", "/Households/MyVisits", "/Households/Overdue", "/Households/ServiceRecords", "/Households/Services",
        "/Stations", "/Stations/Coverage", "/Stations/Supervisions", "/Casework", "/Groups", "/Casework/Guardianship",
        "/Admin/Users",
    ];

    [Fact]
    public void Every_area_filtered_page_is_walked()
    {
        var models = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && typeof(IAreaFilteredQuery).IsAssignableFrom(t)).ToList();
        Assert.Equal(models.Count, Pages.Count);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_answers_404_for_an_area_outside_the_scope_and_200_for_its_own(string path)
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var (own, _) = await session.GetAsync($"{path}?area={Own}");
        Assert.Equal(HttpStatusCode.OK, own);
        var (other, _) = await session.GetAsync($"{path}?area={Neighbour}");
        Assert.Equal(HttpStatusCode.NotFound, other);
        // The filter's short forms name the same area.
        var (shortForm, _) = await session.GetAsync($"{path}?area={Neighbour[..6]}");
        Assert.Equal(HttpStatusCode.NotFound, shortForm);
    }
}
