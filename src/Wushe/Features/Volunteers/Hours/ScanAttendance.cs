using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

public enum ScanAction
{
    /// <summary>签到.</summary>
    CheckedIn = 1,
    /// <summary>签退 (and the hours, when earned, posted).</summary>
    CheckedOut = 2,
}

/// <summary>
/// 扫码签到 / 签退: the signed-in volunteer scans the organizer's QR code (or types its six digits) — the first scan of a confirmed shift
/// checks in, the second checks out. Open from <see cref="EarlyMinutes"/> before the shift to <see cref="LateMinutes"/> after it.
/// The code must be the shift's, of this or the previous minute (<see cref="CheckInCodes"/>); the check-out needs a newer code than
/// the check-in (the same photo is not two scans); with a geofence the phone's position must be inside it (<see cref="Geofence"/>).
/// The check-out computes the hours (<see cref="VolunteerHours.Credited"/>: inside the shift, at least the region's share of it,
/// rounded down, within the day's cap for the activity) and posts a record (<see cref="HourRecordKind.Attendance"/>). Each volunteer
/// has a few attempts per ten minutes (<see cref="CheckInLimits"/>, 429). Failures: 400 for a wrong, forged, expired code or a position
/// outside the fence (nothing saved); 409 with no shift open or both scans done; 403 for an account without a registration.
/// </summary>
public static class ScanAttendance
{
    /// <summary>Check-in opens this many minutes before a shift starts.</summary>
    public const int EarlyMinutes = 30;
    /// <summary>Check-out stays open this many minutes after a shift ends (later: the organizer confirms by hand).</summary>
    public const int LateMinutes = 60;

    /// <param name="Code">The scanned token (48 characters) or the six digits.</param>
    /// <param name="Latitude">The phone's reported position (WGS-84 degrees), needed where the activity has a fence.</param>
    public sealed record Request(
        [property: Label("签到码", "Check-in code")] string? Code,
        [property: Label("纬度", "Latitude")] double? Latitude,
        [property: Label("经度", "Longitude")] double? Longitude);

    /// <param name="Minutes">At check-out: the minutes posted (0 when none earned, with <paramref name="Note"/> saying why).</param>
    /// <param name="FinalOn">At check-out with hours: the China date they become final unless disputed.</param>
    public sealed record Answer(ScanAction Action, Guid SignUpId, Guid ActivityId, string ActivityTitle, string ShiftTime, DateTimeOffset At,
        int? Minutes, string? Note, DateOnly? FinalOn);

