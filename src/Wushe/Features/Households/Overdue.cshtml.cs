using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>
/// 探访逾期统计: one row per county (a city's view) or township (a county's), sorted, paged, exported; a county row drills
/// down to its townships (the area tree's filter), a township's figures open the household list filtered to them.
/// </summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class OverdueModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("排序", "Sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }
    public OverdueByTownship.Response Figures { get; private set; } = null!;

    OverdueByTownship.Query Query(int? page, int? size)
    {
        var q = new OverdueByTownship.Query(Area, Sort, page, size);
        ModelState.AddListProblems(page, size, Area, q);
        // A condition named above is not applied.
        return q with
        {
            Sort = ModelState.ContainsKey("sort") && ModelState["sort"]!.Errors.Count > 0 ? null : Sort,
            Page = ModelState.ContainsKey("page") && ModelState["page"]!.Errors.Count > 0 ? null : page,
            Size = ModelState.ContainsKey("size") && ModelState["size"]!.Errors.Count > 0 ? null : size,
            Area = ModelState.ContainsKey("area") && ModelState["area"]!.Errors.Count > 0 ? null : Area,
        };
    }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var q = Query(PageNumber, Size);
        if (q.Area is not null && (await BrowseAreas.Get(db, q.Area)).Value is { } a) AreaName = a.Name;
        Figures = await OverdueByTownship.Handle(db, clock, q);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var q = Query(null, null);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportOverdue.Handle(db, clock, q);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    /// <summary>Where a row's figure leads: a county (or above) to its own rows here; a township to its households, filtered by the visit state.</summary>
    public static string Drill(OverdueByTownship.Row row, AreaLevel level, DueState? due) =>
        level < AreaLevel.Township
            ? QueryHelpers.AddQueryString("/Households/Overdue", "area", row.AreaCode)
            : $"/Households?area={row.AreaCode}&status=Active" + (due is { } d ? $"&due={d}" : "");

    /// <summary>This list's address with the sort (or the handler) changed, back to page 1.</summary>
    public string ListUrl(string? sort = "", string? handler = null)
    {
        var values = new Dictionary<string, string?> { ["handler"] = handler, ["area"] = Area, ["sort"] = sort == "" ? Sort : sort, ["size"] = Size?.ToString() };
        return QueryHelpers.AddQueryString("/Households/Overdue", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(v.Key, v.Value)));
    }
}
