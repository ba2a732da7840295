using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// What a volunteer reads of teams (their scope holds no records: found through their own registration): <see cref="Browse"/> the
/// active teams of their county, <see cref="Mine"/> their memberships (我的队伍) with the reason of a decline or removal, and — for a
/// team they lead — <see cref="Roster"/> its members and applications.
/// </summary>
public static class MyTeams
{
    public sealed record NearTeam(Guid Id, string Name, string Brand, VolunteerServiceKind Kind, string Description, TeamOwnerKind OwnerKind, string OwnerName,
        string AreaName, int Members, Guid? MyMembershipId, MembershipStatus? MyStatus);

    public sealed record Membership(Guid Id, Guid TeamId, string TeamName, string Brand, string OwnerName, TeamStatus TeamStatus, TeamRole Role, MembershipStatus Status,
        DateTimeOffset AppliedAt, DateTimeOffset? JoinedAt, DateTimeOffset? EndedAt, string Reason, bool Leads, int PendingApplications);

    public sealed record RosterRow(Guid MemberId, string Name, string VolunteerNo, string Phone, TeamRole Role, MembershipStatus Status, DateTimeOffset AppliedAt, DateTimeOffset? JoinedAt);

    public sealed record TeamRoster(Guid TeamId, string TeamName, IReadOnlyList<RosterRow> Applications, IReadOnlyList<RosterRow> Members);

    /// <summary>附近的队伍: active teams of the volunteer's county (their township's first, then by name), ?keyword= (name or brand); 404 without a registration.</summary>
    public static async Task<Result<PageOf<NearTeam>>> Browse(AppDb db, CurrentUser user, string? keyword, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var county = me.Reach();
        var township = me.AreaCode[..9];
        var members = db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var teams = db.Set<Team>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => t.Status == TeamStatus.Active && t.AreaCode.StartsWith(county));
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var k = keyword.Trim();
            teams = teams.Where(t => t.Name.Contains(k) || t.Brand.Contains(k));
        }
        var found = await teams.OrderBy(t => t.AreaCode.StartsWith(township) ? 0 : 1).ThenBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.Brand, t.Kind, t.Description, t.OwnerKind, t.OwnerName, t.AreaCode,
                Members = members.Count(m => m.TeamId == t.Id && m.Status == MembershipStatus.Active) })
            .ToPageAsync(page, size, ct);
        var ids = found.Items.Select(f => f.Id).ToList();
        var mine = await members.Where(m => m.VolunteerId == me.Id && ids.Contains(m.TeamId) && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active))
            .Select(m => new { m.TeamId, m.Id, m.Status }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        return new PageOf<NearTeam>(found.Items.Select(f =>
        {
            var m = mine.FirstOrDefault(x => x.TeamId == f.Id);
            return new NearTeam(f.Id, f.Name, f.Brand, f.Kind, f.Description, f.OwnerKind, f.OwnerName, names.GetValueOrDefault(f.AreaCode, ""), f.Members, m?.Id, m?.Status);
        }).ToList(), found.Total, found.Page, found.Size);
    }

    /// <summary>我的队伍: current memberships first (then by date), each with the reason of a decline or removal; a leader sees how many applications wait.</summary>
    public static async Task<Result<IReadOnlyList<Membership>>> Mine(AppDb db, CurrentUser user, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var members = db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var rows = await members.Where(m => m.VolunteerId == me.Id)
            .Join(db.Set<Team>().IgnoreQueryFilters([AppDb.ScopeFilter]), m => m.TeamId, t => t.Id, (m, t) => new { m, t })
            .OrderBy(x => x.m.Status == MembershipStatus.Active ? 0 : x.m.Status == MembershipStatus.Pending ? 1 : 2).ThenByDescending(x => x.m.AppliedAt)
            .Take(200).ToListAsync(ct);
        var led = rows.Where(x => x.m.Status == MembershipStatus.Active && x.m.Role == TeamRole.Leader).Select(x => x.t.Id).ToList();
        var pending = await members.Where(m => led.Contains(m.TeamId) && m.Status == MembershipStatus.Pending).GroupBy(m => m.TeamId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(x => new Membership(x.m.Id, x.t.Id, x.t.Name, x.t.Brand, x.t.OwnerName, x.t.Status, x.m.Role, x.m.Status, x.m.AppliedAt, x.m.JoinedAt, x.m.EndedAt,
            x.m.Reason, led.Contains(x.t.Id), pending.FirstOrDefault(p => p.Key == x.t.Id)?.Count ?? 0)).ToList();
    }

    /// <summary>A team the volunteer leads: its applications (oldest first) and its active members (leaders first); phones masked. Another team is 404.</summary>
    public static async Task<Result<TeamRoster>> Roster(AppDb db, CurrentUser user, Guid teamId, CancellationToken ct = default)
    {
        if (await Memberships.LedByMeAsync(db, user, teamId, ct) is not { } led) return Failure.NotFound();
        var rows = await RosterAsync(db, teamId, ct);
        return new TeamRoster(led.Team.Id, led.Team.Name, rows.Where(r => r.Status == MembershipStatus.Pending).OrderBy(r => r.AppliedAt).ToList(),
            rows.Where(r => r.Status == MembershipStatus.Active).OrderBy(r => r.Role).ThenBy(r => r.JoinedAt).ToList());
    }

    /// <summary>The pending and active memberships of a team (checked by the caller), named from the register in a query of its own.</summary>
    public static async Task<List<RosterRow>> RosterAsync(AppDb db, Guid teamId, CancellationToken ct)
    {
        var members = await db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(m => m.TeamId == teamId && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active))
            .Select(m => new { m.Id, m.VolunteerId, m.Role, m.Status, m.AppliedAt, m.JoinedAt }).ToListAsync(ct);
        var ids = members.Select(m => m.VolunteerId).ToList();
        var people = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Name, v.VolunteerNo, Phone = v.Phone.Masked }).ToListAsync(ct);
        return members.Select(m =>
        {
            var p = people.First(x => x.Id == m.VolunteerId);
            return new RosterRow(m.Id, p.Name, p.VolunteerNo, p.Phone, m.Role, m.Status, m.AppliedAt, m.JoinedAt);
        }).ToList();
    }
}
