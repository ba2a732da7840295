namespace Wushe.Features.Demo;

/// <summary>
/// A clock standing at one moment, so demo records made by the real use cases carry the day they tell of (not the seeding day). The
/// moment may be given in China time; the clock answers it in UTC, as a clock does (PostgreSQL stores instants at offset 0 only).
/// </summary>
sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
