using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 标记送达: the claimer says what was delivered, when and how (the evidence, 5–300 characters); the social worker then confirms receipt
/// on the recipient's behalf (<see cref="ConfirmReceipt"/>). Only after contact was confirmed. Failures: 400 (evidence); 404 (not their
/// claim); 409 (contact not confirmed, or not holding the wish).
/// </summary>
public static class DeliverWish
{
    public sealed record Request([property: Label("送达说明", "What was delivered")] string? Evidence);

    public static async Task<Result<ConfirmContact.Confirmed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid claimId, Request r, CancellationToken ct = default)
    {
        var errors = new Errors().Text("evidence", r.Evidence, "送达说明", "What was delivered", 5, WishRules.EvidenceMax);
        if (errors.Any) return errors.ToFailure();
        if (await MyClaim.FindAsync(db, user, claimId, ct) is not ({ } claim, { } wish)) return Failure.NotFound();
        if (claim.Status != ClaimStatus.Contacted)
            return Failure.Conflict(claim.Status == ClaimStatus.Active ? Lang.T("请先确认已与社区联系", "Confirm contact with the community first")
                : Lang.T($"该认领{WishClaim.StatusLabel(claim.Status)}，不能标记送达", $"This claim is {WishClaim.StatusLabel(claim.Status)}: it cannot be marked delivered"));
        var now = clock.GetUtcNow();
        claim.Deliver(r.Evidence!.Trim(), now);
        wish.Delivered();
        await db.SaveChangesAsync(ct);
        return new ConfirmContact.Confirmed(claim.Id, claim.Status);
    }
}
