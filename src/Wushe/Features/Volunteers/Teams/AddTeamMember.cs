using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 添加队员: staff in the team's scope add a volunteer of their own register (active, in their scope) as a member straight away,
/// as 队员 or with a role. Someone already a member or applying is 409 (also when two additions race); a dissolved team 409;
/// a team or volunteer out of scope 404.
/// </summary>
public static class AddTeamMember
{
    public sealed record Request([property: Label("志愿者", "Volunteer")] Guid? VolunteerId, [property: Label("队内职务", "Role")] TeamRole? Role = null);

    public sealed record Added(Guid Id);

    public static async Task<Result<Added>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid teamId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == teamId, ct) is not { } team) return Failure.NotFound();
        if (r.VolunteerId is not { } volunteerId) return Failure.Invalid("volunteerId", Lang.T("请选择志愿者", "Choose a volunteer"));
        if (r.Role is { } role && !Enum.IsDefined(role)) return Failure.Invalid("role", Lang.T("队内职务不在可选范围内", "The role is not one of the choices"));
        var volunteer = await db.Set<Volunteer>().Where(v => v.Id == volunteerId).Select(v => new { v.Id, v.Status }).FirstOrDefaultAsync(ct);
        if (volunteer is null) return Failure.Invalid("volunteerId", Lang.T("志愿者不存在或不在您的管辖范围内", "The volunteer does not exist or lies outside your area"));
        if (volunteer.Status != VolunteerStatus.Active)
            return Failure.Invalid("volunteerId", Lang.T($"该志愿者为“{Volunteer.StatusLabel(volunteer.Status)}”，不能加入队伍", $"The volunteer is {Volunteer.StatusLabel(volunteer.Status)}: they cannot join"));
        if (team.Status != TeamStatus.Active) return Memberships.TeamDissolved();
        if (await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.VolunteerId == volunteerId && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active), ct))
            return Memberships.AlreadyIn();
        var member = new TeamMember(team, volunteerId, MembershipStatus.Active, clock.GetUtcNow());
        member.Approve(member.AppliedAt, await Households.Workers.NameAsync(db, user, ct));
        if (r.Role is { } given) member.SetRole(given);
        db.Add(member);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return Memberships.AlreadyIn();
        return new Added(member.Id);
    }
}
