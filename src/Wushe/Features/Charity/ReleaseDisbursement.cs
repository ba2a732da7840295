using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 撤回 / 释放预留: a request still in voting is withdrawn (no money moves); an approved one gives back what is reserved and unpaid — a
/// Release entry (reserved down, balance unchanged) under the fund's row lock — and becomes Withdrawn (nothing paid) or Paid (for what
/// was). With the reason. Failures: 400 (no reason), 404 (out of scope), 409 (rejected, paid, withdrawn already; a competition award's request, released only when the award stops: <see cref="AwardFunding"/>).
/// </summary>
public static class ReleaseDisbursement
{
    public sealed record Request([property: Label("撤回或释放说明", "Reason")] string? Reason);

    /// <param name="ReleasedFen">The reservation given back, fen (0 for a request withdrawn in voting).</param>
    public sealed record Released(Guid RequestId, DisbursementStatus Status, long ReleasedFen, long AvailableFen);

    public static async Task<Result<Released>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid fundId, Guid requestId, Request r, CancellationToken ct = default)
    {
        var errors = new Errors().Text("reason", r.Reason, "撤回或释放说明", "The reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        var recorder = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, fundId, requestId, ct) is not ({ } fund, { } request)) return Failure.NotFound();
        if (request.AwardId is not null) return AwardFunding.ByAwardOnly(request);
        if (request.Status is not (DisbursementStatus.Voting or DisbursementStatus.Approved))
            return Failure.Conflict(Lang.T($"该申请{DisbursementRequest.StatusLabel(request.Status)}，无需撤回或释放", $"This request is {DisbursementRequest.StatusLabel(request.Status)}: nothing to withdraw or release"));
        var released = request.UnpaidFen;
        var reason = r.Reason!.Trim();
        request.Close(reason);
        if (released > 0)
            FundLedger.Post(db, fund, FundEntryKind.Release, 0, -released, clock.GetUtcNow(), $"释放预留 {request.RequestNo}：{reason}", recorder);
        await Wishes.WishFunding.SettleAsync(db, request, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Released(request.Id, request.Status, released, fund.AvailableFen);
    }
}
