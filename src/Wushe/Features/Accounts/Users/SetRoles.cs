using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 分配角色: replaces the user's roles that lie in the actor's scope; roles elsewhere (granted by
/// another administrator) stay. A new security stamp makes the user's sessions pick up the change.
/// </summary>
public static class SetRoles
{
    public sealed record Request(IReadOnlyList<RoleRequest>? Roles);

    public static async Task<Result<IReadOnlyList<RoleBadge>>> Handle(AppDb db, CurrentUser actor, Guid id, Request r,
        CancellationToken ct = default)
    {
        var user = await UserScope.FindAsync(db, actor.Scope, id, ct);
        if (user is null) return Failure.NotFound();
        if (await UserScope.CheckRolesEditableAsync(db, actor, user, ct) is { } refused) return refused;
        var current = await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync(ct);
        var kept = current.Where(a => !actor.Scope.Covers(a.AreaCode)).ToList();

        var errors = new Errors();
        var wanted = await RoleGrants.ValidateAsync(db, actor, r.Roles, user.HomeAreaCode, errors, allowEmpty: kept.Count > 0, ct);
        if (errors.Any) return errors.ToFailure();
        // Kept roles lie outside the scope and wanted ones inside it: the two lists cannot overlap.
        if (user.Id == actor.Id && actor.Active is { } active && !wanted.Any(w => w.Role == active.Role && w.AreaCode == active.AreaCode) && actor.Scope.Covers(active.AreaCode))
            return Failure.Conflict(Lang.T("不能移除您当前登录使用的角色", "You cannot remove the role you are signed in with"));

        // A role that moves to another organization is a new assignment (the old one removed): the audit names both.
        var unchanged = current.Where(a => wanted.Contains(new RoleGrant(a.Role, a.AreaCode, a.OrganizationId))).ToList();
        var removed = current.Except(kept).Except(unchanged).ToList();
        var added = wanted.Where(w => !current.Any(a => a.Role == w.Role && a.AreaCode == w.AreaCode && a.OrganizationId == w.OrganizationId)).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            db.RoleAssignments.RemoveRange(removed);
            foreach (var (role, area, organization) in added) db.RoleAssignments.Add(new RoleAssignment(user.Id, role, area, organization));
            // The role claims live in the sign-in: a new stamp makes the cookie's next validation sign the user in afresh.
            SecurityStamps.Renew(user);
            await db.SaveChangesAsync(ct);
        }
        return (await RoleBadges.OfUsersAsync(db, actor.Scope, [user.Id], ct)).GetValueOrDefault(user.Id) ?? [];
    }
}
