using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>我的兑换 (phone first): the volunteer's codes and their status; an unconfirmed one may be cancelled (refund), with a confirmation.</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class RedemptionsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<MyRedemptions.Row>? Redemptions { get; private set; }

    public async Task OnGetAsync() =>
        Redemptions = (await MyRedemptions.Handle(db, me, PageNumber is >= 1 ? PageNumber : null, Paging.Sizes.Contains(Size ?? 0) ? Size : 20)).Value;

    public async Task<IActionResult> OnPostCancelAsync(Guid redemptionId)
    {
        var result = await CloseRedemption.CancelAsync(db, me, clock, redemptionId);
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已取消兑换，积分已退回", "Cancelled: the points are back");
            return Redirect("/Volunteers/Points/Redemptions");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddModelError("", result.Failure.Title);
        await OnGetAsync();
        return Page();
    }
}
