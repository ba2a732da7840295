using Wushe.Platform;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Platform;

/// <summary>Dates and ages in China time (DOMAIN.md: age rules; issue 7's case from other systems' bug trackers).</summary>
public sealed class ChinaTimeTests
{
    [Fact]
    public void A_child_turns_fourteen_at_China_midnight_not_UTC_midnight()
    {
        var birth = new DateOnly(2012, 12, 1);
        // 23:59 on 30 November in China is 15:59 UTC: still 13.
        Assert.Equal(13, ChinaTime.Age(birth, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero))));
        // A minute later it is 1 December in China (still 30 November in UTC): 14.
        Assert.Equal(14, ChinaTime.Age(birth, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero))));
    }

    [Theory]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    [InlineData("2000-02-29", "2028-02-29", 28)]
    [InlineData("2010-06-15", "2010-06-15", 0)]
    [InlineData("2010-06-15", "2024-06-14", 13)]
    [InlineData("2010-06-15", "2024-06-15", 14)]
    [InlineData("2030-01-01", "2026-01-01", 0)]
    public void Age_counts_full_years_and_a_leap_day_birthday_on_the_first_of_March(string birth, string today, int age) =>
        Assert.Equal(age, ChinaTime.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
