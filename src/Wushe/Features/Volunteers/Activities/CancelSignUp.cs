using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 取消报名: the volunteer cancels their own sign-up before the cut-off; a place it held goes to the first on the waitlist in the
/// same transaction (<see cref="SignUps.PromoteAsync"/>). Another's sign-up is 404; one already ended, or a closed shift, 409.
/// </summary>
public static class CancelSignUp
{
    public static async Task<Result<SignUpStatus>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid signUpId, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } volunteer) return Failure.NotFound();
        var signUp = await db.Set<SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(s => s.Id == signUpId && s.VolunteerId == volunteer.Id, ct);
        if (signUp is null) return Failure.NotFound();
        var shift = await db.Set<Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(s => s.Id == signUp.ShiftId, ct);
        var activity = await db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(a => a.Id == signUp.ActivityId, ct);
        var now = clock.GetUtcNow();
        if (!signUp.IsActive) return Failure.Conflict(Lang.T($"该报名已{SignUp.StatusLabel(signUp.Status)}", $"This sign-up is {SignUp.StatusLabel(signUp.Status)} already"));
        if (SignUps.Closed(shift, activity, now)) return SignUps.ClosedFailure(activity);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SignUps.LockShiftAsync(db, shift.Id, ct);
        // Read again under the lock: an organizer may have removed it meanwhile.
        await db.Entry(signUp).ReloadAsync(ct);
        if (!signUp.IsActive) return Failure.Conflict(Lang.T($"该报名已{SignUp.StatusLabel(signUp.Status)}", $"This sign-up is {SignUp.StatusLabel(signUp.Status)} already"));
        db.ActingAs(user.ActingOn(shift.AreaCode));
        signUp.End(SignUpStatus.Cancelled, now, "");
        await db.SaveChangesAsync(ct);
        await SignUps.PromoteAsync(db, shift, now, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return SignUpStatus.Cancelled;
    }
}
