using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform.Access;

namespace Wushe.Features.Home;

/// <summary>
/// The projects figures of the home page for the projects the user reads (their scope's, or their organization's): drafts waiting
/// for approval, in progress, completed, and all — each the total of the list it links to (<see cref="ListProjects"/>'s own tabs,
/// read by <see cref="ListProjects.CountAsync"/>).
/// </summary>
public static class ProjectFigures
{
    /// <param name="Overdue">逾期未结项: approved or in progress past their end date (the list's overdue tab).</param>
    public sealed record Response(int Drafts, int InProgress, int Completed, int All, int Overdue);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        var counts = await ListProjects.CountAsync(db, user, clock, new ListProjects.Query(), ct);
        return new Response(counts.Of(ProjectStatus.Draft), counts.Of(ProjectStatus.InProgress), counts.Of(ProjectStatus.Completed), counts.All, counts.Overdue);
    }
}
