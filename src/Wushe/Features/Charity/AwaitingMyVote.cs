using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity;

/// <summary>
/// 待我表决: the requests in voting of every fund on whose committee the signed-in account serves as a voting member today, which it has
/// not voted on and need not stand aside from (it raised none of them and is no payee) — oldest first, as they wait longest. Empty for
/// anyone else. The rule of who may vote is <see cref="CharityRules.VoteRefusal"/>; this list asks its questions of the member in one
/// query (an incomplete committee is said on the request's page).
/// </summary>
public static class AwaitingMyVote
{
    public sealed record Row(Guid FundId, string FundName, Guid RequestId, string RequestNo, string Title, long AmountFen, string RaisedByName, DateTimeOffset RaisedAt);

    public static async Task<IReadOnlyList<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, int take = 50, CancellationToken ct = default)
    {
        if (user.Id is not { } me) return [];
        var today = ChinaTime.Today(clock);
        var seats = await db.Set<FundCommitteeMember>().Where(m => m.UserId == me && m.Role != CommitteeRole.Supervisor && m.TermFrom <= today && today <= m.TermTo
                && (m.EndedOn == null || today < m.EndedOn))
            .Select(m => new { m.Id, m.FundId, m.Name }).ToListAsync(ct);
        if (seats.Count == 0) return [];
        var funds = seats.Select(s => s.FundId).ToList();
        var seatIds = seats.Select(s => s.Id).ToList();
        var rows = await (from r in db.Set<DisbursementRequest>()
                          join f in db.Set<CommunityFund>() on r.FundId equals f.Id
                          where r.Status == DisbursementStatus.Voting && funds.Contains(r.FundId) && r.RaisedById != me
                              && !db.Set<DisbursementVote>().Any(v => v.RequestId == r.Id && seatIds.Contains(v.MemberId))
                          orderby r.RaisedAt, r.Id
                          select new { Row = new Row(f.Id, f.Name, r.Id, r.RequestNo, r.Title, r.AmountFen, r.RaisedByName, r.RaisedAt), r.Payee })
            .Take(take + seats.Count).ToListAsync(ct);
        return rows.Where(x => !seats.Any(s => s.FundId == x.Row.FundId && CharityRules.StandsAside(me, s.Name, null, x.Payee))).Select(x => x.Row).Take(take).ToList();
    }
}
