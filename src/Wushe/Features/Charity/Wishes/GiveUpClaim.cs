using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 放弃认领: the claimer gives the wish up before delivering it; the wish goes back to the wall with priority. Failures: 404 (not their
/// claim); 409 (delivered, lapsed or given up already).
/// </summary>
public static class GiveUpClaim
{
    public static async Task<Result<ConfirmContact.Confirmed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid claimId, CancellationToken ct = default)
    {
        if (await MyClaim.FindAsync(db, user, claimId, ct) is not ({ } claim, { } wish)) return Failure.NotFound();
        if (claim.Status is not (ClaimStatus.Active or ClaimStatus.Contacted))
            return Failure.Conflict(Lang.T($"该认领{WishClaim.StatusLabel(claim.Status)}，不能放弃", $"This claim is {WishClaim.StatusLabel(claim.Status)}: it cannot be given up"));
        claim.End(ClaimStatus.Withdrawn, clock.GetUtcNow());
        wish.Return();
        await db.SaveChangesAsync(ct);
        return new ConfirmContact.Confirmed(claim.Id, claim.Status);
    }
}
