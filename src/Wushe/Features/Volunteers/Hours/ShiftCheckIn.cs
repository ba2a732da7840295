using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 签到二维码: what the organizer's screen shows for a shift of their scope (another area's is 404) — the QR token and the six digits of
/// this minute (<see cref="CheckInCodes"/>; valid this minute and the next), the address the QR code opens, and the attendance so far.
/// </summary>
public static class ShiftCheckIn
{
    /// <param name="Url">The volunteer's check-in page with the token (what the QR code holds), relative to the site.</param>
    /// <param name="ChangesAt">When the next code appears (the start of the next minute, UTC).</param>
    public sealed record Screen(Guid ShiftId, Guid ActivityId, string ActivityTitle, string ShiftTime, string Token, string Code, string Url, DateTimeOffset ChangesAt,
        int Confirmed, int CheckedIn, int CheckedOut, bool Open);

    /// <summary>One confirmed volunteer's attendance: the scans or the manual entry, and the hours posted for it.</summary>
    public sealed record Attendee(Guid SignUpId, Guid VolunteerId, string Name, string VolunteerNo, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt,
        bool Manual, string Note, Guid? RecordId, int? Minutes, HourRecordStatus? RecordStatus);

    /// <param name="Started">The shift has started: attendance may be confirmed by hand.</param>
    public sealed record Attendance(Guid ShiftId, Guid ActivityId, string ActivityTitle, string ShiftName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Started,
        bool Cancelled, IReadOnlyList<Attendee> People);

    /// <summary>出勤: the confirmed volunteers of a shift of the scope (404 otherwise) with their check-in, check-out and hours.</summary>
    public static async Task<Result<Attendance>> Roster(AppDb db, TimeProvider clock, Guid shiftId, CancellationToken ct = default)
    {
        if (await db.Set<Shift>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == shiftId, ct) is not { } shift) return Failure.NotFound();
        var activity = await db.Set<Activity>().AsNoTracking().FirstAsync(a => a.Id == shift.ActivityId, ct);
        var signUps = await db.Set<SignUp>().AsNoTracking().Where(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Confirmed).OrderBy(s => s.SignedUpAt).ToListAsync(ct);
        var ids = signUps.Select(s => s.VolunteerId).ToList();
        // The volunteers may live outside the organizer's area: their names are read from the register for this roster only.
        var people = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Name, v.VolunteerNo }).ToDictionaryAsync(v => v.Id, ct);
        var records = await db.Set<HourRecord>().AsNoTracking().Where(r => r.ShiftId == shift.Id && r.SignUpId != null)
            .Select(r => new { r.SignUpId, r.Id, r.Minutes, r.Status }).ToListAsync(ct);
        return new Attendance(shift.Id, activity.Id, activity.Title, shift.Name, shift.StartsAt, shift.EndsAt, clock.GetUtcNow() >= shift.StartsAt,
            activity.Status != ActivityStatus.Published,
            [.. signUps.Select(s =>
            {
                var r = records.FirstOrDefault(x => x.SignUpId == s.Id);
                var p = people.GetValueOrDefault(s.VolunteerId);
                return new Attendee(s.Id, s.VolunteerId, p?.Name ?? "", p?.VolunteerNo ?? "", s.CheckedInAt, s.CheckedOutAt, s.AttendanceManual, s.AttendanceNote,
                    r?.Id, r?.Minutes, r?.Status);
            })]);
    }

    public static async Task<Result<Screen>> Handle(AppDb db, CheckInCodes codes, TimeProvider clock, Guid shiftId, CancellationToken ct = default)
    {
        if (await db.Set<Shift>().FirstOrDefaultAsync(s => s.Id == shiftId, ct) is not { } shift) return Failure.NotFound();
        if (await ActivityOrganizers.HaltedAsync(db, ct) is { } halted) return Failure.Conflict(halted);
        var activity = await db.Set<Activity>().FirstAsync(a => a.Id == shift.ActivityId, ct);
        var now = clock.GetUtcNow();
        var token = codes.Token(shift.Id, now);
        var counts = await db.Set<SignUp>().Where(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Confirmed)
            .GroupBy(_ => 1).Select(g => new { Confirmed = g.Count(), In = g.Count(s => s.CheckedInAt != null), Out = g.Count(s => s.CheckedOutAt != null) })
            .FirstOrDefaultAsync(ct);
        var open = activity.Status == ActivityStatus.Published && now >= shift.StartsAt.AddMinutes(-ScanAttendance.EarlyMinutes) && now <= shift.EndsAt.AddMinutes(ScanAttendance.LateMinutes);
        return new Screen(shift.Id, activity.Id, activity.Title, SignUps.When(shift.StartsAt, shift.EndsAt), token, codes.Code(shift.Id, now),
            $"/Volunteers/Hours/CheckIn?t={token}", DateTimeOffset.FromUnixTimeSeconds((CheckInCodes.UnixMinute(now) + 1) * 60),
            counts?.Confirmed ?? 0, counts?.In ?? 0, counts?.Out ?? 0, open);
    }
}
