using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations.Supervisions;

/// <summary>督导记录: all supervision visits in scope, by area and date range.</summary>
[Authorize(StationsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("督导类型", "Kind")] public SupervisionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("开始日期", "Start date")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), Label("结束日期", "End date")] public DateOnly? To { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListSupervisions.Row> Rows { get; private set; } = new([], 0, 1, 20);
    public bool CanSupervise => me.Has(StationsPermissions.Supervise);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        ModelState.AddListProblems(PageNumber, Size, Area);
        Rows = await ListSupervisions.Handle(db, new ListSupervisions.Query(Area, null, Kind, From, To, PageNumber, Size));
    }
}
