using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>社会组织: tree-left, list-right; search form, toolbar, table, paging.</summary>
[Authorize(OrganizationsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("组织类型", "Kind")] public OrganizationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public OrganizationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("服务领域", "Focus area")] public FocusArea? Focus { get; set; }
    [BindProperty(SupportsGet = true), Label("孵化", "Incubation")] public IncubationStatus? Incubation { get; set; }
    /// <summary>含上级登记的服务机构: on unless unticked (the form sends false beside the box, so that unticking is heard).</summary>
    [BindProperty(SupportsGet = true), Label("含上级登记的服务机构", "Include those registered above")] public bool? Above { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListOrganizations.Row> Organizations { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(OrganizationsPermissions.Manage);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Kind is not null || Status is not null || Focus is not null || Incubation is not null || Above == false;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Organizations = await ListOrganizations.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] TimeProvider clock)
    {
        var query = Query(null, null);
        // An export follows the search: with a condition that did not parse it would export more than the list shows.
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportOrganizations.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    ListOrganizations.Query Query(int? page, int? size) => new(Area, Keyword, Kind, Status, Focus, Sort, page, size, Incubation, Above);

    public string PageUrl(int page, string? sort = null) =>
        $"/Organizations?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&kind={Kind}&status={Status}&focus={Focus}&incubation={Incubation}{(Above == false ? "&above=false" : "")}&sort={sort ?? Sort}&page={page}&size={Organizations.Size}";
}
