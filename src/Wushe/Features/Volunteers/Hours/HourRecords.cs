using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>What the hour use cases share: the daily cap already used, posting a new record, and hours typed as decimals.</summary>
public static class HourRecords
{
    /// <summary>Minutes already recorded (posted, disputed or final; corrections counted) for a volunteer, an activity (null: records
    /// without one) and a China date — against <see cref="VolunteerSettings.DailyCapMinutes"/> (DOMAIN.md: a cap per activity per day).</summary>
    public static async Task<int> UsedAsync(AppDb db, Guid volunteerId, Guid? activityId, DateOnly day, CancellationToken ct) =>
        await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => r.VolunteerId == volunteerId && r.ActivityId == activityId && r.ServiceDate == day).SumAsync(r => r.Minutes, ct);

    /// <summary>
    /// The minutes a shift's attendance earns (<see cref="VolunteerHours.Credited"/>: inside the shift, minimum attendance, rounding)
    /// within what the day's cap per activity leaves (DOMAIN.md), with the reason when it earns less than the time attended.
    /// </summary>
    public static async Task<(int Minutes, string? Note)> ShiftCreditAsync(AppDb db, Guid volunteerId, Guid activityId, DateTimeOffset checkIn,
        DateTimeOffset checkOut, DateTimeOffset shiftStart, DateTimeOffset shiftEnd, VolunteerSettings rules, CancellationToken ct)
    {
        var credit = VolunteerHours.Credited(checkIn, checkOut, shiftStart, shiftEnd, rules);
        if (credit.Minutes == 0)
            return (0, credit.Reason);
        var day = DateOnly.FromDateTime(shiftStart.ToOffset(ChinaTime.Offset).DateTime);
        var left = Math.Max(0, rules.DailyCapMinutes - await UsedAsync(db, volunteerId, activityId, day, ct));
        return credit.Minutes <= left ? (credit.Minutes, credit.Reason)
            : (left, Lang.T($"当日该活动已记录的时长达到每日上限，本次计 {VolunteerHours.Format(left)} 小时", $"The day's cap for this activity leaves {VolunteerHours.Format(left)} hours"));
    }

    /// <summary>A new record posted today (China date) until <see cref="HourPosting.FinalOn"/> of the region's posting days.</summary>
    public static HourRecord Post(string areaCode, Guid volunteerId, HourRecordKind kind, string organizerName, string content,
        DateTimeOffset startedAt, DateTimeOffset endedAt, int minutes, VolunteerSettings rules, Guid? recordedById, string recordedByName, TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        return new HourRecord(areaCode, volunteerId, kind, organizerName, content, startedAt, endedAt, minutes, today,
            HourPosting.FinalOn(today, rules.PostingDays), recordedById, recordedByName, clock.GetUtcNow());
    }

    /// <summary>Hours typed as a decimal (2.5) in whole minutes (150); null when not a number of hours from 0 to 24 with at most two decimals.</summary>
    public static int? Minutes(decimal? hours) =>
        hours is { } h && h >= 0 && h <= 24 && h * 60 == decimal.Truncate(h * 60) ? (int)(h * 60) : null;

    /// <summary>The minutes of a record with its corrections: what it counts now.</summary>
    public static async Task<int> TotalAsync(AppDb db, HourRecord record, CancellationToken ct) =>
        record.Minutes + await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.CorrectsId == record.Id).SumAsync(r => r.Minutes, ct);

    /// <summary>
    /// 更正: a new record of the difference between <paramref name="newMinutes"/> and what <paramref name="record"/> counts now (never an
    /// edit of it), posted like any record. Invalid when the hours are absurd or unchanged, the message under <paramref name="field"/>
    /// (the caller's request field: hours of a correction, correctedHours of a dispute's answer).
    /// </summary>
    public static async Task<Result<HourRecord>> CorrectAsync(AppDb db, HourRecord record, decimal? hours, string field, string reason, string recordedByName, Guid? recordedById,
        TimeProvider clock, CancellationToken ct)
    {
        var rules = await VolunteerRules.ForAreaAsync(db, record.AreaCode, ct);
        if (Minutes(hours) is not { } minutes || minutes > rules.DailyCapMinutes || minutes % rules.RoundingMinutes != 0)
            return Failure.Invalid(field, Lang.T(
                $"更正后的时长须为 0 至 {VolunteerHours.Format(rules.DailyCapMinutes)} 小时，且为 {VolunteerHours.Format(rules.RoundingMinutes)} 小时的整数倍",
                $"The corrected hours must be 0 to {VolunteerHours.Format(rules.DailyCapMinutes)} and a multiple of {VolunteerHours.Format(rules.RoundingMinutes)}"));
        var now = await TotalAsync(db, record, ct);
        if (minutes == now)
            return Failure.Invalid(field, Lang.T($"更正后的时长与现有的 {VolunteerHours.Format(now)} 小时相同", $"The corrected hours equal the present {VolunteerHours.Format(now)}"));
        var correction = Post(record.AreaCode, record.VolunteerId, HourRecordKind.Correction, record.OrganizerName, record.Content, record.StartedAt, record.EndedAt,
                minutes - now, rules, recordedById, recordedByName, clock)
            .Correcting(record.Id).Because(reason);
        correction.ForActivity(record.ActivityId, record.OrganizationId);
        db.Add(correction);
        return correction;
    }
}
