using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>停止拨付 (the host): an active award stops (已停止拨付) with the reason (2–500); no tranche is released after it; a claw-back may follow.</summary>
public static class StopAward
{
    public sealed record Request
    {
        [Label("停止原因", "Reason")] public string? Reason { get; init; }
    }

    public static async Task<Result<AwardBalance>> Handle(AppDb db, Guid awardId, Request r, CancellationToken ct = default)
    {
        if (await AwardHost.RefusalAsync(db, awardId, ct) is { } refused) return refused;
        var errors = new Errors().Text("reason", r.Reason, "停止原因", "The reason", 2, 500);
        if (errors.Any) return errors.ToFailure();
        // A page's post already runs in the one-submission transaction (FormSubmissions): the work joins it.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await CompetitionLedger.LockAwardAsync(db, awardId, ct) is not { } award) return Failure.NotFound();
        if (award.Status != AwardStatus.Active) return Failure.Conflict(Lang.T($"资助{CompetitionAward.StatusLabel(award.Status)}，不能停止拨付", $"The award is {CompetitionAward.StatusLabel(award.Status)}: it cannot be stopped"));
        award.MoveTo(AwardStatus.Stopped, r.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return AwardMoney.Balance(award);
    }
}
