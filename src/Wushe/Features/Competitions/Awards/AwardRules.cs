using Wushe.Platform;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>每批资金的状态: released, releasable now, waiting for its gate, or stopped (funding stopped).</summary>
public enum TrancheState
{
    Released = 1,
    Releasable = 2,
    Waiting = 3,
    Stopped = 4,
}

/// <summary>
/// 拨付规则 (pure): what each tranche of an award's plan may do today. A tranche's amount is its percent of the award, rounded down to the
/// fen, the last taking the remainder (the amounts add up to the award exactly). Gates: 签订协议后 — the agreement signed; 中期评估合格后 —
/// the mid-term evaluation reviewed and passed on or before its due day (China dates); 结项评估合格后 — the final evaluation passed; and the
/// earlier tranches released first. A failed mid-term, one passed after its due day, or none passed by then (DOMAIN.md: late = fail) stops
/// every tranche gated on the evaluations; an award stopped (or closed) releases nothing more.
/// </summary>
public static class AwardRules
{
    /// <summary>What the rule reads of the award: amount (fen), status and its note, signing and mid-term due days, the tranches released.</summary>
    public sealed record AwardFacts(long AmountFen, AwardStatus Status, string StatusNote, DateOnly? SignedOn, DateOnly? MidTermDueOn, IReadOnlyCollection<int> Released);

    /// <summary>What the rule reads of the project's evaluations: each stage's result once reviewed (null before) and the mid-term's review day (China date).</summary>
    public sealed record Evaluations(bool? MidTermPassed, DateOnly? MidTermReviewedOn, bool? FinalPassed);

    /// <summary>One tranche of an award's plan: <c>No</c> its number as users read it (1 = 第 1 批), its percent, gate, amount in fen, state and why.</summary>
    public sealed record Tranche(int No, int Percent, TrancheGate Gate, long AmountFen, TrancheState State, string Reason);

    /// <summary>The amount of each tranche in fen: percent of the award rounded down, the last the remainder.</summary>
    public static IReadOnlyList<long> Amounts(IReadOnlyList<TranchePlan> plan, long amountFen)
    {
        var amounts = plan.Select(t => amountFen * t.Percent / 100).ToList();
        if (amounts.Count > 0) amounts[^1] = amountFen - amounts.Take(amounts.Count - 1).Sum();
        return amounts;
    }

    /// <summary>Why funding stops on <paramref name="today"/> by the mid-term evaluation (failed, late, or not passed by its due day); null when it does not.</summary>
    public static string? MidTermStop(AwardFacts award, Evaluations e, DateOnly today)
    {
        if (e.MidTermPassed == false) return Lang.T("中期评估不合格，停止拨付后续资金", "The mid-term evaluation failed: later tranches are stopped");
        if (award.MidTermDueOn is not { } due) return null;
        if (e.MidTermPassed == true && e.MidTermReviewedOn is { } on && on > due)
            return Lang.T($"中期评估逾期（截止 {ChinaTime.Format(due)}，评审于 {ChinaTime.Format(on)}），视为不合格，停止拨付后续资金",
                $"The mid-term evaluation was late (due {ChinaTime.Format(due)}, reviewed {ChinaTime.Format(on)}): it counts as failed and later tranches are stopped");
        if (e.MidTermPassed != true && today > due)
            return Lang.T($"中期评估截止 {ChinaTime.Format(due)} 前未评估合格，视为不合格，停止拨付后续资金",
                $"No passed mid-term evaluation by its due day {ChinaTime.Format(due)}: it counts as failed and later tranches are stopped");
        return null;
    }

