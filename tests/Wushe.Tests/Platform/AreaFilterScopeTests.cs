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
        "/Households", "/Households/MyVisits", "/Households/Overdue", "/Households/ServiceRecords", "/Households/ServedPeople", "/Households/Services",
        "/Stations", "/Stations/Coverage", "/Stations/Supervisions", "/Casework", "/Groups", "/Casework/Guardianship",
        "/Admin/Users", "/Organizations", "/Needs", "/Projects", "/Projects/Outcomes", "/Needs/Entry",
        "/Volunteers", "/Volunteers/Activities", "/Volunteers/Teams", "/Volunteers/Hours", "/Volunteers/Points/Merchants",
        "/Volunteers/Certificates", "/Volunteers/Exchange", "/Charity/Funds", "/Charity/Report", "/Workforce", "/Workforce/Staffing",
        "/Workforce/Exams", "/Workforce/Exams/Figures", "/Workforce/Trainings", "/Workforce/Trainings/Figures",
        "/Competitions",
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
        // 我的探访 is the page of those who visit (HouseholdsPermissions.Visit), not a bureau's: walked as 市西's station worker,
        // her township against its neighbour 市东.
        // 居民自报入口 is the needs' keepers' (station and community staff): walked as 市西's station worker too.
        var (login, own12, neighbour) = path is "/Households/MyVisits" or "/Needs/Entry" ? ("shixi", "520502001000", "520502002000") : ("qixingguan", Own, Neighbour);
        using var session = await PageSession.SignInAsync(app, login);
        var (own, _) = await session.GetAsync($"{path}?area={own12}");
        Assert.Equal(HttpStatusCode.OK, own);
        var (other, _) = await session.GetAsync($"{path}?area={neighbour}");
        Assert.Equal(HttpStatusCode.NotFound, other);
        // The filter's short forms name the same area.
        var (shortForm, _) = await session.GetAsync($"{path}?area={(AreaCodeShort(neighbour))}");
        Assert.Equal(HttpStatusCode.NotFound, shortForm);
    }

    [Theory]
    [InlineData("/Groups/Edit")]
    [InlineData("/Households/Register")]
    public async Task A_form_pre_set_to_an_area_outside_the_scope_is_404(string path)
    {
        // A form opened with ?area= listed that area's staff in its selects (review7c 11): the same rule as a list's filter.
        using var session = await PageSession.SignInAsync(app, "shixi");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"{path}?area=520502001001")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{path}?area=150207001000")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"{path}?area=520502002000")).Status);
    }

    static string AreaCodeShort(string code12) => Wushe.Platform.Areas.AreaCode.Prefix(code12);
}
