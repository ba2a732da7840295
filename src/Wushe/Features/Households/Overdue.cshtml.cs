using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>探访逾期统计: per township, active households, overdue and due this week; each figure opens My visits filtered to it.</summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class OverdueModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }
    public OverdueByTownship.Response Figures { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        ModelState.AddListProblems(null, null, Area);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        Figures = await OverdueByTownship.Handle(db, clock, new OverdueByTownship.Query(Area));
    }
}