    public static IReadOnlyList<Tranche> States(IReadOnlyList<TranchePlan> plan, AwardFacts award, Evaluations e, DateOnly today)
    {
        var amounts = Amounts(plan, award.AmountFen);
        var stop = MidTermStop(award, e, today);
        var result = new List<Tranche>();
        for (var i = 0; i < plan.Count; i++)
        {
            var t = plan[i];
            (TrancheState State, string Reason) s;
            if (award.Released.Contains(i)) s = (TrancheState.Released, "");
            else if (award.Status == AwardStatus.Stopped) s = (TrancheState.Stopped, StatusNote(award, e, today));
            else if (award.Status == AwardStatus.Closed) s = (TrancheState.Stopped, Lang.T("已结项", "The award is closed"));
            else if (t.Gate != TrancheGate.Signing && stop is not null) s = (TrancheState.Stopped, stop);
            else if (t.Gate == TrancheGate.Signing && award.SignedOn is null) s = (TrancheState.Waiting, Lang.T("待签订资助协议", "Awaiting the signed agreement"));
            else if (t.Gate == TrancheGate.MidTermPassed && e.MidTermPassed != true)
                s = (TrancheState.Waiting, award.MidTermDueOn is { } due
                    ? Lang.T($"待中期评估合格（截止 {ChinaTime.Format(due)}）", $"Awaiting a passed mid-term evaluation (due {ChinaTime.Format(due)})")
                    : Lang.T("待签订协议后进行中期评估", "The mid-term evaluation follows the signed agreement"));
            else if (t.Gate == TrancheGate.FinalPassed && e.FinalPassed != true) s = (TrancheState.Waiting, Lang.T("待结项评估合格", "Awaiting a passed final evaluation"));
            else if (Enumerable.Range(0, i).Any(j => !award.Released.Contains(j))) s = (TrancheState.Waiting, Lang.T("待前一批资金拨付", "The earlier tranche is released first"));
            else s = (TrancheState.Releasable, "");
            result.Add(new Tranche(i + 1, t.Percent, t.Gate, amounts[i], s.State, s.Reason));
        }
        return result;
    }

    /// <summary>
    /// The award's note as people read it: a note typed (a stop's reason, a closing note) as it was typed; a stop the rule made itself
    /// (<see cref="ReleaseTranche"/> records it without words) the rule's reason (<see cref="MidTermStop"/>), in the reader's language
    /// at the time of reading; otherwise "".
    /// </summary>
    public static string StatusNote(AwardFacts award, Evaluations e, DateOnly today) =>
        award.StatusNote.Length > 0 || award.Status != AwardStatus.Stopped ? award.StatusNote
            : MidTermStop(award, e, today) ?? Lang.T("已停止拨付", "Funding is stopped");

    /// <summary>
    /// A ledger entry's note as people read it: the note typed as it was typed; a release recorded without one (<see cref="ReleaseTranche"/>)
    /// named by its tranche in the call's plan — "第 2 批（40%，中期评估合格后）" —, in the reader's language at the time of reading.
    /// </summary>
    public static string MovementNote(IReadOnlyList<TranchePlan> plan, AwardMovementKind kind, int? tranche, string note) =>
        note.Length > 0 || kind != AwardMovementKind.Release || tranche is not { } i ? note
            : i < plan.Count ? TrancheName(i, plan[i]) : Lang.T($"第 {i + 1} 批", $"Tranche {i + 1}");

    /// <summary>"第 1 批（40%，签订协议后）": a tranche by its place (0-based), percent and gate, in the reader's language.</summary>
    public static string TrancheName(int index, TranchePlan t) =>
        Lang.T($"第 {index + 1} 批（{t.Percent}%，{Competition.GateLabel(t.Gate)}）", $"Tranche {index + 1} ({t.Percent}%, {Competition.GateLabel(t.Gate)})");

    public static string StateLabel(TrancheState s) => s switch
    {
        TrancheState.Released => Lang.T("已拨付", "Released"),
        TrancheState.Releasable => Lang.T("可拨付", "Releasable"),
        TrancheState.Waiting => Lang.T("待条件满足", "Waiting"),
        TrancheState.Stopped => Lang.T("已停止", "Stopped"),
        _ => s.ToString(),
    };
}
