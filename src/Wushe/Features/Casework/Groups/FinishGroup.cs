using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>结束小组: a finished group takes no more sessions or members and is no longer edited; finishing twice is 409.</summary>
public static class FinishGroup
{
    public static async Task<Result<SaveGroup.Saved>> Handle(AppDb db, Guid id, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return Failure.NotFound();
        if (group.Status == GroupStatus.Finished) return Failure.Conflict(Lang.T("小组已结束", "The group is already finished"));
        group.Finish();
        group.Touch();
        await db.SaveChangesAsync(ct);
        return new SaveGroup.Saved(id);
    }
}
