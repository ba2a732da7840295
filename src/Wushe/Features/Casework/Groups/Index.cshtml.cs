using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>小组与社区活动: tree-left, list-right; search by title, kind and status; sort; paging; export.</summary>
[Authorize(GroupsPermissions.ViewPolicy)]
public sealed class GroupsIndexModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("类型", "Kind")] public GroupKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public GroupStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListGroups.Row> Groups { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(GroupsPermissions.Manage);

    ListGroups.Query Query(bool paged) => new(Area, Keyword, Kind, Status, Sort, paged ? PageNumber : null, paged ? Size : null);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(paged: true);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Groups = await ListGroups.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] TimeProvider clock)
    {
        var query = Query(paged: false);
        // An export follows the search: with a condition that did not parse it would export more than the list shows.
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportGroups.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null) =>
        $"/Groups?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&kind={Kind}&status={Status}&sort={sort ?? Sort}&page={page}&size={Groups.Size}";
}
