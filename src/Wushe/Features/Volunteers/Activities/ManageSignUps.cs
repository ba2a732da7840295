using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// The organizer's changes to a shift's places (staff in the activity's scope; another area's is 404): <see cref="ChangeCapacity"/>
/// and <see cref="Remove"/>, each under the shift's lock (<see cref="SignUps"/>).
/// </summary>
public static class ManageSignUps
{
    public sealed record CapacityRequest([property: Label("名额", "Places")] int? Capacity);

    public sealed record RemoveRequest([property: Label("移出原因", "Reason")] string? Reason);

    public sealed record Places(int Capacity, int Confirmed, int Waitlisted, int Promoted);

    /// <summary>
    /// 调整名额 (1–10,000): more places promote the waitlist at once; fewer than the confirmed sign-ups is refused (409) — nobody is
    /// dropped silently: the organizer first removes whom they choose, with a reason the volunteer reads.
    /// </summary>
    public static async Task<Result<Places>> ChangeCapacity(AppDb db, TimeProvider clock, Guid shiftId, CapacityRequest r, CancellationToken ct = default)
    {
        if (await db.Set<Shift>().FirstOrDefaultAsync(s => s.Id == shiftId, ct) is not { } shift) return Failure.NotFound();
        if (await ActivityOrganizers.HaltedAsync(db, ct) is { } halted) return Failure.Conflict(halted);
        if (r.Capacity is not { } capacity || capacity < 1 || capacity > PublishActivity.MaxCapacity)
            return Failure.Invalid("capacity", Lang.T($"名额应为 1 至 {PublishActivity.MaxCapacity} 之间的整数", $"Places are a whole number from 1 to {PublishActivity.MaxCapacity}"));
        var now = clock.GetUtcNow();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SignUps.LockShiftAsync(db, shift.Id, ct);
        var confirmed = await SignUps.ConfirmedAsync(db, shift.Id, ct);
        if (capacity < confirmed)
            return Failure.Conflict(Lang.T($"已有 {confirmed} 人确认报名，名额不能少于 {confirmed}；如需减少，请先在名单中选择移出的志愿者并说明原因",
                $"{confirmed} volunteers are confirmed: places cannot be fewer; remove whom you choose first, with a reason"));
        shift.ChangeCapacity(capacity);
        shift.Touch();
        await db.SaveChangesAsync(ct);
        var promoted = await SignUps.PromoteAsync(db, shift, now, ct);
        await db.SaveChangesAsync(ct);
        var waitlisted = await db.Set<SignUp>().CountAsync(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Waitlisted, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Places(capacity, confirmed + promoted, waitlisted, promoted);
    }

    /// <summary>移出: the organizer removes a volunteer from a shift with a reason (2–200 characters) the volunteer reads on their page; a confirmed place freed goes to the waitlist.</summary>
    public static async Task<Result<Places>> Remove(AppDb db, TimeProvider clock, Guid signUpId, RemoveRequest r, CancellationToken ct = default)
    {
        if (await db.Set<SignUp>().FirstOrDefaultAsync(s => s.Id == signUpId, ct) is not { } signUp) return Failure.NotFound();
        if (await ActivityOrganizers.HaltedAsync(db, ct) is { } halted) return Failure.Conflict(halted);
        var errors = new Errors().Text("reason", r.Reason, "移出原因", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        var shift = await db.Set<Shift>().FirstAsync(s => s.Id == signUp.ShiftId, ct);
        var now = clock.GetUtcNow();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SignUps.LockShiftAsync(db, shift.Id, ct);
        await db.Entry(signUp).ReloadAsync(ct);
        if (!signUp.IsActive) return Failure.Conflict(Lang.T($"该报名已{SignUp.StatusLabel(signUp.Status)}", $"This sign-up is {SignUp.StatusLabel(signUp.Status)} already"));
        signUp.End(SignUpStatus.Removed, now, r.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        var promoted = await SignUps.PromoteAsync(db, shift, now, ct);
        await db.SaveChangesAsync(ct);
        var confirmed = await SignUps.ConfirmedAsync(db, shift.Id, ct);
        var waitlisted = await db.Set<SignUp>().CountAsync(s => s.ShiftId == shift.Id && s.Status == SignUpStatus.Waitlisted, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Places(shift.Capacity, confirmed, waitlisted, promoted);
    }
}
