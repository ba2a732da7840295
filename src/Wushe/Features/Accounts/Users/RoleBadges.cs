using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts.Users;

/// <summary>One role a user holds, with the area's name; <c>Editable</c> when it lies in the acting user's scope.</summary>
public sealed record RoleBadge(Role Role, string RoleName, string AreaCode, string AreaName, bool Editable);

public static class RoleBadges
{
    /// <summary>A user's roles with area names (names are shown even for areas outside the scope: names only).</summary>
    public static async Task<Dictionary<Guid, List<RoleBadge>>> OfUsersAsync(AppDb db, Scope scope, IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return [];
        var rows = await (from a in db.RoleAssignments.Where(a => userIds.Contains(a.UserId))
                          join area in db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]) on a.AreaCode equals area.Code into named
                          from area in named.DefaultIfEmpty()
                          orderby a.Role, a.AreaCode
                          select new { a.UserId, a.Role, a.AreaCode, AreaName = area == null ? null : area.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r =>
            new RoleBadge(r.Role, Roles.Label(r.Role), r.AreaCode, r.AreaName ?? UserAreas.Label(r.AreaCode), scope.Covers(r.AreaCode))).ToList());
    }
}
