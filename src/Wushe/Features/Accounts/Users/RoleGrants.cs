using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// One role to grant: the role and the area it covers (self-service roles take the user's home area); for organization
/// staff, the organization they act for (its registering area is the role's area).
/// </summary>
public sealed record RoleRequest([Label("角色", "Role")] Role? Role, [Label("角色区划", "Role area")] string? AreaCode,
    [Label("社会组织", "Organization")] Guid? OrganizationId = null);

/// <summary>A validated grant: the role, its 12-digit area and, for organization staff only, the organization.</summary>
public sealed record RoleGrant(Role Role, string AreaCode, Guid? OrganizationId = null);

/// <summary>Which roles an actor may grant, in which areas (<see cref="RoleLevels"/>).</summary>
public static class RoleGrants
{
    /// <summary>
    /// Validates the roles to grant and turns them into (role, 12-digit area) pairs: the area must be a
    /// current area in the actor's scope at a level the role fits (<see cref="RoleLevels"/>), below the actor's own area (a role
    /// there would make a peer, whom only the level above manages); only a platform admin grants the platform admin role
    /// (nationwide); self-service roles take the user's home area. Organization staff act for one organization, chosen
    /// from those in the actor's scope and not deregistered: the role's area is the organization's registering area (an area
    /// sent that differs is refused by name), and it may be the actor's own area — an organization's staff are not the
    /// bureau's peers (<see cref="UserScope.CanManage"/>). Other roles carry no organization. Errors go to
    /// <c>roles[i].role</c> / <c>roles[i].areaCode</c> / <c>roles[i].organizationId</c>, or <c>roles</c> for the list as a whole.
    /// </summary>
    public static async Task<List<RoleGrant>> ValidateAsync(AppDb db, CurrentUser actor, IReadOnlyList<RoleRequest>? roles,
        string? homeAreaCode, Errors errors, bool allowEmpty = false, CancellationToken ct = default)
    {
        var granted = new List<RoleGrant>();
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
            if (role != Role.OrganizationStaff && r.OrganizationId is not null)
            {
                errors.Add(field + ".organizationId", Lang.T("只有社会组织工作人员角色需要选择社会组织", "Only the organization staff role takes an organization"));
                continue;
            }
            if (role == Role.OrganizationStaff)
            {
                if (r.OrganizationId is not { } organizationId)
                {
                    errors.Add(field + ".organizationId", Lang.T("请选择该工作人员所属的社会组织", "Please choose the organization this person works for"));
                    continue;
                }
                // The query filter holds the actor's scope: an organization registered elsewhere does not exist to the actor.
                var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
                    .Select(o => new { o.AreaCode, o.Status }).FirstOrDefaultAsync(ct);
                if (organization is null || !actor.Scope.Covers(organization.AreaCode))
                {
                    errors.Add(field + ".organizationId", Lang.T("社会组织不存在或不在您的管辖范围内", "The organization does not exist or lies outside your area"));
                    continue;
                }
                if (organization.Status == OrganizationStatus.Deregistered)
                {
                    errors.Add(field + ".organizationId", Lang.T("该社会组织已注销，不能再为其开设工作人员账号", "The organization is deregistered; it can have no staff accounts"));
                    continue;
                }
                if (!string.IsNullOrWhiteSpace(r.AreaCode) && AreaCode.Normalize(r.AreaCode) != organization.AreaCode)
                {
                    errors.Add(field + ".areaCode", Lang.T("社会组织工作人员的角色区划即该组织的登记管理机关所在区划，请留空",
                        "An organization staff role sits at the organization's registering area; leave the area empty"));
                    continue;
                }
                code = organization.AreaCode;
                if (granted.Any(g => g.Role == role && g.AreaCode == code))
                {
                    errors.Add(field + ".organizationId", Lang.T("同一区划的社会组织工作人员角色只能有一个", "One organization staff role per area"));
                    continue;
                }
                granted.Add(new RoleGrant(role, code, organizationId));
                continue;
            }
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
            if (granted.Any(g => g.Role == role && g.AreaCode == code))
            {
                errors.Add(field + ".role", Lang.T("角色与区划重复", "This role and area are listed twice"));
                continue;
            }
            granted.Add(new RoleGrant(role, code));
        }
        return granted;
    }
}
