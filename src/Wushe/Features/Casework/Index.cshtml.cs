using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>个案管理: tree-left, list-right; the referrals waiting for the user's station on top; search, filters, sort, paging, export.</summary>
[Authorize(CaseworkPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("阶段", "Stage")] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("负责社工", "Worker")] public Guid? WorkerId { get; set; }
    [BindProperty(SupportsGet = true), Label("待审批", "Awaiting approval")] public bool? Pending { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListCases.Row> Cases { get; private set; } = new([], 0, 1, 20);
    public List<DecideReferral.Pending> Waiting { get; private set; } = [];
    /// <summary>The communities of each receiving township of <see cref="Waiting"/>: the receiver chooses where the case now lies.</summary>
    public Dictionary<string, List<DecideReferral.Community>> Communities { get; private set; } = [];
    public List<Workers.Worker> WorkerOptions { get; private set; } = [];
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(CaseworkPermissions.Manage);

    ListCases.Query Query(int? page, int? size) => new(Area, Keyword, Status, WorkerId, Pending, Sort, page, size);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Cases = await ListCases.Handle(db, clock, query);
        Waiting = await DecideReferral.WaitingFor(db, me, clock);
        foreach (var to in Waiting.Select(w => w.ToAreaCode).Distinct()) Communities[to] = await DecideReferral.CommunitiesOf(db, to);
        if (me.Active?.AreaCode is { } scope && scope.Length == 12 && !me.Scope.All) WorkerOptions = await Workers.CandidatesAsync(db, scope);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportCases.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public async Task<IActionResult> OnPostReferralAsync(Guid referralId, bool? accept, string? note, string? communityCode)
    {
        if (!CanManage) return Forbid();
        var result = await DecideReferral.Handle(db, me, clock, referralId, new DecideReferral.Request { Accept = accept, Note = note, CommunityCode = communityCode });
        if (result.IsOk)
        {
            TempData["Toast"] = accept == true ? Lang.T("已接收转介", "Referral accepted") : Lang.T("已拒收转介", "Referral declined");
            return Redirect(accept == true ? $"/Casework/Details?id={result.Value!.Id}" : "/Casework");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + string.Join("; ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]);
        return Redirect("/Casework");
    }

    public string PageUrl(int page) =>
        $"/Casework?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={Status}&workerId={WorkerId}&pending={Pending}&sort={Sort}&page={page}&size={Cases.Size}";
}
