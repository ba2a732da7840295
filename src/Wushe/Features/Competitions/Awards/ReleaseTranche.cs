using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 拨付资金 (the host): releases tranche number <c>tranche</c> (1 = 第 1 批, as the plan and every message number them) of an active award, under the award's row lock, as
/// <see cref="AwardRules"/> allows today — its amount the plan's share (the last the remainder), each tranche once (also when two
/// releases race: the second is 409). A tranche the rule says is stopped records the stop on the award (已停止拨付; the reason is the rule's,
/// put in words when read: <see cref="AwardRules.StatusNote"/>) and answers 409; one still waiting answers 409 with what it waits for.
/// The note is the host's (0–200); without one the entry is named by its tranche when read (<see cref="AwardRules.MovementNote"/>).
/// A call paid by a community fund: the fund pays the tranche in the same transaction (<see cref="AwardFunding.PayAsync"/>: a payment of
/// the award's request and its entry on the fund's ledger, within what the award reserved — 409 with nothing released when the fund is
/// not active); a stop releases the rest of the reservation.
/// </summary>
public static class ReleaseTranche
{
    public sealed record Request
    {
        [Label("拨付批次", "Tranche")] public int? Tranche { get; init; }
        [Label("说明", "Note")] public string? Note { get; init; }
    }

    public static async Task<Result<AwardBalance>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid awardId, Request r, CancellationToken ct = default)
    {
        var errors = new Errors().Text("note", r.Note, "说明", "The note", 0, 200, required: false);
        if (r.Tranche is null) errors.Add("tranche", Lang.T("请选择拨付批次", "Choose the tranche"));
        var opened = await AwardAction.OpenAsync(db, user, awardId, errors, ct);
        if (opened.Value is not { } action) return opened.Failure!;
        await using var _ = action;
        var award = action.Award;
        var (plan, states, _, _) = await AwardTranches.ReadAsync(db, award, clock, ct);
        if (r.Tranche < 1 || r.Tranche > plan.Count)
            return Failure.Invalid("tranche", Lang.T($"拨付批次应为 1 至 {plan.Count}", $"The tranche is 1 to {plan.Count}"));
        var t = states[r.Tranche!.Value - 1];
        var now = clock.GetUtcNow();
        switch (t.State)
        {
            case TrancheState.Released: return Failure.Conflict(Lang.T($"第 {t.No} 批资金已拨付", $"Tranche {t.No} is already released"));
            case TrancheState.Waiting: return Failure.Conflict(Lang.T($"第 {t.No} 批资金暂不能拨付：{t.Reason}", $"Tranche {t.No} cannot be released yet: {t.Reason}"));
            case TrancheState.Stopped:
                if (award.Status == AwardStatus.Active)
                {
                    // Recorded without words: the reason is the rule's, said in each reader's language (AwardRules.StatusNote).
                    award.MoveTo(AwardStatus.Stopped, "");
                    // The fund's record keeps its Chinese, as the charity ledger does: the rule's stop here is the mid-term's.
                    if (action.FundId is { } stoppedFund) await AwardFunding.ReleaseRestAsync(db, stoppedFund, award.Id, "中期评估不合格或逾期", action.ByName, now, ct);
                    await action.CommitAsync(ct);
                }
                return Failure.Conflict(Lang.T($"第 {t.No} 批资金已停止拨付：{t.Reason}", $"Tranche {t.No} is stopped: {t.Reason}"));
        }
        // No note typed: none stored; the entry is named by its tranche when read, in the reader's language (AwardRules.MovementNote).
        var entry = award.Post(AwardMovementKind.Release, t.No - 1, t.AmountFen, now, r.Note?.Trim() ?? "", action.ByName);
        db.Add(entry);
        // A fund's call: the fund pays the tranche from what the award reserved on it, in the same transaction.
        if (action.FundId is { } fundId && await AwardFunding.PayAsync(db, fundId, award.Id, t.AmountFen, $"{award.AgreementNo}-{t.No}", action.ByName, now, ct) is { } unpaid)
            return unpaid;
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Conflict(Lang.T($"第 {t.No} 批资金刚被他人拨付", $"Tranche {t.No} was released by someone else a moment ago"));
        await action.CommitAsync(ct);
        return AwardMoney.Balance(award, entry.No);
    }
}
