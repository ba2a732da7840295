using System.Threading.RateLimiting;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// How the public notice's objection form resists floods (no account): per client address, <c>Wushe:Competitions:ObjectionsPerHour</c>
/// (default 5) objections in any hour, by System.Threading.RateLimiting's sliding window (in memory, per instance), as JoinLimits. A
/// refused attempt is 429 with the wait.
/// </summary>
public sealed class ObjectionLimits(IConfiguration config)
{
    readonly PartitionedRateLimiter<string> objections = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Wushe:Competitions:ObjectionsPerHour", 5),
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 12,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Counts one objection from <paramref name="origin"/>; a 429 failure when the hour's allowance is spent.</summary>
    public Failure? Take(string? origin)
    {
        using var lease = objections.AttemptAcquire(origin ?? "", 1);
        if (lease.IsAcquired) return null;
        return Failure.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(5));
    }
}
