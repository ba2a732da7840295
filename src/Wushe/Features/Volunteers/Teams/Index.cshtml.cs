using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>志愿服务队: tree-left, list-right (<see cref="ListTeams"/>); search, owner kind, status, sort, paging, export; staff who manage create from here.</summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("归属类型", "Owner kind")] public TeamOwnerKind? OwnerKind { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public TeamStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListTeams.Row> Teams { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(VolunteersPermissions.Manage);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || OwnerKind is not null || Status is not null;

    ListTeams.Query Query(int? page, int? size) => new(Area, Keyword, OwnerKind, Status, Sort, page, size);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Teams = await ListTeams.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportVolunteerTeams.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null) =>
        $"/Volunteers/Teams?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&ownerKind={OwnerKind}&status={Status}&sort={sort ?? Sort}&page={page}&size={Teams.Size}";
}
