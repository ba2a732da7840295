using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 暂停 / 恢复 / 注销: staff in scope suspend a volunteer (signs up for nothing meanwhile), restore one, or withdraw one from the
/// register, always with a reason (2–200 characters). A withdrawn volunteer keeps the number and the hours; restoring brings them
/// back. Suspending or withdrawing ends the volunteer's sign-ups of shifts not yet started (the reason told on their page), and the
/// places go to the waitlists (<see cref="Activities.SignUps"/>), in the same transaction. Moving to the status held is 409; a stale
/// <c>version</c> is 409; another area's volunteer is 404.
/// </summary>
public static class ChangeVolunteerStatus
{
    /// <summary>Ends the volunteer's active sign-ups of shifts not yet started, each under its shift's lock, promoting the waitlists.</summary>
    static async Task ReleasePlacesAsync(AppDb db, TimeProvider clock, Volunteer volunteer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var shifts = db.Set<Activities.Shift>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var held = await db.Set<Activities.SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(s => s.VolunteerId == volunteer.Id && (s.Status == Activities.SignUpStatus.Confirmed || s.Status == Activities.SignUpStatus.Waitlisted)
                && shifts.Any(x => x.Id == s.ShiftId && x.StartsAt > now))
            .Select(s => s.ShiftId).Distinct().ToListAsync(ct);
        var note = Lang.T($"志愿者身份已{Volunteer.StatusLabel(volunteer.Status)}：", $"Registration {Volunteer.StatusLabel(volunteer.Status)}: ") + volunteer.StatusReason;
        foreach (var shiftId in held)
        {
            await Activities.SignUps.LockShiftAsync(db, shiftId, ct);
            var shift = await shifts.FirstAsync(x => x.Id == shiftId, ct);
            var signUp = await db.Set<Activities.SignUp>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .FirstOrDefaultAsync(s => s.ShiftId == shiftId && s.VolunteerId == volunteer.Id && (s.Status == Activities.SignUpStatus.Confirmed || s.Status == Activities.SignUpStatus.Waitlisted), ct);
            if (signUp is null) continue;
            signUp.End(Activities.SignUpStatus.Cancelled, now, note.Length > 220 ? note[..220] : note);
            await db.SaveChangesAsync(ct);
            await Activities.SignUps.PromoteAsync(db, shift, now, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    public sealed record Request([property: Label("状态", "Status")] VolunteerStatus? Status, [property: Label("原因", "Reason")] string? Reason,
        int? Version = null);

    public static async Task<Result<int>> Handle(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } volunteer) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "原因", "Reason", 2, 200);
        if (r.Status is not { } status || !Enum.IsDefined(status)) errors.Add("status", Lang.T("请选择状态", "Choose a status"));
        if (errors.Any) return errors.ToFailure();
        if (r.Status == volunteer.Status) return Failure.Conflict(Lang.T($"该志愿者已是“{Volunteer.StatusLabel(volunteer.Status)}”状态", $"The volunteer is {Volunteer.StatusLabel(volunteer.Status)} already"));
        if (r.Version is { } version && version != volunteer.Version) return EditVolunteer.Stale;
        volunteer.SetStatus(r.Status!.Value, r.Reason!.Trim());
        volunteer.Touch();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditVolunteer.Stale;
        }
        if (r.Status != VolunteerStatus.Active) await ReleasePlacesAsync(db, clock, volunteer, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return volunteer.Version;
    }
}
