using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 确认收到 (圆梦): the social worker confirms on the recipient's behalf that the delivered wish was received; a thank-you note (optional,
/// no name: <see cref="WishRules.Identifies"/>) can go on the wall with it, or later. A wish a fund pays for (<see cref="WishFunding"/>) is
/// confirmed once its request is paid. Failures: 400; 404 (out of scope); 409 (not delivered; the fund has not paid).
/// </summary>
public static class ConfirmReceipt
{
    public sealed record Request([property: Label("感谢信", "Thank-you note")] string? ThankYou);

    public sealed record Confirmed(Guid Id, WishStatus Status);

    public static async Task<Result<Confirmed>> Handle(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Wish>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } wish) return Failure.NotFound();
        var errors = new Errors().Text("thankYou", r.ThankYou, "感谢信", "The thank-you note", 0, WishRules.ThankYouMax, required: false);
        var name = await db.Set<Households.Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.Id == wish.ResidentId).Select(x => x.Name).FirstAsync(ct);
        if (WishRules.Identifies(r.ThankYou, name) is { } t) errors.Add("thankYou", t);
        if (errors.Any) return errors.ToFailure();
        if (wish.Status == WishStatus.Fulfilled && !string.IsNullOrWhiteSpace(r.ThankYou))
            wish.Thank(r.ThankYou.Trim());
        else if (wish.Status == WishStatus.Funded
            && !await db.Set<DisbursementRequest>().AnyAsync(q => q.Id == wish.FundingRequestId && q.Status == DisbursementStatus.Paid, ct))
            return Failure.Conflict(Lang.T("基金资助的款项尚未支付，支付后才能确认收到", "The fund has not paid for it yet: confirm receipt once it has"));
        else if (wish.Status is not (WishStatus.Delivered or WishStatus.Funded))
            return Failure.Conflict(Lang.T($"该心愿{Wish.StatusLabel(wish.Status)}，不能确认收到", $"This wish is {Wish.StatusLabel(wish.Status)}: receipt cannot be confirmed"));
        else
        {
            wish.Fulfil(clock.GetUtcNow());
            if (!string.IsNullOrWhiteSpace(r.ThankYou)) wish.Thank(r.ThankYou.Trim());
        }
        await db.SaveChangesAsync(ct);
        return new Confirmed(wish.Id, wish.Status);
    }
}
