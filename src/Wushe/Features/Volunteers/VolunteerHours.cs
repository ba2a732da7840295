using System.Globalization;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers;

/// <summary>
/// What a shift earns (DOMAIN.md "Volunteers": hours from check-in/out, rounded to the region's unit, capped per activity
/// per day). Pure. Hours are kept as <b>whole minutes</b> (int) everywhere; <see cref="Format"/> shows them as hours.
/// </summary>
public static class VolunteerHours
{
    /// <summary>
    /// The outcome of one check-in/check-out against its shift.
    /// </summary>
    /// <param name="Minutes">Minutes credited: inside the shift window, rounded down to the unit, capped at the daily cap; 0 when
    /// the attendance was too short.</param>
    /// <param name="AttendedMinutes">Whole minutes attended inside the shift window, before rounding and cap.</param>
    /// <param name="AttendanceMet">Whether <paramref name="AttendedMinutes"/> reached the region's minimum share of the shift.</param>
    /// <param name="Capped">Whether the daily cap cut the credited minutes.</param>
    /// <param name="Reason">Why nothing or less was credited, in the reader's language; null when credited in full.</param>
    public sealed record Credit(int Minutes, int AttendedMinutes, bool AttendanceMet, bool Capped, string? Reason);

    /// <summary>
    /// Minutes credited for one check-in/check-out: only time inside [<paramref name="shiftStart"/>, <paramref name="shiftEnd"/>]
    /// counts (arriving early or leaving late earns nothing); the attended minutes must reach
    /// <see cref="VolunteerSettings.MinAttendancePercent"/>% of the shift's length, else 0 with a reason; then rounded
    /// down to <see cref="VolunteerSettings.RoundingMinutes"/> (不足一个计时单位的部分不计: a part of a unit is not counted)
    /// and capped at <see cref="VolunteerSettings.DailyCapMinutes"/>. Seconds inside a minute are dropped.
    /// </summary>
    public static Credit Credited(DateTimeOffset checkIn, DateTimeOffset checkOut, DateTimeOffset shiftStart, DateTimeOffset shiftEnd,
        VolunteerSettings s)
    {
        if (shiftEnd <= shiftStart)
            return new(0, 0, false, false, Lang.T("活动时段的结束时间须晚于开始时间", "The shift must end after it starts"));
        if (checkOut <= checkIn)
            return new(0, 0, false, false, Lang.T("签退时间须晚于签到时间", "Check-out must be after check-in"));

        var from = checkIn > shiftStart ? checkIn : shiftStart;
        var to = checkOut < shiftEnd ? checkOut : shiftEnd;
        var attended = to > from ? (int)Math.Floor((to - from).TotalMinutes) : 0;
        var shiftMinutes = (shiftEnd - shiftStart).TotalMinutes;

        // Compared in whole numbers (attended × 100 ≥ percent × shift) so 60% of a 50-minute shift is exactly 30 minutes.
        if (attended * 100.0 < s.MinAttendancePercent * shiftMinutes)
            return new(0, attended, false, false, Lang.T(
                $"在活动时段内服务 {attended} 分钟，不足活动时长的 {s.MinAttendancePercent}%，不计时长",
                $"{attended} minutes inside the shift is less than {s.MinAttendancePercent}% of it: no hours credited"));

        var rounded = Round(attended, s);
        if (rounded > s.DailyCapMinutes)
            return new(s.DailyCapMinutes, attended, true, true, Lang.T(
                $"超过每日上限，按 {Format(s.DailyCapMinutes)} 小时计",
                $"Over the daily cap: {Format(s.DailyCapMinutes)} hours credited"));
        return new(rounded, attended, true, false, rounded < attended
            ? Lang.T($"不足 {s.RoundingMinutes} 分钟的部分不计", $"Parts of {s.RoundingMinutes} minutes are not counted")
            : null);
    }

    /// <summary>Minutes rounded down to the region's unit (不足一个计时单位的部分不计): 89 → 60 with a 30-minute unit. Negative → 0.</summary>
    public static int Round(int minutes, VolunteerSettings s) =>
        minutes <= 0 ? 0 : minutes - minutes % s.RoundingMinutes;

    /// <summary>Minutes as hours with at most one decimal, invariant culture: 210 → "3.5", 120 → "2", 0 → "0"; 20 → "0.3"
    /// (rounded half away from zero, for display only — credited minutes are already whole units).</summary>
    public static string Format(int minutes) =>
        Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Null when an organizer's manual entry of <paramref name="minutes"/> for one volunteer, one activity, one day is acceptable;
    /// else why not: not positive, over the daily cap, or not a whole number of the region's units.
    /// </summary>
    public static string? CheckManual(int minutes, VolunteerSettings s)
    {
        if (minutes <= 0)
            return Lang.T("服务时长须大于 0", "The hours must be more than 0");
        if (minutes > s.DailyCapMinutes)
            return Lang.T($"服务时长不能超过每日上限 {Format(s.DailyCapMinutes)} 小时",
                $"The hours cannot exceed the daily cap of {Format(s.DailyCapMinutes)} hours");
        if (minutes % s.RoundingMinutes != 0)
            return Lang.T($"服务时长须为 {Format(s.RoundingMinutes)} 小时（{s.RoundingMinutes} 分钟）的整数倍",
                $"The hours must be a multiple of {Format(s.RoundingMinutes)} hours ({s.RoundingMinutes} minutes)");
        return null;
    }
}
