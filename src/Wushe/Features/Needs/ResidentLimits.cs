using System.Threading.RateLimiting;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// How the residents' page resists floods and guessing (it needs no account): per client address, <c>ReportsPerHour</c>
/// (default 5) new needs and <c>LookupsPerHour</c> (default 30) look-ups or ratings in any hour, by System.Threading.RateLimiting's
/// sliding windows (in memory, per instance); per phone number, <see cref="ReportsPerPhonePerDay"/> needs in 24 hours, counted
/// from the needs themselves (so every instance agrees). Settings live under <c>Wushe:Needs</c>.
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
