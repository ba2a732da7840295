using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 暂停 / 恢复 / 注销: staff in scope suspend a volunteer (signs up for nothing meanwhile), restore one, or withdraw one from the
/// register, always with a reason (2–200 characters). A withdrawn volunteer keeps the number and the hours; restoring brings them
/// back. Moving to the status held is 409; a stale <c>version</c> is 409; another area's volunteer is 404.
/// </summary>
public static class ChangeVolunteerStatus
{
    public sealed record Request([property: Label("状态", "Status")] VolunteerStatus? Status, [property: Label("原因", "Reason")] string? Reason,
        int? Version = null);

    public static async Task<Result<int>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } volunteer) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "原因", "Reason", 2, 200);
        if (r.Status is not { } status || !Enum.IsDefined(status)) errors.Add("status", Lang.T("请选择状态", "Choose a status"));
        if (errors.Any) return errors.ToFailure();
        if (r.Status == volunteer.Status) return Failure.Conflict(Lang.T($"该志愿者已是“{Volunteer.StatusLabel(volunteer.Status)}”状态", $"The volunteer is {Volunteer.StatusLabel(volunteer.Status)} already"));
        if (r.Version is { } version && version != volunteer.Version) return EditVolunteer.Stale;
        volunteer.SetStatus(r.Status!.Value, r.Reason!.Trim());
        volunteer.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditVolunteer.Stale;
        }
        return volunteer.Version;
    }
}
