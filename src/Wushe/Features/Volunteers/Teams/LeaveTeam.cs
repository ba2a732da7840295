using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 退出队伍: the signed-in volunteer leaves a team, or withdraws an application (已退出; a leader gives the role up with it). Another
/// volunteer's membership is 404; one already ended 409.
/// </summary>
public static class LeaveTeam
{
    public static async Task<Result<MembershipStatus>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var member = await db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(m => m.Id == memberId && m.VolunteerId == me.Id, ct);
        if (member is null) return Failure.NotFound();
        db.ActingAs(user.ActingOn(member.AreaCode));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await Memberships.LockAsync(db, member.Id, ct);
        await db.Entry(member).ReloadAsync(ct);
        if (!member.IsCurrent) return Memberships.NotCurrent(member);
        member.End(MembershipStatus.Left, clock.GetUtcNow(), member.Status == MembershipStatus.Pending ? Lang.T("本人撤回申请", "Withdrawn by the volunteer") : Lang.T("本人退出", "Left by the volunteer"), me.Name);
        member.Touch();
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return member.Status;
    }
}
