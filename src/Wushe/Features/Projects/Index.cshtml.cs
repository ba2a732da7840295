using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>项目台账: tree-left, list-right; status tabs with counts; search, focus filter, sort, paging, export.</summary>
[Authorize(ProjectsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("服务领域", "Focus")] public FocusArea? Focus { get; set; }
    [BindProperty(SupportsGet = true), Label("实施机构", "Organization")] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true), Label("逾期", "Overdue")] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListProjects.Row> Projects { get; private set; } = new([], 0, 1, 20);
    public ListProjects.Counts Counts { get; private set; } = new(new Dictionary<ProjectStatus, int>(), 0);
    public string? AreaName { get; private set; }
    /// <summary>The implementing organization the list is narrowed to (a link's filter, shown so it can be taken off).</summary>
    public string? OrganizationName { get; private set; }
    public bool CanDesign => me.Has(ProjectsPermissions.Design);
    /// <summary>Organization staff read their organization's projects: no area tree.</summary>
    public bool ForOrganization => OrganizationAccess.Own(me) is not null;

    ListProjects.Query Query(int? page, int? size) => new(Area, Keyword, Status, Focus, OrganizationId, Sort, page, size, Overdue);

    public async Task OnGetAsync()
    {
        if (!ForOrganization) Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        // An organization's name from the public register (names only).
        if (OrganizationId is { } org)
            OrganizationName = await OrganizationAccess.NameAsync(db, org) ?? Lang.T("所选机构", "The organization chosen");
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Projects = await ListProjects.Handle(db, me, clock, query);
        Counts = await ListProjects.CountAsync(db, me, clock, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportProjects.Handle(db, me, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    /// <summary>The list's address with the search kept; <paramref name="status"/> and <paramref name="overdue"/> replace the current ones when <paramref name="tab"/>.</summary>
    public string PageUrl(int page, string? sort = null, bool tab = false, ProjectStatus? status = null, bool? overdue = null) =>
        $"/Projects?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={(tab ? status : Status)}&overdue={(tab ? overdue : Overdue)}&focus={Focus}&organizationId={OrganizationId}&sort={sort ?? Sort}&page={page}&size={Projects.Size}";
}
