using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 转介给本机构的个案: organization staff see the cases referred to their organization (<see cref="ReferredCases"/>), accept or
/// decline the waiting ones (<see cref="DecideOrganizationReferral"/>), and open the accepted ones to add notes and services.
/// </summary>
[Authorize(CaseworkPermissions.ReferredPolicy)]
public sealed class ReferredModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public List<ReferredCases.Row> Rows { get; private set; } = [];
    public IEnumerable<ReferredCases.Row> Waiting => Rows.Where(r => r.Status == ReferralStatus.Pending);
    public IEnumerable<ReferredCases.Row> Decided => Rows.Where(r => r.Status != ReferralStatus.Pending);

    public async Task OnGetAsync() => Rows = await ReferredCases.Handle(db, me, clock);

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
