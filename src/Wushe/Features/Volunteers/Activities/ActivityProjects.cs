using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 关联项目: the projects a new activity may serve, as the publish form offers them — approved or in progress and not yet ended
/// (China date), those the user reads (<see cref="ProjectRules.Readable"/>: the scope's, or for organization staff the ones their
/// organization implements); newest first, at most <see cref="Max"/>. <see cref="PublishActivity"/> accepts any project the user reads.
/// </summary>
public static class ActivityProjects
{
    public sealed record Choice(Guid Id, string ProjectNo, string Title);

    public const int Max = 100;

    public static async Task<List<Choice>> ChoicesAsync(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        return await ProjectRules.Readable(db, user)
            .Where(p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.InProgress) && p.EndOn >= today)
            .OrderByDescending(p => p.ProjectNo).Take(Max)
            .Select(p => new Choice(p.Id, p.ProjectNo, p.Title)).ToListAsync(ct);
    }
}
