using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce;

/// <summary>社工名册: tree-left, list-right; search form, toolbar, table, paging (<see cref="ListSocialWorkers"/>).</summary>
[Authorize(WorkforcePermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("职业资格", "Level")] public SocialWorkLevel? Level { get; set; }
    [BindProperty(SupportsGet = true), Label("登记状态", "Registration")] public RegistrationState? State { get; set; }
    [BindProperty(SupportsGet = true), Label("单位类型", "Employer kind")] public EmployerKind? Employer { get; set; }
    [BindProperty(SupportsGet = true), Label("在岗状态", "Status")] public SocialWorkerStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Station { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListSocialWorkers.Row> Workers { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(WorkforcePermissions.Manage);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Level is not null || State is not null || Employer is not null || Status is not null || Station is not null;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListSocialWorkers.Query(Area, Keyword, Level, State, Employer, Status, Station, Sort, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Workers = await ListSocialWorkers.Handle(db, sealer, clock, query);
    }

    /// <summary>导出: the register as searched (<see cref="ExportSocialWorkers"/>); conditions that do not parse export nothing.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListSocialWorkers.Query(Area, Keyword, Level, State, Employer, Status, Station, Sort);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportSocialWorkers.Handle(db, sealer, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null) =>
        $"/Workforce?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&level={Level}&state={State}&employer={Employer}&status={Status}&station={Station}&sort={sort ?? Sort}&page={page}&size={Workers.Size}";
}
