using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Localization;

namespace Wushe.Features.Accounts.Users;

/// <summary>The user list: the users the actor's scope can see, searched by name, role, area and status; newest first; paged.</summary>
public static class ListUsers
{
    public sealed record Query(string? Keyword = null, [Label("角色", "Role")] Role? Role = null, string? Area = null, [Label("状态", "Status")] UserStatus? Status = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string UserName, string DisplayName, string? Phone, string HomeAreaCode, string HomeAreaName,
        IReadOnlyList<RoleBadge> Roles, UserStatus Status, string StatusName, DateTimeOffset CreatedAt, bool CanManage);

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser actor, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var users = UserScope.Visible(db, actor.Scope).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var keyword = q.Keyword.Trim();
            var upper = keyword.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(keyword));
        }
        var area = AreaCode.Normalize(q.Area);
        var (low, high) = area is null ? ("", "") : AreaCode.Range(area);
        if (q.Role is { } role && area is not null)
            users = users.WhereWithin(u => db.RoleAssignments.Any(a => a.UserId == u.Id && a.Role == role
                && AreaRange.Within(a.AreaCode, low, high)));
        else if (q.Role is { } onlyRole)
            users = users.Where(u => db.RoleAssignments.Any(a => a.UserId == u.Id && a.Role == onlyRole));
        else if (area is not null)
            users = users.WhereWithin(u => AreaRange.Within(u.HomeAreaCode, low, high)
                || db.RoleAssignments.Any(a => a.UserId == u.Id && AreaRange.Within(a.AreaCode, low, high)));
        users = q.Status switch
        {
            UserStatus.Disabled => users.Where(u => u.IsDisabled),
            UserStatus.Locked => users.Where(u => !u.IsDisabled && u.LockoutEnd != null && u.LockoutEnd > now),
            UserStatus.Normal => users.Where(u => !u.IsDisabled && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            _ => users,
        };
        var page = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, UserName = u.UserName!, u.DisplayName, Phone = u.Phone!.Masked, u.HomeAreaCode, u.IsDisabled, u.LockoutEnd, u.CreatedAt })
            .ToPageAsync(q.Page, q.Size, ct);

        var ids = page.Items.Select(u => u.Id).ToList();
        var badges = await RoleBadges.OfUsersAsync(db, actor.Scope, ids, ct);
        var homeCodes = page.Items.Select(u => u.HomeAreaCode).Distinct().ToList();
        var names = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => homeCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var rows = page.Items.Select(u =>
        {
            var status = UserStatuses.Of(u.IsDisabled, u.LockoutEnd, now);
            var roles = badges.GetValueOrDefault(u.Id) ?? [];
            // Personal data belongs to the home area: a user visible only through a role here shows no phone, not even masked.
            return new Row(u.Id, u.UserName, u.DisplayName, actor.Scope.Covers(u.HomeAreaCode) ? u.Phone : null, u.HomeAreaCode, names.GetValueOrDefault(u.HomeAreaCode) ?? UserAreas.Label(u.HomeAreaCode),
                roles, status, UserStatuses.Label(status), u.CreatedAt, UserScope.CanManage(actor, u.Id, u.HomeAreaCode, roles.Select(r => (r.Role, r.AreaCode))));
        }).ToList();
        return new PageOf<Row>(rows, page.Total, page.Page, page.Size);
    }
}
