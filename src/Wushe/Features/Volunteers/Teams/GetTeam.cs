using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// A team as staff read it (in scope; another area's is 404): its fields, statistics (<see cref="TeamStatistics"/>), its applications
/// and members (phones masked) and those who left, declined or were removed, with the reason.
/// </summary>
public static class GetTeam
{
    public sealed record Former(Guid MemberId, string Name, string VolunteerNo, MembershipStatus Status, DateTimeOffset? EndedAt, string Reason, string DecidedByName);

    public sealed record Details(Guid Id, string AreaCode, string AreaName, string Name, string Brand, VolunteerServiceKind Kind, string Description,
        TeamOwnerKind OwnerKind, Guid? OrganizationId, string OwnerName, DateOnly FoundedOn, TeamStatus Status, string StatusReason, string CreatedByName,
        DateTimeOffset CreatedAt, int Version, TeamStatistics.Figures Figures, IReadOnlyList<MyTeams.RosterRow> Applications, IReadOnlyList<MyTeams.RosterRow> Members,
        IReadOnlyList<Former> Former);

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Team>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } t) return Failure.NotFound();
        var roster = await MyTeams.RosterAsync(db, id, ct);
        var ended = await db.Set<TeamMember>().Where(m => m.TeamId == id && m.Status != MembershipStatus.Pending && m.Status != MembershipStatus.Active)
            .OrderByDescending(m => m.EndedAt).Take(100).Select(m => new { m.Id, m.VolunteerId, m.Status, m.EndedAt, m.Reason, m.DecidedByName }).ToListAsync(ct);
        var ids = ended.Select(e => e.VolunteerId).Distinct().ToList();
        var people = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Name, v.VolunteerNo }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, [t.AreaCode], ct);
        return new Details(t.Id, t.AreaCode, names.GetValueOrDefault(t.AreaCode, ""), t.Name, t.Brand, t.Kind, t.Description, t.OwnerKind, t.OrganizationId, t.OwnerName,
            t.FoundedOn, t.Status, t.StatusReason, t.CreatedByName, t.CreatedAt, t.Version, await TeamStatistics.OfAsync(db, id, clock, ct),
            roster.Where(r => r.Status == MembershipStatus.Pending).OrderBy(r => r.AppliedAt).ToList(),
            roster.Where(r => r.Status == MembershipStatus.Active).OrderBy(r => r.Role).ThenBy(r => r.JoinedAt).ToList(),
            ended.Select(e =>
            {
                var p = people.FirstOrDefault(x => x.Id == e.VolunteerId);
                return new Former(e.Id, p?.Name ?? "", p?.VolunteerNo ?? "", e.Status, e.EndedAt, e.Reason, e.DecidedByName);
            }).ToList());
    }

    /// <summary>The active teams of the user's scope, by name (at most 200): what an organizer chooses from for a team-only activity.</summary>
    public static Task<List<Choice>> ChoicesAsync(AppDb db, CancellationToken ct = default) =>
        db.Set<Team>().Where(t => t.Status == TeamStatus.Active).OrderBy(t => t.Name).ThenBy(t => t.Id).Take(200)
            .Select(t => new Choice(t.Id, t.Name, t.Brand)).ToListAsync(ct);

    public sealed record Choice(Guid Id, string Name, string Brand);
}
