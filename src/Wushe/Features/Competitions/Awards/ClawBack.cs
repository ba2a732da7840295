using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 追回资金 (the host): on a stopped award, unspent money clawed back — an amount in yuan at most what was released less what was clawed
/// back already (checked under the award's row lock), with a note (2–200): a movement on the award's ledger. A call paid by a community
/// fund: the money returns to the fund in the same transaction (<see cref="AwardFunding.RefundAsync"/>: a Refund entry on its ledger).
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
        var errors = new Errors().Text("note", r.Note, "说明", "The note", 2, 200);
        if (r.AmountYuan is not { } y || !Money.IsYuan(y)) errors.Add("amountYuan", Money.NotYuan("追回金额", "The amount"));
        var opened = await AwardAction.OpenAsync(db, user, awardId, errors, ct);
        if (opened.Value is not { } action) return opened.Failure!;
        await using var _ = action;
        var award = action.Award;
        if (award.Status != AwardStatus.Stopped)
            return Failure.Conflict(Lang.T("只有已停止拨付的资助才能追回资金", "Money is clawed back only from an award whose funding is stopped"));
        var fen = Money.Fen(r.AmountYuan!.Value);
        var left = award.ReleasedFen - award.ClawedBackFen;
        if (fen > left)
            return Failure.Invalid("amountYuan", Lang.T($"追回金额不能超过已拨付未追回的 {Money.Yuan(left)}", $"The amount is at most the {Money.Yuan(left)} released and not clawed back"));
        var now = clock.GetUtcNow();
        var note = r.Note!.Trim();
        var entry = award.Post(AwardMovementKind.ClawBack, null, fen, now, note, action.ByName);
        db.Add(entry);
        if (action.FundId is { } fundId && await AwardFunding.RefundAsync(db, fundId, award.Id, fen, $"{award.AgreementNo}-追回{entry.No}", note, action.ByName, now, ct) is { } refused)
            return refused;
        await action.CommitAsync(ct);
        return AwardMoney.Balance(award, entry.No);
    }
}
