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
    public sealed record Response(int Drafts, int InProgress, int Completed, int All);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, CancellationToken ct = default)
    {
        var counts = await ListProjects.CountAsync(db, user, new ListProjects.Query(), ct);
        return new Response(counts.Of(ProjectStatus.Draft), counts.Of(ProjectStatus.InProgress), counts.Of(ProjectStatus.Completed), counts.All);
    }
}
