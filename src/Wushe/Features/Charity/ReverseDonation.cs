using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 捐赠冲正: a donation recorded in error is reversed by a new ledger entry of the opposite amount (money is never edited in place,
/// DESIGN.md), with the reason; the donation stays, marked reversed, and its receipt number is not reused. Refused (409, nothing saved)
/// when reversed already, or when the money is no longer there to take back (the available balance — balance less reservations — is
/// smaller than the donation). Failures: 400 (no reason), 404 (out of scope).
/// </summary>
public static class ReverseDonation
{
    public sealed record Request([property: Label("冲正原因", "Reason")] string? Reason);

    /// <param name="BalanceFen">The fund's balance after, fen.</param>
    public sealed record Reversed(Guid Id, long Sequence, long BalanceFen);

    public static async Task<Result<Reversed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid fundId, Guid donationId, Request r, CancellationToken ct = default)
    {
        var errors = new Errors().Text("reason", r.Reason, "冲正原因", "The reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        var recorder = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, fundId, ct) is not { } fund) return Failure.NotFound();
        if (await db.Set<Donation>().FirstOrDefaultAsync(d => d.Id == donationId && d.FundId == fundId, ct) is not { } donation) return Failure.NotFound();
        await db.Entry(donation).ReloadAsync(ct);
        if (donation.ReversedAt is not null) return Failure.Conflict(Lang.T("该笔捐赠已冲正", "This donation is reversed already"));
        if (fund.AvailableFen < donation.AmountFen)
            return Failure.Conflict(Lang.T($"可用余额 {Money.Yuan(fund.AvailableFen)} 少于该笔捐赠 {Money.Yuan(donation.AmountFen)}，不能冲正；请先释放预留或转入资金",
                $"The available balance {Money.Yuan(fund.AvailableFen)} is less than the donation {Money.Yuan(donation.AmountFen)}: release reservations first"));
        var now = clock.GetUtcNow();
        donation.Reverse(now, r.Reason!.Trim());
        var entry = FundLedger.Post(db, fund, FundEntryKind.DonationReversal, -donation.AmountFen, 0, now, $"捐赠冲正 {donation.ReceiptNo}：{r.Reason!.Trim()}", recorder, donation.Id);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Reversed(donation.Id, entry.Sequence, fund.BalanceFen);
    }
}
