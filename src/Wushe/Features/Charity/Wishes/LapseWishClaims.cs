using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// Claims whose contact was not confirmed by the due time lapse (DOMAIN.md "Micro-wishes": within 7 days, or the claim lapses and the
/// wish returns): each claim ends as <see cref="ClaimStatus.Lapsed"/> and its wish goes back to the wall with priority, one at a time (a
/// claimer confirming at the same moment wins or loses on the claim's version, never both). Run by <see cref="WishLapseService"/>;
/// tests call it with their own clock. Answers how many lapsed.
/// </summary>
public static class LapseWishClaims
{
    public static async Task<int> RunAsync(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<WishClaim>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Status == ClaimStatus.Active && c.ContactDueAt < now)
            .OrderBy(c => c.ContactDueAt).ThenBy(c => c.Id).Select(c => c.Id).Take(1000).ToListAsync(ct);
        db.ActingAs(CurrentUser.System);
        var done = 0;
        foreach (var id in due)
        {
            var claim = await db.Set<WishClaim>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(c => c.Id == id, ct);
            var wish = await db.Set<Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(w => w.Id == claim.WishId, ct);
            if (claim.Status != ClaimStatus.Active) continue;
            claim.End(ClaimStatus.Lapsed, now);
            if (wish.ClaimId == claim.Id) wish.Return();
            try
            {
                await db.SaveChangesAsync(ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The claimer confirmed (or gave up) at this moment: theirs stands.
            }
            db.ChangeTracker.Clear();
        }
        return done;
    }
}

/// <summary>Runs <see cref="LapseWishClaims"/> at start and every ten minutes (tests turn it off: <c>Wushe:Charity:Wishes:LapseInBackground</c>).</summary>
public sealed class WishLapseService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WishLapseService> log) : BackgroundService
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
                var n = await LapseWishClaims.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), clock, stoppingToken);
                if (n > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Wish claims lapsed: {Count}", n);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                log.LogWarning(e, "Lapsing wish claims failed; the next run tries again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
