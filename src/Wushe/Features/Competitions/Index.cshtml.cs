using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公益创投: for staff, tree-left, list-right (<see cref="ListCompetitions"/>): title or number, status, sort, paging, export; 新建申报通知
/// for hosts. Organization staff are sent to 本机构申报 (/Competitions/Mine: the calls open to them and their applications).
/// </summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public CompetitionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("阶段", "Phase")] public CompetitionPhase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListCompetitions.Row> Calls { get; private set; } = new([], 0, 1, 20);
    public bool CanHost => me.Has(CompetitionsPermissions.Host);
    public bool ForOrganization => me.ActingOrganization is not null;
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null || Phase is not null;

    ListCompetitions.Query Query(int? page, int? size) => new(Area, Keyword, Status, Sort, page, size, Phase);

    public async Task<IActionResult> OnGetAsync()
    {
        if (ForOrganization) return Redirect("/Competitions/Mine");
        Roots = await BrowseAreas.Roots(db, me);
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query, query);
        Calls = await ListCompetitions.Handle(db, me, clock, ModelState.IsValid ? query : new ListCompetitions.Query());
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportCompetitions.Handle(db, me, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null) =>
        $"/Competitions?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={Status}&phase={Phase}&sort={sort ?? Sort}&page={page}&size={Calls.Size}";

    public static string Badge(CompetitionStatus s) => s switch
    {
        CompetitionStatus.Draft => "text-bg-secondary",
        CompetitionStatus.Published => "text-bg-primary",
        CompetitionStatus.Notice => "text-bg-warning",
        CompetitionStatus.Decided => "text-bg-success",
        _ => "text-bg-danger",
    };
}
