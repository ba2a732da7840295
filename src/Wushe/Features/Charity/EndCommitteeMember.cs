using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>离任: a member leaves the committee today (the record stays). Failures: 404; 409 when they left already.</summary>
public static class EndCommitteeMember
{
    public static async Task<Result<CreatedId>> Handle(AppDb db, TimeProvider clock, Guid fundId, Guid memberId, CancellationToken ct = default)
    {
        if (await db.Set<FundCommitteeMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.FundId == fundId, ct) is not { } member) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        if (member.EndedOn is not null || member.TermTo < today) return Failure.Conflict(Lang.T("该成员已离任或任期已满", "This member has left or the term is over"));
        member.End(today);
        await db.SaveChangesAsync(ct);
        return new CreatedId(member.Id);
    }
}
