using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 取消活动: staff in scope cancel a published activity with a reason (2–200 characters); every active sign-up of a shift not yet begun
/// (and every waitlisted one) ends with it, the reason told to each volunteer — a shift that has begun took place, and its confirmed
/// volunteers keep their attendance and hours. A second cancel is 409. Answers how many sign-ups ended.
/// </summary>
public static class CancelActivity
{
    public sealed record Request([property: Label("取消原因", "Reason")] string? Reason);

    public static async Task<Result<int>> Handle(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "取消原因", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        if (activity.Status == ActivityStatus.Cancelled) return Failure.Conflict(Lang.T("该活动已取消", "The activity was cancelled already"));
        var now = clock.GetUtcNow();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var shifts = await db.Set<Shift>().Where(s => s.ActivityId == id).Select(s => new { s.Id, s.StartsAt }).ToListAsync(ct);
        foreach (var shift in shifts) await SignUps.LockShiftAsync(db, shift.Id, ct);
        // A shift that has begun took place: its confirmed volunteers keep their place, attendance and hours; the rest is called off.
        var begun = shifts.Where(s => s.StartsAt <= now).Select(s => s.Id).ToHashSet();
        var active = (await db.Set<SignUp>().Where(s => s.ActivityId == id && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted)).ToListAsync(ct))
            .Where(s => !(begun.Contains(s.ShiftId) && s.Status == SignUpStatus.Confirmed)).ToList();
        var reason = r.Reason!.Trim();
        foreach (var s in active) s.End(SignUpStatus.Cancelled, now, Lang.T("活动已取消：", "The activity was cancelled: ") + reason);
        activity.Cancel(reason);
        activity.Touch();
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return active.Count;
    }
}
