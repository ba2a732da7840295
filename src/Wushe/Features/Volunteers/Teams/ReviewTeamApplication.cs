using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 审核入队申请: approve (在队) or decline (未通过, with a reason of 2–200 characters the volunteer reads) an application. By staff in
/// the team's scope (<see cref="ByStaff"/>), or by the team's leader (队长) on their own pages (<see cref="ByLeader"/>: another team's
/// application is 404). One already decided is 409 — two approvals at the same moment make one membership (<see cref="Memberships"/>).
/// </summary>
public static class ReviewTeamApplication
{
    public sealed record Request([property: Label("是否通过", "Approve")] bool? Approve, [property: Label("不通过原因", "Reason")] string? Reason = null);

    public sealed record Reviewed(Guid Id, MembershipStatus Status);

    public static async Task<Result<Reviewed>> ByStaff(AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct) is not { } member) return Failure.NotFound();
        var team = await db.Set<Team>().FirstAsync(t => t.Id == member.TeamId, ct);
        return await DecideAsync(db, clock, member, team, r, await Households.Workers.NameAsync(db, user, ct), ct);
    }

    public static async Task<Result<Reviewed>> ByLeader(AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, Request r, CancellationToken ct = default)
    {
        var member = await db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || await Memberships.LedByMeAsync(db, user, member.TeamId, ct) is not { } led) return Failure.NotFound();
        // The volunteer's scope holds no records: the decision is written in the team's area, as the leader.
        db.ActingAs(user.ActingOn(led.Team.AreaCode));
        return await DecideAsync(db, clock, member, led.Team, r, led.Me.Name + Lang.T("（队长）", " (leader)"), ct);
    }

    static async Task<Result<Reviewed>> DecideAsync(AppDb db, TimeProvider clock, TeamMember member, Team team, Request r, string by, CancellationToken ct)
    {
        if (r.Approve is not { } approve) return Failure.Invalid("approve", Lang.T("请选择通过或不通过", "Choose approve or decline"));
        if (!approve)
        {
            var errors = new Errors().Text("reason", r.Reason, "不通过原因", "Reason", 2, 200);
            if (errors.Any) return errors.ToFailure();
        }
        if (team.Status != TeamStatus.Active) return Memberships.TeamDissolved();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await Memberships.LockAsync(db, member.Id, ct);
        await db.Entry(member).ReloadAsync(ct);
        if (member.Status != MembershipStatus.Pending) return Memberships.NotCurrent(member);
        var now = clock.GetUtcNow();
        if (approve) member.Approve(now, by);
        else member.End(MembershipStatus.Declined, now, r.Reason!.Trim(), by);
        member.Touch();
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Reviewed(member.Id, member.Status);
    }
}
