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
/// its roles lie under the actor's scope, so that nobody can take over an account that acts elsewhere, and
/// it is neither the actor nor a peer of the same level (<see cref="CanManage"/>).</item>
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
        return db.Users.WhereWithin(u => AreaRange.Within(u.HomeAreaCode, low, high)
            || db.RoleAssignments.Any(a => a.UserId == u.Id && AreaRange.Within(a.AreaCode, low, high)));
    }

    /// <summary>A visible user, tracked for a change; null when unknown or out of scope (404).</summary>
    public static Task<User?> FindAsync(AppDb db, Scope scope, Guid id, CancellationToken ct = default) =>
        Visible(db, scope).FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>
    /// The one rule of who may manage (edit, lock, reset the password of, re-role) a user: its home area and every
    /// one of its roles lie under the actor's scope, and it is neither the actor (one's own password changes with the
    /// current one, on the profile) nor a peer — a user holding a working role at the actor's own area, such as a
    /// second 毕节市 bureau account, or a platform admin. Peers are managed from the level above, so that no account
    /// can lock out or take over another of the same rank.
    /// </summary>
    public static bool CanManage(CurrentUser actor, Guid userId, string homeAreaCode, IEnumerable<(Role Role, string AreaCode)> roles)
    {
        var held = roles.ToList();
        return actor.Scope.Covers(homeAreaCode) && held.All(r => actor.Scope.Covers(r.AreaCode)) && !IsSelfOrPeer(actor, userId, held);
    }

    /// <summary>Why the actor may not manage the user, for the page to say; null when it may.</summary>
    public static string? WhyNotManageable(CurrentUser actor, Guid userId, string homeAreaCode, IEnumerable<(Role Role, string AreaCode)> roles)
    {
        var held = roles.ToList();
        return CanManage(actor, userId, homeAreaCode, held) ? null
            : IsSelfOrPeer(actor, userId, held) ? SelfOrPeer().Title : NotManageable().Title;
    }

    // An organization's staff hold their role at the organization's registering area, often the bureau's own: they are
    // the bureau's to manage (it registered the organization), not its peers.
    static bool IsSelfOrPeer(CurrentUser actor, Guid userId, IEnumerable<(Role Role, string AreaCode)> roles) =>
        userId == actor.Id || roles.Any(r => r.Role == Role.PlatformAdmin
            || (!Roles.IsSelfService(r.Role) && r.Role != Role.OrganizationStaff && r.AreaCode == actor.Active?.AreaCode));

    /// <summary>The failure for a visible user that holds roles beyond the actor's scope.</summary>
    public static Failure NotManageable() => Failure.Forbidden(Lang.T(
        "该用户在您的管辖范围之外另有角色或归属，只能由上级管理员修改",
        "This user belongs to or holds roles in places outside your area; an administrator above you must change it"));

    /// <summary>The failure for oneself or a peer of the same level.</summary>
    public static Failure SelfOrPeer() => Failure.Forbidden(Lang.T(
        "不能在此修改自己或同级账号，请由上级管理员操作（修改自己的密码请到“个人信息”）",
        "You cannot change your own account or a peer's here; an administrator above you must do it (change your own password on your profile)"));

    /// <summary>Checks that the user may be managed by the actor (<see cref="CanManage"/>); null when it may. A refusal is recorded as a security event.</summary>
    public static async Task<Failure?> CheckManageableAsync(AppDb db, CurrentUser actor, User user, CancellationToken ct = default)
    {
        var roles = await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => new { a.Role, a.AreaCode }).ToListAsync(ct);
        var held = roles.Select(a => (a.Role, a.AreaCode)).ToList();
        if (CanManage(actor, user.Id, user.HomeAreaCode, held)) return null;
        return IsSelfOrPeer(actor, user.Id, held)
            ? await RefuseAsync(db, user, "not manageable: oneself or a peer", SelfOrPeer(), ct)
            : await RefuseAsync(db, user, "not manageable: roles or home outside scope", NotManageable(), ct);
    }

    /// <summary>
    /// For 分配角色, which keeps the roles a user holds elsewhere: the home must lie in the actor's scope, and the
    /// user must be neither the actor nor a peer. Null when it may go on.
    /// </summary>
    public static async Task<Failure?> CheckRolesEditableAsync(AppDb db, CurrentUser actor, User user, CancellationToken ct = default)
    {
        if (await CheckHomeInScopeAsync(db, actor.Scope, user, ct) is { } refused) return refused;
        var roles = await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => new { a.Role, a.AreaCode }).ToListAsync(ct);
        return IsSelfOrPeer(actor, user.Id, roles.Select(a => (a.Role, a.AreaCode)))
            ? await RefuseAsync(db, user, "not manageable: oneself or a peer", SelfOrPeer(), ct) : null;
    }

    /// <summary>
    /// An account is held by its home area: one whose home lies above or beside the actor's scope is
    /// read-only to the actor (its roles there included), even where a role makes it visible. Null
    /// when the home lies in the scope; a refusal is recorded as a security event.
    /// </summary>
    public static async Task<Failure?> CheckHomeInScopeAsync(AppDb db, Scope scope, User user, CancellationToken ct = default) =>
        scope.Covers(user.HomeAreaCode) ? null : await RefuseAsync(db, user, "held above: home area outside scope", NotManageable(), ct);

    static async Task<Failure> RefuseAsync(AppDb db, User user, string reason, Failure failure, CancellationToken ct)
    {
        await db.RecordDeniedAsync(AuditAction.Denied, nameof(User), user.Id.ToString(), user.HomeAreaCode, reason, ct: ct);
        return failure;
    }
}
