using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Admin;

public enum UserStatus
{
    Normal = 1,
    Disabled = 2,
    Locked = 3,
}

/// <summary>One role to grant: the role and the area it covers (self-service roles take the user's home area).</summary>
public sealed record RoleRequest([Label("角色", "Role")] Role? Role, [Label("角色区划", "Role area")] string? AreaCode);

/// <summary>One role a user holds, with the area's name; <c>Editable</c> when it lies in the acting user's scope.</summary>
public sealed record RoleBadge(Role Role, string RoleName, string AreaCode, string AreaName, bool Editable);

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
public static class UserAccess
{
    /// <summary>Every user query starts here: the users the scope can see.</summary>
    public static IQueryable<User> ScopedUsers(AppDb db, Scope scope)
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
        ScopedUsers(db, scope).FirstOrDefaultAsync(u => u.Id == id, ct);

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

    static bool IsSelfOrPeer(CurrentUser actor, Guid userId, IEnumerable<(Role Role, string AreaCode)> roles) =>
        userId == actor.Id || roles.Any(r => r.Role == Role.PlatformAdmin || (!Roles.IsSelfService(r.Role) && r.AreaCode == actor.Active?.AreaCode));

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

    /// <summary>A user's roles with area names (names are shown even for areas outside the scope: names only).</summary>
    public static async Task<Dictionary<Guid, List<RoleBadge>>> BadgesAsync(AppDb db, Scope scope, IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return [];
        var rows = await (from a in db.RoleAssignments.Where(a => userIds.Contains(a.UserId))
                          join area in db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]) on a.AreaCode equals area.Code into named
                          from area in named.DefaultIfEmpty()
                          orderby a.Role, a.AreaCode
                          select new { a.UserId, a.Role, a.AreaCode, AreaName = area == null ? null : area.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r =>
            new RoleBadge(r.Role, Roles.Label(r.Role), r.AreaCode, r.AreaName ?? AreaLabel(r.AreaCode), scope.Covers(r.AreaCode))).ToList());
    }

    public static async Task<string> AreaNameAsync(AppDb db, string code, CancellationToken ct = default) =>
        await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? AreaLabel(code);

    public static string AreaLabel(string code) => code == Scope.Country ? Lang.T("全国", "Nationwide") : code;

    /// <summary>
    /// A new security stamp (and concurrency stamp): the user's cookie sessions end at their next
    /// validation, as with UserManager.UpdateSecurityStampAsync. Saved by the caller's SaveChanges, so
    /// the audit record names only the fields that really changed; Identity's own update marks every
    /// column as modified, which would make the audit trail claim the password hash changed.
    /// </summary>
    public static void RenewStamps(User user)
    {
        user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    public static UserStatus StatusOf(User user, DateTimeOffset now) => StatusOf(user.IsDisabled, user.LockoutEnd, now);

    /// <summary>停用 (by an administrator) wins over 锁定 (too many failed sign-ins, for a while).</summary>
    public static UserStatus StatusOf(bool isDisabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        isDisabled ? UserStatus.Disabled : lockoutEnd is { } end && end > now ? UserStatus.Locked : UserStatus.Normal;

    public static string StatusLabel(UserStatus status) => status switch
    {
        UserStatus.Disabled => Lang.T("停用", "Disabled"),
        UserStatus.Locked => Lang.T("锁定", "Locked"),
        _ => Lang.T("正常", "Active"),
    };

    /// <summary>Bootstrap badge colour of a status (UI.md: 正常 primary, 停用 danger, 锁定 warning).</summary>
    public static string StatusColor(UserStatus status) => status switch
    {
        UserStatus.Disabled => "danger",
        UserStatus.Locked => "warning",
        _ => "primary",
    };

    /// <summary>
    /// Validates the roles to grant and turns them into (role, 12-digit area) pairs: the area must be a
    /// current area in the actor's scope at a level the role fits (<see cref="RoleLevels"/>); only a platform admin grants the platform admin role
    /// (nationwide); self-service roles take the user's home area. Errors go to <c>roles[i].role</c> /
    /// <c>roles[i].areaCode</c>, or <c>roles</c> for the list as a whole.
    /// </summary>
    public static async Task<List<(Role Role, string AreaCode)>> ValidateRolesAsync(AppDb db, CurrentUser actor, IReadOnlyList<RoleRequest>? roles,
        string? homeAreaCode, Errors errors, bool allowEmpty = false, CancellationToken ct = default)
    {
        var granted = new List<(Role, string)>();
        if (roles is null || roles.Count == 0)
        {
            if (!allowEmpty) errors.Add("roles", Lang.T("请至少分配一个角色", "Please grant at least one role"));
            return granted;
        }
        if (roles.Count > 20)
        {
            errors.Add("roles", Lang.T("角色不能超过 20 个", "At most 20 roles"));
            return granted;
        }
        for (var i = 0; i < roles.Count; i++)
        {
            var field = $"roles[{i}]";
            var r = roles[i];
            if (r?.Role is not { } role || !Enum.IsDefined(role))
            {
                errors.Add(field + ".role", Lang.T("请选择角色", "Please choose the role"));
                continue;
            }
            string? code;
            if (role == Role.PlatformAdmin)
            {
                if (!actor.Scope.All || actor.Active?.Role != Role.PlatformAdmin)
                {
                    errors.Add(field + ".role", Lang.T("无权授予平台管理员角色", "You may not grant the platform admin role"));
                    continue;
                }
                code = Scope.Country;
            }
            else if (Roles.IsSelfService(role))
            {
                // Volunteers, donors and merchants see their own records only; the area says where they belong.
                code = homeAreaCode;
                if (code is null) continue; // the home area's own error says why
                if (!actor.Scope.Covers(code))
                {
                    errors.Add(field + ".role", Lang.T("志愿者、捐赠人和商户角色随归属区划，该用户的归属区划不在您的管辖范围内",
                        "Volunteer, donor and merchant roles follow the home area, which lies outside your area"));
                    continue;
                }
            }
            else
            {
                code = AreaCode.Normalize(r.AreaCode);
                if (code is null)
                {
                    errors.Add(field + ".areaCode", string.IsNullOrWhiteSpace(r.AreaCode)
                        ? Lang.T("角色区划不能为空", "The role's area is required")
                        : AreaCode.Check(r.AreaCode));
                    continue;
                }
                if (!await AreaInScopeAsync(db, actor.Scope, code, ct))
                {
                    errors.Add(field + ".areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
                    continue;
                }
                // A role fits the level of its area: a bureau at a city or county, a community at its village…
                if (RoleLevels.Check(role, code) is { } misfit)
                {
                    errors.Add(field + ".areaCode", misfit);
                    continue;
                }
            }
            if (granted.Contains((role, code)))
            {
                errors.Add(field + ".role", Lang.T("角色与区划重复", "This role and area are listed twice"));
                continue;
            }
            granted.Add((role, code));
        }
        return granted;
    }

    /// <summary>A current area that the scope covers (the scope filter hides the rest: to the actor they do not exist).</summary>
    public static async Task<bool> AreaInScopeAsync(AppDb db, Scope scope, string code12, CancellationToken ct = default) =>
        scope.Covers(code12) && await db.Areas.AnyAsync(a => a.Code == code12 && a.ValidTo == null, ct);

    /// <summary>The home area: a current area in the actor's scope, or nationwide for accounts a platform admin creates.</summary>
    public static async Task<string?> ValidateHomeAreaAsync(AppDb db, CurrentUser actor, string? value, Errors errors, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("homeAreaCode", Lang.T("归属区划不能为空", "Home area is required"));
            return null;
        }
        var code = AreaCode.Normalize(value);
        if (code is null)
        {
            errors.Add("homeAreaCode", AreaCode.Check(value));
            return null;
        }
        if (code == Scope.Country && actor.Scope.All) return code;
        if (!await AreaInScopeAsync(db, actor.Scope, code, ct))
        {
            errors.Add("homeAreaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
            return null;
        }
        return code;
    }
}
