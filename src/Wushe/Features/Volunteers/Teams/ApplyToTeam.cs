using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 申请加入: the signed-in volunteer applies to an active team of their county (申请中 until staff or the team's leader decide).
/// 409: suspended or withdrawn, a dissolved team, a member already or applying (also when two applications race). 404: no such team
/// near them; 403: an account without a volunteer registration.
/// </summary>
public static class ApplyToTeam
{
    public sealed record Applied(Guid Id, MembershipStatus Status);

    public static async Task<Result<Applied>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid teamId, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me)
            return Failure.Forbidden(Lang.T("您的账号还没有志愿者实名登记，不能申请加入队伍", "Your account has no volunteer registration: you cannot apply"));
        var county = me.Reach();
        var team = await db.Set<Team>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(t => t.Id == teamId && t.AreaCode.StartsWith(county), ct);
        if (team is null) return Failure.NotFound();
        if (me.Status != VolunteerStatus.Active)
            return Failure.Conflict(Lang.T($"您的志愿者身份为“{Volunteer.StatusLabel(me.Status)}”，暂不能申请加入队伍", $"Your registration is {Volunteer.StatusLabel(me.Status)}: you cannot apply"));
        if (team.Status != TeamStatus.Active) return Memberships.TeamDissolved();
        if (await db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .AnyAsync(m => m.TeamId == teamId && m.VolunteerId == me.Id && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active), ct))
            return Failure.Conflict(Lang.T("您已在该队伍中或已提交申请", "You are a member of this team or have applied already"));
        var member = new TeamMember(team, me.Id, MembershipStatus.Pending, clock.GetUtcNow());
        // The volunteer's scope holds no records: the application is written in the team's area, as the volunteer.
        db.ActingAs(user.ActingOn(team.AreaCode));
        db.Add(member);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Conflict(Lang.T("您已在该队伍中或已提交申请", "You are a member of this team or have applied already"));
        return new Applied(member.Id, member.Status);
    }
}
