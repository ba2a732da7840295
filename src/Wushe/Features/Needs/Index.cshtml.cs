using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>需求台账: tree-left, list-right; status tabs with counts, the overdue tab; search, filters, sort, paging, export; the distribution per area below a city or county.</summary>
[Authorize(NeedsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, Platform.Sensitive.Sealer sealer, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public NeedStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("需求类别", "Category")] public NeedCategory? Category { get; set; }
    [BindProperty(SupportsGet = true), Label("紧急程度", "Urgency")] public NeedUrgency? Urgency { get; set; }
    [BindProperty(SupportsGet = true), Label("来源", "Source")] public NeedSource? Source { get; set; }
    [BindProperty(SupportsGet = true), Label("超时", "Overdue")] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true), Label("承办人", "Handler")] public Guid? HandlerId { get; set; }
    [BindProperty(SupportsGet = true), Label("承接机构", "Organization")] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListNeeds.Row> Needs { get; private set; } = new([], 0, 1, 20);
    public ListNeeds.Counts Counts { get; private set; } = new(new Dictionary<NeedStatus, int>(), 0, 0);
    /// <summary>Needs per area below the chosen one, shown above a county or city (empty at a township or below).</summary>
    public List<NeedsByArea.Row> ByArea { get; private set; } = [];
    public string? AreaName { get; private set; }
    /// <summary>The names of the handler and organization the list is narrowed to (a link's filter, shown so it can be taken off).</summary>
    public string? HandlerName { get; private set; }
    public string? OrganizationName { get; private set; }
    public bool CanManage => me.Has(NeedsPermissions.Manage);

    ListNeeds.Query Query(int? page, int? size) => new(Area, Keyword, Status, Category, Urgency, Source, Overdue, HandlerId, Sort, page, size, OrganizationId);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        // The handler's name from the needs of the scope they handle; an organization's from the public register (names only).
        if (HandlerId is { } handler)
            HandlerName = await db.Set<Need>().Where(n => n.HandlerId == handler).Select(n => n.HandlerName).FirstOrDefaultAsync() ?? Lang.T("所选承办人", "The handler chosen");
        if (OrganizationId is { } org)
            OrganizationName = await Organizations.OrganizationAccess.NameAsync(db, org) ?? Lang.T("所选机构", "The organization chosen");
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Needs = await ListNeeds.Handle(db, sealer, clock, query);
        Counts = await ListNeeds.CountAsync(db, sealer, clock, query);
        var root = AreaCode.Normalize(Area) ?? me.Active?.AreaCode;
        if (root is not null && (me.Scope.All || AreaCode.LevelOf(root) is AreaLevel.Province or AreaLevel.City or AreaLevel.County))
            ByArea = await NeedsByArea.Handle(db, sealer, clock, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportNeeds.Handle(db, sealer, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    /// <summary>The list's address with the search kept; <paramref name="status"/> and <paramref name="overdue"/> replace the current ones when given (the tabs).</summary>
    public string PageUrl(int page, string? sort = null, bool tab = false, NeedStatus? status = null, bool? overdue = null) =>
        $"/Needs?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={(tab ? status : Status)}&category={Category}&urgency={Urgency}&source={Source}" +
        $"&overdue={(tab ? overdue : Overdue)}&handlerId={HandlerId}&organizationId={OrganizationId}&sort={sort ?? Sort}&page={page}&size={Needs.Size}";
}
