using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 设置队内职务: staff in the team's scope make an active member 队长, 副队长 or 队员 again. Only an active member holds a role (an
/// applicant or one who left is 409). A team may have no leader, or several.
/// </summary>
public static class SetTeamMemberRole
{
    public sealed record Request([property: Label("队内职务", "Role")] TeamRole? Role);

    public static async Task<Result<TeamRole>> Handle(AppDb db, Guid memberId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct) is not { } member) return Failure.NotFound();
        if (r.Role is not { } role || !Enum.IsDefined(role)) return Failure.Invalid("role", Lang.T("请选择队内职务", "Choose a role"));
        if (member.Status != MembershipStatus.Active)
            return Failure.Conflict(Lang.T("只有在队队员可以担任队长、副队长", "Only an active member can be a leader or deputy"));
        if (member.Role == role) return role;
        member.SetRole(role);
        member.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(Lang.T("该队员记录已被他人修改，请刷新后重试", "Someone else changed this membership: reload and try again"));
        }
        return role;
    }
}
