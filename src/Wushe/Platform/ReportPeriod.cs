using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform;

/// <summary>
/// 统计期间: whole calendar months within one year, as civil-affairs figures are kept (月报、季报、年报) — the period of the service
/// summary and of the charity report. Dates are China dates; <see cref="Start"/> and <see cref="End"/> give the period as UTC instants
/// (China midnight of the first day, and of the day after the last), for records stamped with an instant.
/// </summary>
/// <param name="Year">A calendar year from <see cref="FirstYear"/> to this year.</param>
/// <param name="FromMonth">1–12.</param>
/// <param name="ToMonth">1–12, not before <paramref name="FromMonth"/>.</param>
public sealed record ReportPeriod(int Year, int FromMonth, int ToMonth)
{
    public const int FirstYear = 2000;

    /// <summary>
    /// The period's rules (no database): the months as given, or by default this year from January to this month (December in a
    /// past year). Errors name the field: year (2000 to this year), fromMonth / toMonth (1–12, from not after to).
    /// </summary>
    public static (ReportPeriod Period, Errors Errors) Check(int? year, int? from, int? to, DateOnly today)
    {
        var errors = new Errors();
        var y = year ?? today.Year;
        if (y < FirstYear || y > today.Year) errors.Add("year", Lang.T($"统计年度须在 {FirstYear} 年至 {today.Year} 年之间", $"The year is between {FirstYear} and {today.Year}"));
        var f = from ?? 1;
        var t = to ?? (y == today.Year ? today.Month : 12);
        if (f is < 1 or > 12) errors.Add("fromMonth", Lang.T("开始月份须为 1 至 12", "The from month is 1 to 12"));
        if (t is < 1 or > 12) errors.Add("toMonth", Lang.T("结束月份须为 1 至 12", "The to month is 1 to 12"));
        else if (f is >= 1 and <= 12 && f > t) errors.Add("fromMonth", Lang.T("开始月份不能晚于结束月份", "The from month cannot be after the to month"));
        return (new ReportPeriod(y, f, t), errors);
    }

    /// <summary>The first day (China date).</summary>
    public DateOnly From => new(Year, FromMonth, 1);

    /// <summary>The last day (China date): the last day of <see cref="ToMonth"/>.</summary>
    public DateOnly To => new DateOnly(Year, ToMonth, 1).AddMonths(1).AddDays(-1);

    /// <summary>China midnight of the first day, in UTC (inclusive).</summary>
    public DateTimeOffset Start => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>China midnight of the day after the last, in UTC (exclusive).</summary>
    public DateTimeOffset End => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The period as people read it: 2026年1月–11月 / Jan–Nov 2026.</summary>
    public string Label => Text(Year, FromMonth, ToMonth);

    /// <inheritdoc cref="Label"/>
    public static string Text(int year, int from, int to) => from == to
        ? Lang.T($"{year}年{from}月", $"{MonthName(from)} {year}")
        : Lang.T($"{year}年{from}月–{to}月", $"{MonthName(from)}–{MonthName(to)} {year}");

    /// <summary>For a file name or an audit note: 2026-01~2026-11.</summary>
    public string Code => $"{Year}-{FromMonth:00}~{Year}-{ToMonth:00}";

    static string MonthName(int month) => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);
}
