using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 人工确认出勤: the organizer (staff in the activity's scope; another area's is 404) enters a confirmed volunteer's attendance by hand —
/// arrival and departure (China time, inside the shift's day, not in the future) and a reason (phone without signal, forgot to scan…),
/// recorded as such (<see cref="SignUp.AttendanceManual"/>, a <see cref="HourRecordKind.Confirmed"/> record). The hours follow the same
/// rules as a scan (<see cref="VolunteerHours.Credited"/>, the day's cap). Refused (409): a shift not yet started, a sign-up not confirmed,
/// a sign-up that has a record already (correct that record instead).
/// </summary>
public static class ConfirmAttendance
{
    public sealed record Request(
        [property: Label("签到时间", "Arrived")] DateTimeOffset? CheckedInAt,
        [property: Label("签退时间", "Left")] DateTimeOffset? CheckedOutAt,
        [property: Label("人工确认原因", "Reason")] string? Reason);

    /// <param name="Minutes">Minutes posted (0 when the attendance earns none, with <paramref name="Note"/>).</param>
    public sealed record Answer(Guid SignUpId, int Minutes, string? Note, Guid? RecordId, DateOnly? FinalOn);

    public static async Task<Result<Answer>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid signUpId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SignUp>().FirstOrDefaultAsync(s => s.Id == signUpId, ct) is not { } signUp) return Failure.NotFound();
        if (await ActivityOrganizers.HaltedAsync(db, ct) is { } halted) return Failure.Conflict(halted);
        var shift = await db.Set<Shift>().FirstAsync(s => s.Id == signUp.ShiftId, ct);
        var activity = await db.Set<Activity>().FirstAsync(a => a.Id == signUp.ActivityId, ct);
        var now = clock.GetUtcNow();
        var errors = new Errors().Text("reason", r.Reason, "人工确认原因", "Reason", 2, 200);
        if (r.CheckedInAt is null) errors.Add("checkedInAt", Lang.T("请填写签到时间", "Enter when the volunteer arrived"));
        if (r.CheckedOutAt is null) errors.Add("checkedOutAt", Lang.T("请填写签退时间", "Enter when the volunteer left"));
        if (r.CheckedInAt is { } a && r.CheckedOutAt is { } b)
        {
            if (b <= a) errors.Add("checkedOutAt", Lang.T("签退时间须晚于签到时间", "Leaving must be after arriving"));
            else if (b > now) errors.Add("checkedOutAt", Lang.T("签退时间不能晚于现在", "Leaving cannot be in the future"));
            if (a < shift.StartsAt.AddHours(-12) || b > shift.EndsAt.AddHours(12))
                errors.Add("checkedInAt", Lang.T($"签到签退时间须在班次（{SignUps.When(shift.StartsAt, shift.EndsAt)}）前后 12 小时之内",
                    $"Arrival and departure must be within 12 hours of the shift ({SignUps.When(shift.StartsAt, shift.EndsAt)})"));
        }
        if (errors.Any) return errors.ToFailure();
        if (now < shift.StartsAt) return Failure.Conflict(Lang.T("班次尚未开始，不能确认出勤", "The shift has not started: attendance cannot be confirmed yet"));

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Set<SignUp>().Where(s => s.Id == signUp.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Note, x => x.Note), ct);
        await db.Entry(signUp).ReloadAsync(ct);
        if (signUp.Status != SignUpStatus.Confirmed)
            return Failure.Conflict(Lang.T($"该报名为“{SignUp.StatusLabel(signUp.Status)}”，只能确认已确认名额的志愿者出勤", $"This sign-up is {SignUp.StatusLabel(signUp.Status)}: only confirmed volunteers' attendance is confirmed"));
        if (await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(x => x.SignUpId == signUp.Id, ct))
            return Failure.Conflict(Lang.T("该志愿者本班次已有服务记录；如需调整时长，请在服务记录中更正", "This shift has a record already: correct that record instead"));

        var rules = await VolunteerRules.ForAreaAsync(db, activity.AreaCode, ct);
        var (minutes, note) = await HourRecords.ShiftCreditAsync(db, signUp.VolunteerId, activity.Id, r.CheckedInAt!.Value, r.CheckedOutAt!.Value,
            shift.StartsAt, shift.EndsAt, rules, ct);
        var reason = r.Reason!.Trim();
        signUp.ConfirmAttendance(r.CheckedInAt.Value, r.CheckedOutAt.Value, reason);
        HourRecord? record = null;
        if (minutes > 0)
        {
            var from = r.CheckedInAt.Value > shift.StartsAt ? r.CheckedInAt.Value : shift.StartsAt;
            var to = r.CheckedOutAt.Value < shift.EndsAt ? r.CheckedOutAt.Value : shift.EndsAt;
            record = HourRecords.Post(activity.AreaCode, signUp.VolunteerId, HourRecordKind.Confirmed, activity.OrganizerName, ScanAttendance.Content(activity, shift),
                    from, to, minutes, rules, user.Id, await Workers.NameAsync(db, user, ct), clock)
                .ForShift(activity.Id, activity.OrganizationId, shift.Id, signUp.Id).Because(reason);
            db.Add(record);
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Answer(signUp.Id, minutes, note, record?.Id, record?.FinalOn);
    }
}
