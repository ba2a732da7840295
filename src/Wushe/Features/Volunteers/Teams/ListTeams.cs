using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 志愿服务队 of the user's scope: by area (tree), keyword (name or brand), owner kind and status; sorted (created — newest first, the
/// default —, name, members — most first, founded — oldest first); paged; each with its active members, waiting applications and leaders.
/// </summary>
public static class ListTeams
{
    public sealed record Query(string? Area = null, [Label("队伍名称或品牌", "Name or brand")] string? Keyword = null,
        [Label("归属类型", "Owner kind")] TeamOwnerKind? OwnerKind = null, [Label("状态", "Status")] TeamStatus? Status = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"created" (newest first, the default), "name", "members", "founded".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["created", "name", "members", "founded"];

    public sealed record Row(Guid Id, string Name, string Brand, VolunteerServiceKind Kind, TeamOwnerKind OwnerKind, string OwnerName, string AreaCode, string AreaName,
        DateOnly FoundedOn, int Members, int Pending, IReadOnlyList<string> Leaders, TeamStatus Status);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var teams = db.Set<Team>().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            teams = teams.Where(t => t.Name.Contains(k) || t.Brand.Contains(k));
        }
        if (q.OwnerKind is { } owner) teams = teams.Where(t => t.OwnerKind == owner);
        if (q.Status is { } status) teams = teams.Where(t => t.Status == status);
        // Memberships are held in the team's own area: the same scope as the teams.
        var members = db.Set<TeamMember>();
        teams = q.Sort switch
        {
            "name" => teams.OrderBy(t => t.Name).ThenBy(t => t.Id),
            "members" => teams.OrderByDescending(t => members.Count(m => m.TeamId == t.Id && m.Status == MembershipStatus.Active)).ThenBy(t => t.Id),
            "founded" => teams.OrderBy(t => t.FoundedOn).ThenBy(t => t.Id),
            _ => teams.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        };
        var found = await teams.Select(t => new
        {
            t.Id, t.Name, t.Brand, t.Kind, t.OwnerKind, t.OwnerName, t.AreaCode, t.FoundedOn, t.Status,
            Members = members.Count(m => m.TeamId == t.Id && m.Status == MembershipStatus.Active),
            Pending = members.Count(m => m.TeamId == t.Id && m.Status == MembershipStatus.Pending),
        }).ToPageAsync(q.Page, q.Size, ct);
        var ids = found.Items.Select(f => f.Id).ToList();
        var leaders = await members.Where(m => ids.Contains(m.TeamId) && m.Status == MembershipStatus.Active && m.Role == TeamRole.Leader)
            .Select(m => new { m.TeamId, m.VolunteerId }).ToListAsync(ct);
        var leaderIds = leaders.Select(l => l.VolunteerId).Distinct().ToList();
        // Volunteers live anywhere: named in a query of their own.
        var names = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => leaderIds.Contains(v.Id)).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var areas = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        return new PageOf<Row>(found.Items.Select(f => new Row(f.Id, f.Name, f.Brand, f.Kind, f.OwnerKind, f.OwnerName, f.AreaCode, areas.GetValueOrDefault(f.AreaCode, ""),
            f.FoundedOn, f.Members, f.Pending, leaders.Where(l => l.TeamId == f.Id).Select(l => names.FirstOrDefault(n => n.Id == l.VolunteerId)?.Name ?? "").ToList(), f.Status)).ToList(),
            found.Total, found.Page, found.Size);
    }
}
