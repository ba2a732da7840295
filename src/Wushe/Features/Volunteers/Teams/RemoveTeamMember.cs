using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 移出队伍: staff in the team's scope remove an active member with a reason (2–200 characters) that the volunteer reads under
/// 我的队伍. One not active (an applicant: decline it instead; one who left) is 409.
/// </summary>
public static class RemoveTeamMember
{
    public sealed record Request([property: Label("移出原因", "Reason")] string? Reason);

    public static async Task<Result<MembershipStatus>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct) is not { } member) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "移出原因", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        var by = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await Memberships.LockAsync(db, member.Id, ct);
        await db.Entry(member).ReloadAsync(ct);
        if (member.Status != MembershipStatus.Active) return Memberships.NotCurrent(member);
        member.End(MembershipStatus.Removed, clock.GetUtcNow(), r.Reason!.Trim(), by);
        member.Touch();
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return member.Status;
    }
}
