using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;

namespace Wushe.Features.Home;

/// <summary>
/// The social-organization figures of the home page for the user's scope. Each is the total of the list it links to
/// (<see cref="ListOrganizations"/>: <c>status=Registered</c>, <c>incubation=InProgress</c> — organizations in an incubation
/// programme now (孵化中), <c>kind=VolunteerTeam</c>, <c>status=Suspended</c>).
/// </summary>
public static class OrganizationFigures
{
    public sealed record Response(int Registered, int Incubating, int VolunteerTeams, int Suspended);

    public static async Task<Response> Handle(AppDb db, CancellationToken ct = default)
    {
        var counts = await db.Organizations.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OrganizationStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var teams = await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.VolunteerTeam, ct);
        var incubated = db.Set<IncubationProgramme>().Where(p => p.Status == IncubationStatus.InProgress).Select(p => p.OrganizationId);
        var incubating = await db.Organizations.CountAsync(o => incubated.Contains(o.Id), ct);
        return new Response(Of(OrganizationStatus.Registered), incubating, teams, Of(OrganizationStatus.Suspended));
    }
}
