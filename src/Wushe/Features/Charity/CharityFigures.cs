using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity;

/// <summary>
/// 慈善资源 figures of a home page, each behind a link to its list: the funds of the scope (active ones counted) and their money (fen),
/// the campaigns running today (<see cref="Campaigns.Campaign"/>), requests in voting and approved ones waiting for payment, and — for a committee member — the requests awaiting their own vote (null for anyone else); the micro-wish figures for
/// those who see wishes.
/// One grouped read of the funds (the roll-ups), one of the requests and a count of campaigns, so the home page stays fast at city scale
/// (a sum of this year's donations here cost 0.5 s for a city of 500,000 donations: docs/PERFORMANCE.md; the report has it).
/// </summary>
public static class CharityFigures
{
    public sealed record Response(int ActiveFunds, long IncomeFen, long SpentFen, long BalanceFen, int Voting, int AwaitingPayment, int? AwaitingMyVote,
        Wishes.WishFigures.Response? Wishes, int RunningCampaigns = 0);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        var funds = await db.Set<CommunityFund>().GroupBy(_ => 1)
            .Select(g => new { Active = g.Count(f => f.Status == FundStatus.Active), Income = g.Sum(f => f.IncomeFen), Spent = g.Sum(f => f.SpentFen), Balance = g.Sum(f => f.BalanceFen) })
            .FirstOrDefaultAsync(ct);
        var requests = await db.Set<DisbursementRequest>().Where(r => r.Status == DisbursementStatus.Voting || r.Status == DisbursementStatus.Approved)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var today = Platform.ChinaTime.Today(clock);
        var running = await Campaigns.CampaignRules.InPhase(db.Set<Campaigns.Campaign>(), Campaigns.CampaignPhase.Running, today).CountAsync(ct);
        var mine = user.Has(CharityPermissions.VoteOnDisbursements) ? (await AwaitingMyVote.Handle(db, user, clock, 99, ct)).Count : (int?)null;
        return new Response(funds?.Active ?? 0, funds?.Income ?? 0, funds?.Spent ?? 0, funds?.Balance ?? 0,
            requests.FirstOrDefault(r => r.Status == DisbursementStatus.Voting)?.Count ?? 0, requests.FirstOrDefault(r => r.Status == DisbursementStatus.Approved)?.Count ?? 0, mine,
            user.Has(CharityPermissions.ViewWishes) ? await Wishes.WishFigures.Handle(db, null, ct) : null, running);
    }
}
