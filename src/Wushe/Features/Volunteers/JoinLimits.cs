using System.Threading.RateLimiting;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers;

/// <summary>
/// How the public registration page resists floods (it creates accounts without anyone signed in): per client address,
/// <c>Wushe:Volunteers:JoinsPerHour</c> (default 5) registrations tried in any hour, by System.Threading.RateLimiting's sliding window
/// (in memory, per instance). A refused attempt is 429 with the wait.
/// </summary>
public sealed class JoinLimits(IConfiguration config)
{
    readonly PartitionedRateLimiter<string> joins = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Wushe:Volunteers:JoinsPerHour", 5),
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 12,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Counts one registration attempt from <paramref name="origin"/>; a 429 failure when the hour's allowance is spent.</summary>
    public Failure? Take(string? origin)
    {
        using var lease = joins.AttemptAcquire(origin ?? "", 1);
        if (lease.IsAcquired) return null;
        return Failure.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(5));
    }
}
