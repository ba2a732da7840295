using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// One role a user holds, with the area's name; <c>Editable</c> when it lies in the acting user's scope; for organization
/// staff, the organization they act for (its name shown as the role's place).
/// </summary>
public sealed record RoleBadge(Role Role, string RoleName, string AreaCode, string AreaName, bool Editable, Guid? OrganizationId = null, string? OrganizationName = null)
{
    /// <summary>Where the role acts, as a badge says it: the area, and the organization's name for its staff.</summary>
    public string Place => OrganizationName is { } name ? $"{AreaName} · {name}" : AreaName;
}

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
                          select new { a.UserId, a.Role, a.AreaCode, AreaName = area == null ? null : area.Name, a.OrganizationId }).ToListAsync(ct);
        // Organization names only (as area names): shown even where the organization lies outside the reader's scope.
        var organizationIds = rows.Select(r => r.OrganizationId).OfType<Guid>().Distinct().ToList();
        var organizations = organizationIds.Count == 0 ? new Dictionary<Guid, string>() : await db.Organizations.IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r =>
            new RoleBadge(r.Role, Roles.Label(r.Role), r.AreaCode, r.AreaName ?? UserAreas.Label(r.AreaCode), scope.Covers(r.AreaCode),
                r.OrganizationId, r.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null)).ToList());
    }
}
