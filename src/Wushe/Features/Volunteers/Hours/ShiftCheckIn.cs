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

    public static async Task<Result<Screen>> Handle(AppDb db, CheckInCodes codes, TimeProvider clock, Guid shiftId, CancellationToken ct = default)
    {
        if (await db.Set<Shift>().FirstOrDefaultAsync(s => s.Id == shiftId, ct) is not { } shift) return Failure.NotFound();
        var activity = await db.Set<Activity>().FirstAsync(a => a.Id == shift.ActivityId, ct);
        var now = clock.GetUtcNow();
        var token = codes.Token(shift.Id, now);
        var counts = await db.Set<SignUp>().Where(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Confirmed)
            .GroupBy(_ => 1).Select(g => new { Confirmed = g.Count(), In = g.Count(s => s.CheckedInAt != null), Out = g.Count(s => s.CheckedOutAt != null) })
            .FirstOrDefaultAsync(ct);
        var open = activity.Status == ActivityStatus.Published && now >= shift.StartsAt.AddMinutes(-ScanAttendance.EarlyMinutes) && now <= shift.EndsAt.AddMinutes(ScanAttendance.LateMinutes);
        return new Screen(shift.Id, activity.Id, activity.Title, SignUps.When(shift.StartsAt, shift.EndsAt), token, codes.Code(shift.Id, now),
            $"/Volunteers/CheckIn?t={token}", DateTimeOffset.FromUnixTimeSeconds((CheckInCodes.UnixMinute(now) + 1) * 60),
            counts?.Confirmed ?? 0, counts?.In ?? 0, counts?.Out ?? 0, open);
    }
}
