using Wushe.Features.Volunteers;

namespace Wushe.Tests.Volunteers;

/// <summary>A region's volunteer rules, hours credited from a shift, stars (DOMAIN.md "Volunteers").</summary>
public sealed class VolunteerRulesTests
{
    static readonly VolunteerSettings National = VolunteerSettings.National;
    static readonly VolunteerSettings Beijing = National with { StarThresholdHours = VolunteerSettings.BeijingStarHours };

    /// <summary>A shift from 09:00 to 12:00 China time on 1 December 2026.</summary>
    static readonly DateTimeOffset ShiftStart = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset ShiftEnd = ShiftStart.AddHours(3);

    static int H(double hours) => (int)Math.Round(hours * 60);

    [Fact]
    public void The_national_defaults_make_sense()
    {
        Assert.Null(National.Check());
        Assert.Null(Beijing.Check());
        Assert.Equal(30, National.RoundingMinutes);
        Assert.Equal(480, National.DailyCapMinutes);
        Assert.Equal([100, 300, 600, 1000, 1500], National.StarThresholdHours);
        Assert.Equal(1500, National.PointsCap);
        Assert.False(National.PointsDonationAllowed);
    }

    [Fact]
    public void Nonsense_settings_are_refused_with_a_reason()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("星级门槛须为 5 个小时数", (National with { StarThresholdHours = [100, 300, 600, 1000] }).Check());
        Assert.Equal("星级门槛须逐级递增", (National with { StarThresholdHours = [100, 300, 300, 1000, 1500] }).Check());
        Assert.Equal("星级门槛须逐级递增", (National with { StarThresholdHours = [100, 300, 200, 1000, 1500] }).Check());
        Assert.Equal("星级门槛须为正数", (National with { StarThresholdHours = [0, 300, 600, 1000, 1500] }).Check());
        Assert.Equal("计时单位须为 1 至 120 分钟", (National with { RoundingMinutes = 0 }).Check());
        Assert.Equal("计时单位须为 1 至 120 分钟", (National with { RoundingMinutes = 121 }).Check());
        Assert.Equal("最低出勤比例须为 1% 至 100%", (National with { MinAttendancePercent = 0 }).Check());
        Assert.Equal("最低出勤比例须为 1% 至 100%", (National with { MinAttendancePercent = 101 }).Check());
        Assert.NotNull((National with { DailyCapMinutes = 0 }).Check());
        Assert.NotNull((National with { DailyCapMinutes = 25 * 60 }).Check());
        Assert.NotNull((National with { DailyCapMinutes = 475 }).Check()); // not whole half hours
        Assert.NotNull((National with { PostingDays = -1 }).Check());
        Assert.NotNull((National with { PointsPerHour = -1 }).Check());
        Assert.NotNull((National with { GeofenceMeters = -1 }).Check());
        Assert.NotNull((National with { RedeemMinStars = 6 }).Check());
        Assert.NotNull((National with { PointsCap = 0 }).Check());
        Assert.Null((National with { PointsCap = null, GeofenceMeters = 0, RedeemMinStars = 0 }).Check());
    }

    [Fact]
    public void Only_time_inside_the_shift_counts()
    {
        // Arrived 40 minutes early, left an hour late: the shift's 3 hours, no more.
        var credit = VolunteerHours.Credited(ShiftStart.AddMinutes(-40), ShiftEnd.AddHours(1), ShiftStart, ShiftEnd, National);
        Assert.True(credit.AttendanceMet);
        Assert.Equal(180, credit.Minutes);
        Assert.Null(credit.Reason);

        // A check-out entirely before the shift counts nothing.
        var before = VolunteerHours.Credited(ShiftStart.AddHours(-2), ShiftStart.AddHours(-1), ShiftStart, ShiftEnd, National);
        Assert.False(before.AttendanceMet);
        Assert.Equal(0, before.Minutes);
    }

    [Fact]
    public void Sixty_percent_of_the_shift_is_the_least_that_counts()
    {
        using var chinese = new ChineseCulture();
        // 60% of 180 minutes is 108: 107 is 59.4% — nothing, with the reason.
        var short1 = VolunteerHours.Credited(ShiftStart, ShiftStart.AddMinutes(107), ShiftStart, ShiftEnd, National);
        Assert.False(short1.AttendanceMet);
        Assert.Equal(0, short1.Minutes);
        Assert.Equal(107, short1.AttendedMinutes);
        Assert.Equal("在活动时段内服务 107 分钟，不足活动时长的 60%，不计时长", short1.Reason);

        // A 100-minute shift: 59 minutes (59%) no, 60 minutes (60%) yes.
        var end = ShiftStart.AddMinutes(100);
        Assert.False(VolunteerHours.Credited(ShiftStart, ShiftStart.AddMinutes(59), ShiftStart, end, National).AttendanceMet);
        var enough = VolunteerHours.Credited(ShiftStart, ShiftStart.AddMinutes(60), ShiftStart, end, National);
        Assert.True(enough.AttendanceMet);
        Assert.Equal(60, enough.Minutes);

        // 108 of 180 minutes, arriving late: 60% exactly counts, rounded down to 1.5 h.
        var late = VolunteerHours.Credited(ShiftEnd.AddMinutes(-108), ShiftEnd.AddMinutes(30), ShiftStart, ShiftEnd, National);
        Assert.True(late.AttendanceMet);
        Assert.Equal(90, late.Minutes);
    }

    [Fact]
    public void A_part_of_half_an_hour_is_not_counted()
    {
        using var chinese = new ChineseCulture();
        var credit = VolunteerHours.Credited(ShiftStart, ShiftStart.AddMinutes(179).AddSeconds(59), ShiftStart, ShiftEnd, National);
        Assert.Equal(179, credit.AttendedMinutes); // seconds dropped
        Assert.Equal(150, credit.Minutes);
        Assert.Equal("不足 30 分钟的部分不计", credit.Reason);

        Assert.Equal(60, VolunteerHours.Round(89, National));
        Assert.Equal(90, VolunteerHours.Round(90, National));
        Assert.Equal(0, VolunteerHours.Round(29, National));
        Assert.Equal(0, VolunteerHours.Round(-5, National));
        Assert.Equal(45, VolunteerHours.Round(59, National with { RoundingMinutes = 15 }));
    }

    [Fact]
    public void Hours_are_shown_with_one_decimal_whatever_the_culture()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("0", VolunteerHours.Format(0));
        Assert.Equal("0.5", VolunteerHours.Format(30));
        Assert.Equal("2", VolunteerHours.Format(120));
        Assert.Equal("3.5", VolunteerHours.Format(210));
        Assert.Equal("128.5", VolunteerHours.Format(H(128.5)));
        Assert.Equal("1500", VolunteerHours.Format(90_000));
    }

    [Fact]
    public void No_more_than_the_daily_cap_is_credited_for_one_activity_on_one_day()
    {
        using var chinese = new ChineseCulture();
        var start = ShiftStart.AddHours(-1);
        var end = start.AddHours(10);
        var credit = VolunteerHours.Credited(start, end, start, end, National);
        Assert.True(credit.Capped);
        Assert.Equal(480, credit.Minutes);
        Assert.Equal("超过每日上限，按 8 小时计", credit.Reason);

        var exactly = VolunteerHours.Credited(start, start.AddHours(8), start, start.AddHours(8), National);
        Assert.False(exactly.Capped);
        Assert.Equal(480, exactly.Minutes);
    }

    [Fact]
    public void A_check_out_before_the_check_in_is_refused()
    {
        var credit = VolunteerHours.Credited(ShiftEnd, ShiftStart, ShiftStart, ShiftEnd, National);
        Assert.Equal(0, credit.Minutes);
        Assert.NotNull(credit.Reason);
        Assert.NotNull(VolunteerHours.Credited(ShiftStart, ShiftEnd, ShiftEnd, ShiftStart, National).Reason);
    }

    [Fact]
    public void A_manual_entry_is_whole_units_up_to_the_daily_cap()
    {
        using var chinese = new ChineseCulture();
        Assert.Null(VolunteerHours.CheckManual(30, National));
        Assert.Null(VolunteerHours.CheckManual(480, National));
        Assert.Equal("服务时长须大于 0", VolunteerHours.CheckManual(0, National));
        Assert.Equal("服务时长须大于 0", VolunteerHours.CheckManual(-30, National));
        Assert.Equal("服务时长不能超过每日上限 8 小时", VolunteerHours.CheckManual(510, National));
        Assert.Equal("服务时长须为 0.5 小时（30 分钟）的整数倍", VolunteerHours.CheckManual(45, National));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99.5, 0)]
    [InlineData(100, 1)]
    [InlineData(299.5, 1)]
    [InlineData(300, 2)]
    [InlineData(999.5, 3)]
    [InlineData(1000, 4)]
    [InlineData(1499.5, 4)]
    [InlineData(1500, 5)]
    [InlineData(5000, 5)]
    public void National_stars_are_reached_at_100_300_600_1000_and_1500_hours(double hours, int stars) =>
        Assert.Equal(stars, VolunteerStars.Of(H(hours), National));

    [Theory]
    [InlineData(99.5, 0)]
    [InlineData(100, 1)]
    [InlineData(200, 2)]
    [InlineData(499.5, 2)]
    [InlineData(500, 3)]
    [InlineData(800, 4)]
    [InlineData(999.5, 4)]
    [InlineData(1000, 5)]
    public void Beijing_stars_are_reached_at_100_200_500_800_and_1000_hours(double hours, int stars) =>
        Assert.Equal(stars, VolunteerStars.Of(H(hours), Beijing));

    [Fact]
    public void Progress_names_the_next_star_and_the_hours_to_it()
    {
        var none = VolunteerStars.Progress(0, National);
        Assert.Equal(new VolunteerStars.StarProgress(0, 1, 100m, 0), none);

        var almost = VolunteerStars.Progress(H(99.5), National);
        Assert.Equal(new VolunteerStars.StarProgress(0, 1, 0.5m, 99), almost);

        // ★2 at 300 h, ★3 at 600 h: 450 h is half way, 150 h to go.
        Assert.Equal(new VolunteerStars.StarProgress(2, 3, 150m, 50), VolunteerStars.Progress(H(450), National));

        // Beijing: ★3 at 500 h, ★4 at 800 h.
        Assert.Equal(new VolunteerStars.StarProgress(3, 4, 225m, 25), VolunteerStars.Progress(H(575), Beijing));

        Assert.Equal(new VolunteerStars.StarProgress(5, null, 0m, 100), VolunteerStars.Progress(H(1500), National));
    }
}
