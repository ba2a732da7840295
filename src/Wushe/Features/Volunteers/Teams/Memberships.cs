using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// What the membership use cases share. A change of a membership's state runs in a transaction that first writes the membership's row
/// (a write that changes nothing: on PostgreSQL a row lock held to the commit, on SQLite the database's write lock), then reads it
/// again: two approvals of one application at once queue, and the second finds it decided (409) — one membership, one audit row.
/// </summary>
public static class Memberships
{
    /// <summary>Takes the membership's row for this transaction; call inside it, then reload the tracked entity.</summary>
    public static Task LockAsync(AppDb db, Guid memberId, CancellationToken ct) =>
        db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);

    /// <summary>
    /// The signed-in volunteer's active leader (队长) membership of <paramref name="teamId"/>, with their registration; null when they
    /// lead no such team (the caller answers 404: a team one does not lead is nobody's business).
    /// </summary>
    public static async Task<(Volunteer Me, Team Team)?> LedByMeAsync(AppDb db, CurrentUser user, Guid teamId, CancellationToken ct)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return null;
        var leads = await db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .AnyAsync(m => m.TeamId == teamId && m.VolunteerId == me.Id && m.Status == MembershipStatus.Active && m.Role == TeamRole.Leader, ct);
        if (!leads) return null;
        var team = await db.Set<Team>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(t => t.Id == teamId, ct);
        return team is null ? null : (me, team);
    }

    public static Failure NotCurrent(TeamMember m) =>
        Failure.Conflict(Lang.T($"该队员记录已是“{TeamMember.StatusLabel(m.Status)}”", $"This membership is {TeamMember.StatusLabel(m.Status)} already"));

    public static Failure TeamDissolved() => Failure.Conflict(Lang.T("该队伍已解散", "The team was dissolved"));

    public static Failure AlreadyIn() => Failure.Conflict(Lang.T("该志愿者已在队或正在申请加入该队伍", "The volunteer is a member of this team or has applied already"));

    /// <summary>The team ids the volunteer is an active member of (for team-only activities).</summary>
    public static Task<List<Guid>> ActiveTeamsOfAsync(AppDb db, Guid volunteerId, CancellationToken ct) =>
        db.Set<TeamMember>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(m => m.VolunteerId == volunteerId && m.Status == MembershipStatus.Active)
            .Select(m => m.TeamId).ToListAsync(ct);
}
