using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// The one rule of a shift's places: confirmed sign-ups never exceed its capacity, however many press at one moment. Every change of
/// a shift's sign-ups (a sign-up, a cancellation, a removal, a new capacity) runs in a transaction that first writes the shift's row
/// (a write that changes nothing: on PostgreSQL a row lock held to the commit, on SQLite the database's write lock), so they queue on
/// the shift and each counts what the one before it committed. Freed places go to the waitlist in the order of signing up
/// (<see cref="PromoteAsync"/>).
/// </summary>
public static class SignUps
{
    /// <summary>Takes the shift's row for this transaction (see the class); call inside the transaction, before counting.</summary>
    public static Task LockShiftAsync(AppDb db, Guid shiftId, CancellationToken ct) =>
        db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.Id == shiftId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);

    /// <summary>Takes the volunteer's row: two sign-ups of one volunteer at once queue, so overlapping shifts cannot both pass the check.</summary>
    public static Task LockVolunteerAsync(AppDb db, Guid volunteerId, CancellationToken ct) =>
        db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => v.Id == volunteerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);

    /// <summary>Takes the volunteers' rows at once (a batch of sign-ups, <see cref="SignUpForShift.DecideAsync"/>).</summary>
    public static Task LockVolunteersAsync(AppDb db, IReadOnlyCollection<Guid> volunteerIds, CancellationToken ct) =>
        db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => volunteerIds.Contains(v.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);

    public static Task<int> ConfirmedAsync(AppDb db, Guid shiftId, CancellationToken ct) =>
        db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(s => s.ShiftId == shiftId && s.Status == SignUpStatus.Confirmed, ct);

    /// <summary>
    /// Gives free places of the (locked) shift to the waitlist, first come first served; the promoted see it on their page
    /// (<see cref="SignUp.PromotedAt"/>). Counts what is saved: save the change that freed the places first (same transaction).
    /// </summary>
    public static async Task<int> PromoteAsync(AppDb db, Shift shift, DateTimeOffset now, CancellationToken ct)
    {
        var free = shift.Capacity - await ConfirmedAsync(db, shift.Id, ct);
        if (free <= 0) return 0;
        var waiting = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Waitlisted)
            .OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).Take(free).ToListAsync(ct);
        foreach (var w in waiting) w.Promote(now);
        return waiting.Count;
    }

    /// <summary>
    /// A confirmed sign-up's attendance as the volunteer and the organizer read it beside its status: 已签退 (checked out, or attendance
    /// confirmed by hand), 已签到 (checked in, not yet out), 未出勤 (the shift is over without a check-in), 待签到 (the shift is on, no check-in
    /// yet); null before the shift starts and for a sign-up that holds no place.
    /// </summary>
    public static string? AttendanceLabel(SignUpStatus status, DateTimeOffset? checkedInAt, DateTimeOffset? checkedOutAt, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now) =>
        status != SignUpStatus.Confirmed ? null
        : checkedOutAt is not null ? Lang.T("已签退", "Checked out")
        : checkedInAt is not null ? Lang.T("已签到", "Checked in")
        : now >= endsAt ? Lang.T("未出勤", "Absent")
        : now >= startsAt ? Lang.T("待签到", "Not checked in yet")
        : null;

    /// <summary>Whether sign-ups and cancellations of a shift are closed at <paramref name="now"/> (the activity's cut-off before its start).</summary>
    public static bool Closed(Shift shift, Activity activity, DateTimeOffset now) => now >= shift.StartsAt.AddHours(-activity.CutoffHours);

    public static Failure ClosedFailure(Activity activity) => Failure.Conflict(activity.CutoffHours == 0
        ? Lang.T("该班次已开始，报名和取消均已截止", "The shift has started: sign-ups and cancellations are closed")
        : Lang.T($"报名和取消在班次开始前 {activity.CutoffHours} 小时截止，现已截止；如有变化请联系组织单位", $"Sign-ups and cancellations close {activity.CutoffHours} h before the start; contact the organizer"));

    /// <summary>A shift's time as volunteers read it, in China time: 2026-12-05 09:00–11:00.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end)
    {
        var s = start.ToOffset(ChinaTime.Offset);
        var e = end.ToOffset(ChinaTime.Offset);
        return s.Date == e.Date ? $"{s:yyyy-MM-dd HH:mm}–{e:HH:mm}" : $"{s:yyyy-MM-dd HH:mm} – {e:yyyy-MM-dd HH:mm}";
    }
}
