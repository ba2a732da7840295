namespace Wushe.Platform;

/// <summary>China Standard Time helpers: instants are stored in UTC, dates shown in CST.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static string Format(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "";
}
