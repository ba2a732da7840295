using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// The end of a redemption: the merchant confirms it (<see cref="ConfirmAsync"/>, settled), the volunteer cancels it while unconfirmed
/// (<see cref="CancelAsync"/>) or it expires unconfirmed (<see cref="ExpireRedemptions"/>) — the last two refund the points and give the
/// stock back. Each under the redemption's row lock, so a code is settled once, or refunded once, never both.
/// </summary>
public static class CloseRedemption
{
    public sealed record Answer(Guid Id, string Code, RedemptionStatus Status, string OfferTitle, int Points, string VolunteerName, DateTimeOffset? ClosedAt);

    static Answer Of(Redemption r) => new(r.Id, r.Code, r.Status, r.OfferTitle, r.Points, r.VolunteerName, r.ClosedAt);

    /// <summary>Why a closed redemption cannot be closed again, told to the merchant who confirms it.</summary>
    public static Failure NotPending(Redemption r) => Failure.Conflict(r.Status switch
    {
        RedemptionStatus.Settled => Lang.T("该兑换码已核销，不能重复核销", "This code has been confirmed already"),
        RedemptionStatus.Cancelled => Lang.T("该兑换已被志愿者取消", "The volunteer cancelled this redemption"),
        _ => Lang.T("该兑换码已过期，积分已退回志愿者", "This code has expired; the points went back to the volunteer"),
    });

    /// <summary>The same, told to the volunteer who would cancel it.</summary>
    public static Failure NotPendingForVolunteer(Redemption r) => Failure.Conflict(r.Status switch
    {
        RedemptionStatus.Settled => Lang.T("该兑换已在商户处核销，不能取消", "The merchant has confirmed this redemption: it cannot be cancelled"),
        RedemptionStatus.Cancelled => Lang.T("您已取消该兑换，积分已退回", "You cancelled this redemption already; the points came back"),
        _ => Lang.T("该兑换码已过期，积分已退回", "This code has expired; the points came back to you"),
    });

    /// <summary>核销: the signed-in merchant confirms a code of their own merchant. Another merchant's code is 404 (nothing saved); a second confirm 409.</summary>
    public static async Task<Result<Answer>> ConfirmAsync(AppDb db, CurrentUser user, TimeProvider clock, string code, CancellationToken ct = default)
    {
        if (await MerchantHome.MineAsync(db, user, ct) is not { } merchant) return Failure.NotFound();
        var typed = PointsLedger.NormalizeCode(code);
        var id = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.Code == typed && r.MerchantId == merchant.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null) return Failure.NotFound();
        var now = clock.GetUtcNow();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var redemption = (await PointsLedger.LockRedemptionAsync(db, id.Value, ct))!;
        if (redemption.Status != RedemptionStatus.Pending) return NotPending(redemption);
        if (redemption.ExpiresAt <= now) return Failure.Conflict(Lang.T("该兑换码已过核销期限", "This code is past its time to be confirmed"));
        redemption.Close(RedemptionStatus.Settled, now);
        db.ActingAs(user.ActingOn(redemption.AreaCode));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return Of(redemption);
    }

    /// <summary>The volunteer cancels their own unconfirmed redemption: points back, stock back. Another's is 404; a closed one 409.</summary>
    public static async Task<Result<Answer>> CancelAsync(AppDb db, CurrentUser user, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } volunteer) return Failure.NotFound();
        if (!await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(r => r.Id == id && r.VolunteerId == volunteer.Id, ct)) return Failure.NotFound();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var redemption = (await PointsLedger.LockRedemptionAsync(db, id, ct))!;
        if (redemption.Status != RedemptionStatus.Pending) return NotPendingForVolunteer(redemption);
        await RefundAsync(db, redemption, RedemptionStatus.Cancelled, clock.GetUtcNow(), $"取消兑换“{redemption.OfferTitle}”", ct);
        db.ActingAs(user.ActingOn(PointsLedger.CommonArea(redemption.VolunteerAreaCode, redemption.AreaCode)));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return Of(redemption);
    }

    /// <summary>Closes a locked, pending redemption as <paramref name="status"/> and gives back its points and its stock (saved by the caller).</summary>
    internal static async Task RefundAsync(AppDb db, Redemption redemption, RedemptionStatus status, DateTimeOffset now, string note, CancellationToken ct)
    {
        redemption.Close(status, now);
        var account = await PointsLedger.LockAsync(db, redemption.AccountId, ct);
        PointsLedger.Post(db, account, PointsEntryKind.Refund, redemption.Points, now, note, redemptionId: redemption.Id);
        var offer = await PointsLedger.LockOfferAsync(db, redemption.OfferId, ct);
        offer?.GiveBack();
    }
}

/// <summary>
/// Unconfirmed redemptions past their time expire: each closes as <see cref="RedemptionStatus.Expired"/> with a Refund entry and its
/// stock back, in a transaction of its own. Run by <see cref="RedemptionExpiryService"/>; tests call it with their own clock.
/// </summary>
public static class ExpireRedemptions
{
    public static async Task<int> RunAsync(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => r.Status == RedemptionStatus.Pending && r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).ThenBy(r => r.Id).Select(r => r.Id).Take(1000).ToListAsync(ct);
        // The system expires them (any merchant's, any volunteer's).
        db.ActingAs(CurrentUser.System);
        var done = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var redemption = await PointsLedger.LockRedemptionAsync(db, id, ct);
            if (redemption is null || redemption.Status != RedemptionStatus.Pending) continue;
            await CloseRedemption.RefundAsync(db, redemption, RedemptionStatus.Expired, now, $"兑换“{redemption.OfferTitle}”未在期限内核销，积分退回", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            done++;
        }
        return done;
    }
}

/// <summary>Runs <see cref="ExpireRedemptions"/> and <see cref="ExpirePoints"/> at start and every ten minutes (tests turn it off: <c>Wushe:Points:ExpireInBackground</c>).</summary>
public sealed class RedemptionExpiryService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RedemptionExpiryService> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var n = await ExpireRedemptions.RunAsync(db, clock, stoppingToken);
                if (n > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Redemptions expired and refunded: {Count}", n);
                var lapsed = await ExpirePoints.RunAsync(db, clock, stoppingToken);
                if (lapsed > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Accounts whose old points lapsed: {Count}", lapsed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                log.LogWarning(e, "Expiring redemptions failed; the next run tries again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
