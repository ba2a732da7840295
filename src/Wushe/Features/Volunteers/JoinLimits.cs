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

/// <summary>
/// How check-in resists guessing: a six-digit code is one in 10⁶ (two minutes valid: one in 500,000), so each volunteer has
/// <c>Wushe:Volunteers:CheckInsPer10Minutes</c> (default 20) scans or typed codes at once, refilled at a tenth of that a minute
/// (System.Threading.RateLimiting's token bucket, in memory, per instance): at most that many in any ten minutes after the first burst.
/// A refused attempt is 429 with the true wait — the time until the next attempt is allowed (a sliding window answered its segment's
/// minute while the spent attempts came back only as they slid out, up to ten minutes later).
/// </summary>
public sealed class CheckInLimits(IConfiguration config)
{
    readonly PartitionedRateLimiter<Guid> scans = PartitionedRateLimiter.Create<Guid, Guid>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            var limit = Math.Max(1, config.GetValue("Wushe:Volunteers:CheckInsPer10Minutes", 20));
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit,
                TokensPerPeriod = Math.Max(1, limit / 10),
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }));

    /// <summary>Counts one scan or typed code by <paramref name="volunteerId"/>; a 429 failure with the wait when the allowance is spent.</summary>
    public Failure? Take(Guid volunteerId)
    {
        using var lease = scans.AttemptAcquire(volunteerId, 1);
        if (lease.IsAcquired) return null;
        return Failure.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
    }
}
