using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// How the residents' page resists floods and guessing (it needs no account): per client address, <c>ReportsPerHour</c>
/// (default 5) new needs and <c>LookupsPerHour</c> (default 30) look-ups or ratings in any hour, by System.Threading.RateLimiting's
/// sliding windows (in memory, per instance); per phone number, <see cref="ReportsPerPhonePerDay"/> needs in 24 hours, counted
/// from the needs themselves (so every instance agrees) after the phone's row is claimed in the need's own transaction
/// (<see cref="ClaimPhoneAsync"/>), so reports sent at one moment cannot all pass the count. Settings live under <c>Wushe:Needs</c>.
/// </summary>
public sealed class ResidentLimits
{
    public const int ReportsPerPhonePerDay = 3;

    readonly PartitionedRateLimiter<string> reports;
    readonly PartitionedRateLimiter<string> lookups;

    public ResidentLimits(IConfiguration config)
    {
        var section = config.GetSection("Wushe:Needs");
        reports = Limiter(section.GetValue("ReportsPerHour", 5));
        lookups = Limiter(section.GetValue("LookupsPerHour", 30));
    }

    static PartitionedRateLimiter<string> Limiter(int perHour) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perHour,
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 12,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>
    /// The per-phone limit, checked and taken in one step: inside the caller's transaction (which then inserts the need and
    /// commits), claims the phone's <see cref="ReportingPhone"/> row by an update — on PostgreSQL a row lock held to the commit, so
    /// a second report from the phone waits here and then, reading committed rows, counts the first's need; on SQLite the write
    /// lock (and the process's write gate) — then counts the phone's needs raised in the 24 hours before <paramref name="now"/>.
    /// The row is inserted on the phone's first report; two first reports at once: the unique key refuses one insert (rolled back
    /// to its savepoint), which then claims the row the other committed. A 429 failure when the phone has reported
    /// <see cref="ReportsPerPhonePerDay"/> needs (the caller rolls back); null when this report may be saved.
    /// The phone is named only by its keyed hash (<c>Sealer.Hash</c>).
    /// </summary>
    public static async Task<Failure?> ClaimPhoneAsync(AppDb db, string phoneHash, DateTimeOffset now, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The phone's row is claimed inside the need's transaction.");
        for (var attempt = 0; ; attempt++)
        {
            if (await db.Set<ReportingPhone>().Where(p => p.PhoneHash == phoneHash).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReportedAt, now), ct) > 0) break;
            db.Add(new ReportingPhone(phoneHash, now));
            if (await db.SaveOrFindDuplicateAsync(ct) is null) break;
            if (attempt >= 2) return UniqueKeys.Conflict();
        }
        var since = now.AddDays(-1);
        if (await db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(n => n.RequesterPhone!.Hash == phoneHash && n.RaisedAt > since, ct) < ReportsPerPhonePerDay)
            return null;
        return Failure.TooManyRequests(TimeSpan.FromHours(24)) with
        {
            Title = Lang.T($"同一手机号 24 小时内最多提交 {ReportsPerPhonePerDay} 条需求，请稍后再试或直接联系社区",
                $"One phone number may report at most {ReportsPerPhonePerDay} needs in 24 hours; try later or call your community"),
        };
    }

    /// <summary>Counts one report from <paramref name="origin"/>; a 429 failure (with the wait) when the hour's allowance is spent.</summary>
    public Failure? Report(string? origin) => Take(reports, origin);

    /// <summary>Counts one look-up or rating from <paramref name="origin"/>; a 429 failure when the hour's allowance is spent.</summary>
    public Failure? Lookup(string? origin) => Take(lookups, origin);

    static Failure? Take(PartitionedRateLimiter<string> limiter, string? origin)
    {
        using var lease = limiter.AttemptAcquire(origin ?? "", 1);
        if (lease.IsAcquired) return null;
        return Failure.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(5));
    }
}
