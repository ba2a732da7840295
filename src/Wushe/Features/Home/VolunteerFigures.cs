using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Platform.Access;

namespace Wushe.Features.Home;

/// <summary>
/// The volunteer figures of the home page for the user's scope. Each is the total of the list it links to — the volunteers' from
/// their roll-up <see cref="VolunteerTally"/> (<see cref="ListVolunteers"/>: <c>status=Active</c>, <c>source=SelfService</c>, <c>source=Staff</c>, <c>status=Suspended</c>; the teams:
/// <see cref="Volunteers.Teams.ListTeams"/> with <c>status=Active</c>).
/// </summary>
public static class VolunteerFigures
{
    /// <param name="YearMinutes">Final minutes of service this China year in the scope (the roll-up <see cref="Volunteers.Hours.HourTotal"/>; the list
    /// <c>/Volunteers/Hours?status=Final&amp;from=…-01-01</c> totals the same).</param>
    /// <param name="Disputed">Records disputed, waiting for the organizer's answer.</param>
    /// <param name="Posted">Records posted, not yet final.</param>
    public sealed record Response(int Active, int SelfRegistered, int StaffRegistered, int Suspended, int Teams = 0, long YearMinutes = 0, int Disputed = 0, int Posted = 0, int Year = 0);

    public static async Task<Response> Handle(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var year = Platform.ChinaTime.Today(clock).Year;
        var minutes = await db.Set<Volunteers.Hours.HourTotal>().Where(t => t.Year == year).SumAsync(t => (long?)t.Minutes, ct) ?? 0;
        // Named statuses rather than "not final": PostgreSQL then reads the few posted and disputed records by the (Status, FinalOn) index
        // instead of every record of the scope (1,000,000 in the city bench: 0.5 s; issue 9).
        var records = await db.Set<Volunteers.Hours.HourRecord>()
            .Where(r => r.Status == Volunteers.Hours.HourRecordStatus.Pending || r.Status == Volunteers.Hours.HourRecordStatus.Disputed)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        // From the roll-up, not the register: counting the registrations read every volunteer's row of the scope (400,000 in the city
        // bench: 1.4–5.8 s; issue 9). The scope is applied here: the tallies are not IAreaScoped.
        var counts = await db.Set<VolunteerTally>().WithinArea(t => t.AreaCode, db.Actor.Scope).GroupBy(t => new { t.Status, t.Source })
            .Select(g => new { g.Key.Status, g.Key.Source, Count = g.Sum(t => t.Count) }).ToListAsync(ct);
        return new Response(counts.Where(c => c.Status == VolunteerStatus.Active).Sum(c => c.Count),
            counts.Where(c => c.Source == VolunteerSource.SelfService).Sum(c => c.Count), counts.Where(c => c.Source == VolunteerSource.Staff).Sum(c => c.Count),
            counts.Where(c => c.Status == VolunteerStatus.Suspended).Sum(c => c.Count),
            await db.Set<Volunteers.Teams.Team>().CountAsync(t => t.Status == Volunteers.Teams.TeamStatus.Active, ct), minutes,
            records.FirstOrDefault(c => c.Key == Volunteers.Hours.HourRecordStatus.Disputed)?.Count ?? 0,
            records.FirstOrDefault(c => c.Key == Volunteers.Hours.HourRecordStatus.Pending)?.Count ?? 0, year);
    }
}
