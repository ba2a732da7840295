namespace Wushe.Platform;

/// <summary>China Standard Time helpers: instants are stored in UTC, dates shown in CST.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>
    /// Full years of age on a China date: a birthday counts from China's midnight, not UTC's (someone born on
    /// 2012-12-01 is 13 at 23:59 on 2026-11-30 China time and 14 a minute later). A 29 February birthday counts
    /// on 1 March in other years. Used for the age rules of DOMAIN.md (consent under 14, volunteers from 14/16/18).
    /// </summary>
    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        // Compared as month and day: born 29 Feb, the birthday of a common year is 1 March.
        if (today.Month < birth.Month || (today.Month == birth.Month && today.Day < birth.Day)) age--;
        return Math.Max(0, age);
    }

    /// <inheritdoc cref="AgeOn(DateOnly, DateOnly)"/>
    public static int Age(DateOnly birth, TimeProvider clock) => AgeOn(birth, Today(clock));

    /// <summary>
    /// The instant a China wall-clock time names (a form's <c>datetime-local</c>, an API time written without an offset), in UTC: the one
    /// rule for times people type — 2026-12-10T09:00 is 09:00 in China, stored as 01:00 UTC. The kind of <paramref name="local"/> is ignored.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local) => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset).ToUniversalTime();

    /// <inheritdoc cref="FromLocal(DateTime)"/>
    public static DateTimeOffset? FromLocal(DateTime? local) => local is { } l ? FromLocal(l) : null;

    public static string Format(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "";
}