    public static async Task<Result<Answer>> Handle(AppDb db, CurrentUser user, CheckInCodes codes, CheckInLimits limits, TimeProvider clock, Request r,
        CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } volunteer)
            return Failure.Forbidden(Lang.T("您的账号还没有志愿者实名登记，不能签到", "Your account has no volunteer registration: you cannot check in"));
        if (string.IsNullOrWhiteSpace(r.Code))
            return Failure.Invalid("code", Lang.T("请扫描现场二维码或输入 6 位签到码", "Scan the code on site or type its six digits"));
        if (r.Code.Length > 100)
            return Failure.Invalid("code", Lang.T("签到码无效，请重新扫描现场二维码", "The code is not valid: scan the code on site again"));
        if (limits.Take(volunteer.Id) is { } tooMany) return tooMany;

        var now = clock.GetUtcNow();
        var opens = now.AddMinutes(EarlyMinutes);
        var closes = now.AddMinutes(-LateMinutes);
        var candidates = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(s => s.VolunteerId == volunteer.Id && s.Status == SignUpStatus.Confirmed)
            .Join(db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]), s => s.ShiftId, x => x.Id, (s, x) => new { s, x })
            .Where(p => p.x.StartsAt <= opens && p.x.EndsAt >= closes)
            .Join(db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]), p => p.s.ActivityId, a => a.Id, (p, a) => new { p.s, p.x, a })
            .Where(p => p.a.Status == ActivityStatus.Published)
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return Failure.Conflict(Lang.T($"您现在没有可签到的班次：签到在班次开始前 {EarlyMinutes} 分钟开放，签退至班次结束后 {LateMinutes} 分钟；请先报名并确认名额",
                $"No shift of yours is open for check-in now: it opens {EarlyMinutes} minutes before a confirmed shift and closes {LateMinutes} minutes after it"));

        CheckInVerdict? refused = null;
        foreach (var c in candidates)
        {
            var verdict = codes.Verify(c.x.Id, r.Code, now);
            if (!verdict.IsValid)
            {
                // The most telling refusal wins: "expired" or "another shift" says more than "wrong".
                if (refused is null || verdict.Failure > refused.Failure) refused = verdict;
                continue;
            }
            var (signUp, shift, activity) = (c.s, c.x, c.a);
            if (activity is { Latitude: { } lat, Longitude: { } lon, GeofenceMeters: { } radius } && Geofence.Check(r.Latitude, r.Longitude, lat, lon, radius) is { } outside)
                return Failure.Invalid("latitude", outside);

            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            // Two scans at one moment queue on the sign-up's row: one checks in, the next reads it.
            await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.Id == signUp.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Note, x => x.Note), ct);
            await db.Entry(signUp).ReloadAsync(ct);
            db.ActingAs(user.ActingOn(shift.AreaCode));
            var when = SignUps.When(shift.StartsAt, shift.EndsAt);
            if (signUp.CheckedInAt is null)
            {
                if (now > shift.EndsAt)
                    return Failure.Conflict(Lang.T("班次已结束，不能再签到；如确实参加了服务，请联系组织方人工确认", "The shift has ended: check-in is closed; ask the organizer to confirm your attendance"));
                signUp.CheckIn(now, verdict.Minute);
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
                return new Answer(ScanAction.CheckedIn, signUp.Id, activity.Id, activity.Title, when, now, null, null, null);
            }
            if (signUp.CheckedOutAt is not null)
                return Failure.Conflict(Lang.T("您已签到并签退，本班次的服务记录已生成", "You have checked in and out: this shift's record is made"));
            if (verdict.Minute <= signUp.CheckInMinute)
                return Failure.Invalid("code", Lang.T("这是签到时用过的签到码；签退请扫描现场最新的二维码（每分钟更新）",
                    "This code was used to check in: scan the latest code on site to check out (it changes every minute)"));

            var rules = await VolunteerRules.ForAreaAsync(db, activity.AreaCode, ct);
            var (minutes, note) = await HourRecords.ShiftCreditAsync(db, volunteer.Id, activity.Id, signUp.CheckedInAt.Value, now, shift.StartsAt, shift.EndsAt, rules, ct);
            HourRecord? record = null;
            signUp.CheckOut(now, note ?? "");
            if (minutes > 0)
            {
                var from = signUp.CheckedInAt.Value > shift.StartsAt ? signUp.CheckedInAt.Value : shift.StartsAt;
                var to = now < shift.EndsAt ? now : shift.EndsAt;
                record = HourRecords.Post(activity.AreaCode, volunteer.Id, HourRecordKind.Attendance, activity.OrganizerName, Content(activity, shift),
                    from, to, minutes, rules, activity.CreatedById, activity.CreatedByName, clock).ForShift(activity.Id, activity.OrganizationId, shift.Id, signUp.Id);
                db.Add(record);
            }
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return new Answer(ScanAction.CheckedOut, signUp.Id, activity.Id, activity.Title, when, now, minutes, note, record?.FinalOn);
        }
        return Failure.Invalid("code", refused?.Message ?? Lang.T("签到码无效", "The code is not valid"));
    }

    /// <summary>服务内容 of a record from an activity: its title, the shift's name when it has one.</summary>
    public static string Content(Activity activity, Shift shift)
    {
        var text = string.IsNullOrEmpty(shift.Name) ? activity.Title : $"{activity.Title}（{shift.Name}）";
        return text.Length > 200 ? text[..200] : text;
    }
}
