using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 确认已联系: the claimer says they have contacted the community within the period, which keeps the claim from lapsing. Failures: 404
/// (not their claim); 409 (not waiting for contact: lapsed, given up, contacted already).
/// </summary>
public static class ConfirmContact
{
    public sealed record Confirmed(Guid ClaimId, ClaimStatus Status);

    public static async Task<Result<Confirmed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid claimId, CancellationToken ct = default)
    {
        if (await MyClaim.FindAsync(db, user, claimId, ct) is not ({ } claim, _)) return Failure.NotFound();
        var now = clock.GetUtcNow();
        if (claim.Status != ClaimStatus.Active || now > claim.ContactDueAt)
            return Failure.Conflict(claim.Status == ClaimStatus.Active
                ? Lang.T("已超过联系期限，认领已失效，心愿已回到心愿墙", "The contact period has passed: the claim has lapsed and the wish is back on the wall")
                : Lang.T($"该认领{WishClaim.StatusLabel(claim.Status)}，无需确认联系", $"This claim is {WishClaim.StatusLabel(claim.Status)}: nothing to confirm"));
        claim.Contacted(now);
        await db.SaveChangesAsync(ct);
        return new Confirmed(claim.Id, claim.Status);
    }
}
