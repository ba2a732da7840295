using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations;

/// <summary>社工站管理: tree-left, list-right; search form, toolbar, table, paging.</summary>
[Authorize(StationsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("站点层级", "Level")] public StationLevel? Level { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public StationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("双站合一", "Civilization-practice station")] public bool? Civ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true), Label("五有五统一达标", "Meets 五有五统一")] public bool? Standard { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListStations.Row> Stations { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(StationsPermissions.Manage);

    public bool MaySupervise(string stationAreaCode) => RecordSupervision.MaySupervise(me, stationAreaCode);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListStations.Query(Area, Keyword, Level, Status, Civ, Sort, PageNumber, Size, Standard);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Stations = await ListStations.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] TimeProvider clock)
    {
        var query = new ListStations.Query(Area, Keyword, Level, Status, Civ, Sort, null, null, Standard);
        // An export follows the search: with a condition that did not parse it would export more than the list shows.
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportStations.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, StationStatus to)
    {
        if (!CanManage) return Forbid();
        var result = await ChangeStationStatus.Handle(db, id, to);
        if (result.IsOk) TempData["Toast"] = to == StationStatus.Closed ? Lang.T("停用成功", "Closed") : Lang.T("启用成功", "Reopened");
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + result.Failure.Title;
        return Redirect(Request.Headers.Referer.FirstOrDefault() is { } r && Url.IsLocalUrl(new Uri(r).PathAndQuery) ? new Uri(r).PathAndQuery : "/Stations");
    }

    public string PageUrl(int page) =>
        $"/Stations?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&level={Level}&status={Status}&civ={Civ}&standard={Standard}&sort={Sort}&page={page}&size={Stations.Size}";
}
