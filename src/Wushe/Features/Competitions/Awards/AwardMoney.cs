using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>What every award movement answers: the award's money after it.</summary>
public sealed record AwardBalance(Guid AwardId, AwardStatus Status, long AmountFen, long ReleasedFen, long ClawedBackFen, int? EntryNo);

/// <summary>Shared words of the award's use cases.</summary>
static class AwardMoney
{
    public static Failure Stale() => Failure.Conflict(Lang.T("资助刚被他人办理，您的操作未保存，请刷新后查看", "The award changed a moment ago; nothing was saved: reload to see it"));

    public static AwardBalance Balance(CompetitionAward a, int? entry = null) => new(a.Id, a.Status, a.AmountFen, a.ReleasedFen, a.ClawedBackFen, entry);
}
