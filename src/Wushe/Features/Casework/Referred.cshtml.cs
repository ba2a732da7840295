using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 转介给本机构的个案: organization staff see the cases referred to their organization (<see cref="ReferredCases"/>), accept or
/// decline the waiting ones (<see cref="DecideOrganizationReferral"/>), and open the accepted ones to add notes and services.
/// </summary>
[Authorize(CaseworkPermissions.ReferredPolicy)]
public sealed class ReferredModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>One page of the referrals, waiting ones first: the page's waiting and decided ones are shown apart.</summary>
    public PageOf<ReferredCases.Row> Rows { get; private set; } = new([], 0, 1, 20);
    public IEnumerable<ReferredCases.Row> Waiting => Rows.Items.Where(r => r.Status == ReferralStatus.Pending);
    public IEnumerable<ReferredCases.Row> Decided => Rows.Items.Where(r => r.Status != ReferralStatus.Pending);

    /// <summary>All the referrals waiting for the organization (the page may show some of them).</summary>
    public int WaitingTotal { get; private set; }

    /// <summary>Why the organization accepts nothing now (suspended or deregistered); null while it may.</summary>
    public string? Halted { get; private set; }

    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size"), Label("每页条数", "Page size")] public int? Size { get; set; }

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        var (page, size) = ModelState.IsValid ? (PageNumber, Size) : (null, null);
        Rows = await ReferredCases.Handle(db, me, clock, new ReferredCases.Query(page, size));
        WaitingTotal = await ReferredCases.WaitingCountAsync(db, me);
        if (Organizations.OrganizationAccess.Own(me) is { } own) Halted = await Organizations.OrganizationAccess.ActingRefusalAsync(db, own);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid referralId, bool? accept, string? note)
    {
        var result = await DecideOrganizationReferral.Handle(db, me, clock, referralId, new DecideOrganizationReferral.Request { Accept = accept, Note = note });
        if (result.IsOk)
        {
            TempData["Toast"] = accept == true ? Lang.T("已接收转介", "Referral accepted") : Lang.T("已拒收转介", "Referral declined");
            return Redirect(accept == true ? $"/Casework/Details?id={result.Value!.Id}" : "/Casework/Referred");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + string.Join("; ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]);
        return Redirect("/Casework/Referred");
    }
}
