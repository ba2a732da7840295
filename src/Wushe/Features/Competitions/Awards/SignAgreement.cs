using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 签订资助协议 (the host): the signing day (China date, not before the award's confirmation nor after today), once; the mid-term
/// evaluation is then due the call's MidTermMonths later (late = fail) — none when the plan has no mid-term tranche. Under the award's row lock, as every award action
/// (<see cref="AwardAction"/>): two signings racing sign once, the second 409.
/// </summary>
public static class SignAgreement
{
    public sealed record Request
    {
        [Label("签订日期", "Signed on")] public DateOnly? SignedOn { get; init; }
    }

    /// <param name="MidTermDueOn">中期评估截止 (China date); null when the plan has no tranche after a mid-term evaluation.</param>
    public sealed record Agreement(Guid AwardId, DateOnly SignedOn, DateOnly? MidTermDueOn);

    public static async Task<Result<Agreement>> Handle(AppDb db, TimeProvider clock, Guid awardId, Request r, CancellationToken ct = default)
    {
        var opened = await AwardAction.OpenAsync(db, db.Actor, awardId, new Errors(), ct);
        if (opened.Value is not { } action) return opened.Failure!;
        await using var _ = action;
        var award = action.Award;
        var today = ChinaTime.Today(clock);
        var confirmed = DateOnly.FromDateTime(award.ConfirmedAt.ToOffset(ChinaTime.Offset).DateTime);
        if (r.SignedOn is not { } on) return Failure.Invalid("signedOn", Lang.T("请填写签订日期", "Give the signing day"));
        if (on > today || on < confirmed)
            return Failure.Invalid("signedOn", Lang.T($"签订日期应在确定资助之日（{ChinaTime.Format(confirmed)}）与今天之间", $"The signing day lies between the confirmation ({ChinaTime.Format(confirmed)}) and today"));
        if (award.SignedOn is not null) return Failure.Conflict(Lang.T("资助协议已签订", "The agreement is already signed"));
        if (award.Status != AwardStatus.Active) return Failure.Conflict(Lang.T($"资助{CompetitionAward.StatusLabel(award.Status)}", $"The award is {CompetitionAward.StatusLabel(award.Status)}"));
        var months = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Id == award.CompetitionId).Select(c => c.MidTermMonths).SingleAsync(ct);
        // A plan without a mid-term tranche (MidTermMonths 0) has no mid-term deadline: one on the signing day stopped its final tranche the day after.
        award.Sign(on, months > 0 ? on.AddMonths(months) : null);
        await action.CommitAsync(ct);
        return new Agreement(award.Id, on, award.MidTermDueOn);
    }
}
