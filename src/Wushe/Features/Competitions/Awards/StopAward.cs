using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 停止拨付 (the host): an active award stops (已停止拨付) with the reason (2–500); no tranche is released after it; a claw-back may follow.
/// A call paid by a community fund: what the award's request holds unpaid on the fund is released (<see cref="AwardFunding.ReleaseRestAsync"/>).
/// </summary>
public static class StopAward
{
    public sealed record Request
    {
        [Label("停止原因", "Reason")] public string? Reason { get; init; }
    }

    public static async Task<Result<AwardBalance>> Handle(AppDb db, TimeProvider clock, Guid awardId, Request r, CancellationToken ct = default)
    {
        var opened = await AwardAction.OpenAsync(db, db.Actor, awardId, new Errors().Text("reason", r.Reason, "停止原因", "The reason", 2, 500), ct);
        if (opened.Value is not { } action) return opened.Failure!;
        await using var _ = action;
        var award = action.Award;
        if (award.Status != AwardStatus.Active) return Failure.Conflict(Lang.T($"资助{CompetitionAward.StatusLabel(award.Status)}，不能停止拨付", $"The award is {CompetitionAward.StatusLabel(award.Status)}: it cannot be stopped"));
        var reason = r.Reason!.Trim();
        award.MoveTo(AwardStatus.Stopped, reason);
        if (action.FundId is { } fundId) await AwardFunding.ReleaseRestAsync(db, fundId, award.Id, reason, action.ByName, clock.GetUtcNow(), ct);
        await action.CommitAsync(ct);
        return AwardMoney.Balance(award);
    }
}
