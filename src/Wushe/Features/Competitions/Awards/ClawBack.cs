using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 追回资金 (the host): on a stopped award, unspent money clawed back — an amount in yuan at most what was released less what was clawed
/// back already (checked under the award's row lock), with a note (2–200): a movement on the award's ledger.
/// </summary>
public static class ClawBack
{
    public sealed record Request
    {
        [Label("追回金额（元）", "Amount (yuan)")] public decimal? AmountYuan { get; init; }
        [Label("说明", "Note")] public string? Note { get; init; }
    }

    public static async Task<Result<AwardBalance>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid awardId, Request r, CancellationToken ct = default)
    {
        if (await AwardHost.RefusalAsync(db, awardId, ct) is { } refused) return refused;
        var errors = new Errors().Text("note", r.Note, "说明", "The note", 2, 200);
        if (r.AmountYuan is not { } y || !Money.IsYuan(y)) errors.Add("amountYuan", Money.NotYuan("追回金额", "The amount"));
        if (errors.Any) return errors.ToFailure();
        var name = await Workers.NameAsync(db, user, ct);
        // A page's post already runs in the one-submission transaction (FormSubmissions): the work joins it.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await CompetitionLedger.LockAwardAsync(db, awardId, ct) is not { } award) return Failure.NotFound();
        if (award.Status != AwardStatus.Stopped)
            return Failure.Conflict(Lang.T("只有已停止拨付的资助才能追回资金", "Money is clawed back only from an award whose funding is stopped"));
        var fen = Money.Fen(r.AmountYuan!.Value);
        var left = award.ReleasedFen - award.ClawedBackFen;
        if (fen > left)
            return Failure.Invalid("amountYuan", Lang.T($"追回金额不能超过已拨付未追回的 {Money.Yuan(left)}", $"The amount is at most the {Money.Yuan(left)} released and not clawed back"));
        var entry = award.Post(AwardMovementKind.ClawBack, null, fen, clock.GetUtcNow(), r.Note!.Trim(), name);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return AwardMoney.Balance(award, entry.No);
    }
}
