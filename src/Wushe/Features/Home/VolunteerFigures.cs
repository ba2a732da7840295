using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers;

namespace Wushe.Features.Home;

/// <summary>
/// The volunteer figures of the home page for the user's scope. Each is the total of the list it links to
/// (<see cref="ListVolunteers"/>: <c>status=Active</c>, <c>source=SelfService</c>, <c>source=Staff</c>, <c>status=Suspended</c>; the teams:
/// <see cref="Volunteers.Teams.ListTeams"/> with <c>status=Active</c>).
/// </summary>
public static class VolunteerFigures
{
    public sealed record Response(int Active, int SelfRegistered, int StaffRegistered, int Suspended, int Teams);

    public static async Task<Response> Handle(AppDb db, CancellationToken ct = default)
    {
        var byStatus = await db.Set<Volunteer>().GroupBy(v => v.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var bySource = await db.Set<Volunteer>().GroupBy(v => v.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Response(byStatus.FirstOrDefault(c => c.Key == VolunteerStatus.Active)?.Count ?? 0,
            bySource.FirstOrDefault(c => c.Key == VolunteerSource.SelfService)?.Count ?? 0, bySource.FirstOrDefault(c => c.Key == VolunteerSource.Staff)?.Count ?? 0,
            byStatus.FirstOrDefault(c => c.Key == VolunteerStatus.Suspended)?.Count ?? 0,
            await db.Set<Volunteers.Teams.Team>().CountAsync(t => t.Status == Volunteers.Teams.TeamStatus.Active, ct));
    }
}
