namespace Wushe.Features.Demo;

/// <summary>A clock standing at one moment, so demo records made by the real use cases carry the day they tell of (not the seeding day).</summary>
sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
