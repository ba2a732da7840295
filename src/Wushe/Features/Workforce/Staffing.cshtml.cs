using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce;

/// <summary>社工站人员配备: tree-left; the area's totals and its stations by qualification level (<see cref="StationStaffing"/>).</summary>
[Authorize(WorkforcePermissions.FiguresPolicy)]
public sealed class StaffingModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("仅看无持证社工的站点", "Only stations without a qualified worker")] public bool? Unqualified { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public StationStaffing.Result? Staffing { get; private set; }
    public string? AreaName { get; private set; }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new StationStaffing.Query(Area, Unqualified, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null);
        Staffing = await StationStaffing.Handle(db, query);
    }

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
