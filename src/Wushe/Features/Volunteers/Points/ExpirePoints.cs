using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 积分过期 (DOMAIN.md "Points and virtue credit": optional expiry): where the region's rules give points a life
/// (<see cref="VolunteerSettings.PointsValidYears"/>), points credited before the cut-off that were not used lapse, oldest first. What
/// was used is everything that left the account — redeemed (less what was refunded), donated, reversed, lapsed before — so the points
/// left of the old credits are Σ credits before the cut-off (earned, received) − Σ used, when positive. Each lapse is one
/// <see cref="PointsEntryKind.Expiry"/> entry posted under the account's lock in a transaction of its own; running again finds nothing
/// more (the lapse counts as used). Regions without the rule (the national default) expire nothing. Run by
/// <see cref="RedemptionExpiryService"/>; tests call it with their own clock.
/// </summary>
public static class ExpirePoints
{
    /// <summary>The points still unused of those credited before <paramref name="cutoff"/>, for one account's entries.</summary>
    public static async Task<int> LapsingAsync(AppDb db, Guid accountId, DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var entries = db.Set<PointsEntry>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(e => e.AccountId == accountId);
        var old = await entries.Where(e => (e.Kind == PointsEntryKind.Earn || e.Kind == PointsEntryKind.DonateIn) && e.At < cutoff).SumAsync(e => e.Points, ct);
        var used = -await entries.Where(e => e.Kind != PointsEntryKind.Earn && e.Kind != PointsEntryKind.DonateIn).SumAsync(e => e.Points, ct);
        return Math.Max(0, old - used);
    }

    /// <summary>Lapses what is due on every account; the count of accounts that lost points.</summary>
    public static async Task<int> RunAsync(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var shortest = await db.Set<VolunteerRuleSet>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.PointsValidYears != null).MinAsync(s => s.PointsValidYears, ct);
        if (shortest is null) return 0;
        var now = clock.GetUtcNow();
        var earliestCutoff = now.AddYears(-shortest.Value);
        // Every account with credits older than the shortest life anywhere (ids only: at most one per volunteer; taking the first
        // 1,000 would take the same ones again each run, as an account whose old points lapsed stays one); each read against its own rule.
        var candidates = await db.Set<PointsEntry>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(e => (e.Kind == PointsEntryKind.Earn || e.Kind == PointsEntryKind.DonateIn) && e.At < earliestCutoff)
            .Select(e => e.AccountId).Distinct().ToListAsync(ct);
        db.ActingAs(CurrentUser.System);
        var done = 0;
        foreach (var id in candidates.Order())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var account = await PointsLedger.LockAsync(db, id, ct);
            var rules = await VolunteerRules.ForAreaAsync(db, account.AreaCode, ct);
            if (rules.PointsValidYears is not { } years) continue;
            var lapsing = Math.Min(account.Balance, await LapsingAsync(db, id, now.AddYears(-years), ct));
            if (lapsing <= 0) continue;
            PointsLedger.Post(db, account, PointsEntryKind.Expiry, -lapsing, now, $"积分有效期 {years} 年，{years} 年前获得且未使用的 {lapsing} 积分过期");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            done++;
        }
        return done;
    }
}
