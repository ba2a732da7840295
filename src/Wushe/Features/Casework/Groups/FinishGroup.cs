using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 结束小组: a finished group takes no more sessions or members and is no longer edited; finishing twice is 409. Who may
/// (<see cref="MayFinishAsync"/>): the worker who leads it (<see cref="Group.WorkerId"/>) or a head (站长) of a station of the
/// group's township; anyone who manages groups when no worker leads it. Someone else: 403 naming the leading worker. The page
/// asks for a confirmation that shows the sessions held of those planned.
/// </summary>
public static class FinishGroup
{
    public static async Task<Result<SaveGroup.Saved>> Handle(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return Failure.NotFound();
        if (group.Status == GroupStatus.Finished) return Failure.Conflict(Lang.T("小组已结束", "The group is already finished"));
        if (!await MayFinishAsync(db, user, group, ct))
            return Failure.Forbidden(Lang.T($"只有带领社工（{group.WorkerName}）或本站站长可以结束该小组", $"Only the leading worker ({group.WorkerName}) or the station head may finish this group"));
        group.Finish();
        group.Touch();
        await db.SaveChangesAsync(ct);
        return new SaveGroup.Saved(id);
    }

    /// <summary>Whether <paramref name="user"/> may finish <paramref name="group"/> (the rule above; the permission to manage groups is checked by the caller).</summary>
    public static async Task<bool> MayFinishAsync(AppDb db, CurrentUser user, Group group, CancellationToken ct = default)
    {
        if (group.WorkerId is null || ReferenceEquals(user, CurrentUser.System)) return true;
        if (user.Id is not { } me) return false;
        if (group.WorkerId == me) return true;
        if (user.Active?.Role != Role.StationWorker) return false;
        var township = CaseRules.TownshipOf(group.AreaCode);
        return await db.Set<StationStaff>().AnyAsync(m => m.UserId == me && m.IsHead && m.AreaCode == township, ct);
    }
}
