using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Wishes;

/// <summary>我认领的心愿 (donor, volunteer; on a phone): each claim with whom to contact by when; 已联系, 放弃, 标记送达 (<see cref="MyWishClaims"/>).</summary>
[Authorize(CharityPermissions.ClaimWishesPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MyWishClaims.Row> Claims { get; private set; } = [];

    public async Task OnGetAsync() => Claims = await MyWishClaims.Handle(db, me);

    public async Task<IActionResult> OnPostContactedAsync(Guid claimId) => Done(await ConfirmContact.Handle(db, me, clock, claimId), Lang.T("已确认联系，请按约定送达心愿", "Contact confirmed: deliver as agreed"));

    public async Task<IActionResult> OnPostGiveUpAsync(Guid claimId) => Done(await GiveUpClaim.Handle(db, me, clock, claimId), Lang.T("已放弃认领，心愿已回到心愿墙", "Given up: the wish is back on the wall"));

    public async Task<IActionResult> OnPostDeliveredAsync(Guid claimId, string? evidence) =>
        Done(await DeliverWish.Handle(db, me, clock, claimId, new(evidence)), Lang.T("已标记送达，社工确认收到后即圆梦", "Marked delivered: the social worker confirms receipt next"));

    IActionResult Done(Result<ConfirmContact.Confirmed> result, string ok)
    {
        if (!result.IsOk && result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData[result.IsOk ? "Toast" : "ToastError"] = result.IsOk ? ok : result.Failure!.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? result.Failure.Title;
        return Redirect("/Charity/Wishes/Mine");
    }
}
