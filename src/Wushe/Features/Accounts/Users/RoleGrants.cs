using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>One role to grant: the role and the area it covers (self-service roles take the user's home area).</summary>
public sealed record RoleRequest([Label("角色", "Role")] Role? Role, [Label("角色区划", "Role area")] string? AreaCode);

/// <summary>Which roles an actor may grant, in which areas (<see cref="RoleLevels"/>).</summary>
public static class RoleGrants
{
    /// <summary>
    /// Validates the roles to grant and turns them into (role, 12-digit area) pairs: the area must be a
    /// current area in the actor's scope at a level the role fits (<see cref="RoleLevels"/>), below the actor's own area (a role
    /// there would make a peer, whom only the level above manages); only a platform admin grants the platform admin role
    /// (nationwide); self-service roles take the user's home area. Errors go to <c>roles[i].role</c> /
    /// <c>roles[i].areaCode</c>, or <c>roles</c> for the list as a whole.
    /// </summary>
    public static async Task<List<(Role Role, string AreaCode)>> ValidateAsync(AppDb db, CurrentUser actor, IReadOnlyList<RoleRequest>? roles,
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
                if (!await UserAreas.InScopeAsync(db, actor.Scope, code, ct))
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
                // A role at the actor's own area makes a peer, and peers are managed from the level above (UserScope.CanManage).
                if (code == actor.Active?.AreaCode)
                {
                    errors.Add(field + ".areaCode", Lang.T("不能授予本级区划的角色：同级账号由上级管理员创建和管理",
                        "You cannot grant a role at your own area: accounts at your level are created and managed from the level above"));
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
}
