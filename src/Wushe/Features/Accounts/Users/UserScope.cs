using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// Who may see and manage which accounts. Users are not area-scoped records (one person may hold
/// roles in several places), so the scope rule for them lives here, once:
/// <list type="bullet">
/// <item>a user is <b>visible</b> when its home area or any of its roles lies under the actor's scope;</item>
/// <item>a user is <b>manageable</b> (edit, lock, reset password) only when its home area and every one of
/// its roles lie under the actor's scope, so that nobody can take over an account that acts elsewhere.</item>
/// </list>
/// </summary>
public static class UserScope
{
    /// <summary>Every user query starts here: the users the scope can see.</summary>
    public static IQueryable<User> Visible(AppDb db, Scope scope)
    {
        if (scope.All) return db.Users;
        if (scope.None) return db.Users.Where(u => false);
        var (low, high) = (scope.Low, scope.High);
        return db.Users.Where(u =>
            (string.Compare(u.HomeAreaCode, low) >= 0 && string.Compare(u.HomeAreaCode, high) <= 0)
            || db.RoleAssignments.Any(a => a.UserId == u.Id && string.Compare(a.AreaCode, low) >= 0 && string.Compare(a.AreaCode, high) <= 0));
    }

    /// <summary>A visible user, tracked for a change; null when unknown or out of scope (404).</summary>
    public static Task<User?> FindAsync(AppDb db, Scope scope, Guid id, CancellationToken ct = default) =>
        Visible(db, scope).FirstOrDefaultAsync(u => u.Id == id, ct);

    public static bool CanManage(Scope scope, User user, IEnumerable<RoleAssignment> assignments) =>
        scope.Covers(user.HomeAreaCode) && assignments.All(a => scope.Covers(a.AreaCode));

    /// <summary>The failure for a visible user that holds roles beyond the actor's scope.</summary>
    public static Failure NotManageable() => Failure.Forbidden(Lang.T(
        "该用户在您的管辖范围之外另有角色或归属，只能由上级管理员修改",
        "This user belongs to or holds roles in places outside your area; an administrator above you must change it"));

    /// <summary>Checks that the user may be managed by the actor; null when it may. A refusal is recorded as a security event.</summary>
    public static async Task<Failure?> CheckManageableAsync(AppDb db, Scope scope, User user, CancellationToken ct = default)
    {
        var assignments = await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync(ct);
        return CanManage(scope, user, assignments) ? null : await RefuseAsync(db, user, "not manageable: roles or home outside scope", ct);
    }

    /// <summary>
    /// An account is held by its home area: one whose home lies above or beside the actor's scope is
    /// read-only to the actor (its roles there included), even where a role makes it visible. Null
    /// when the home lies in the scope; a refusal is recorded as a security event.
    /// </summary>
    public static async Task<Failure?> CheckHomeInScopeAsync(AppDb db, Scope scope, User user, CancellationToken ct = default) =>
        scope.Covers(user.HomeAreaCode) ? null : await RefuseAsync(db, user, "held above: home area outside scope", ct);

    static async Task<Failure> RefuseAsync(AppDb db, User user, string reason, CancellationToken ct)
    {
        await db.RecordDeniedAsync(AuditAction.Denied, nameof(User), user.Id.ToString(), user.HomeAreaCode, reason, ct: ct);
        return NotManageable();
    }
}
