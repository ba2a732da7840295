using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>A campaign of the scope: its particulars, phase, progress and, per linked fund, what it raised (fen, reversed donations left out). 404 out of scope.</summary>
public static class GetCampaign
{

    public sealed record Fund(Guid Id, string Name, string FundNo, long RaisedFen, int Donations);

    public sealed record Response(Guid Id, string AreaCode, string AreaName, string Name, string Description, DateOnly StartsOn, DateOnly EndsOn, CampaignPhase Phase,
        long TargetFen, long RaisedFen, int Percent, int Donations, IReadOnlyList<Fund> Funds, string CreatedByName, int Version);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Failure.NotFound();
        var given = await db.Set<Donation>().IgnoreQueryFilters(AppDb.Unscoped).Where(d => d.CampaignId == id && d.ReversedAt == null)
            .GroupBy(d => d.FundId).Select(g => new { FundId = g.Key, Fen = g.Sum(d => d.AmountFen), Count = g.Count() }).ToListAsync(ct);
        var funds = (await (from l in db.Set<CampaignFund>().IgnoreQueryFilters(AppDb.Unscoped).Where(l => l.CampaignId == id)
                            join f in db.Set<CommunityFund>().IgnoreQueryFilters(AppDb.Unscoped) on l.FundId equals f.Id
                            orderby f.AreaCode, f.Name
                            select new { f.Id, f.Name, f.FundNo }).ToListAsync(ct))
            .Select(f => given.FirstOrDefault(g => g.FundId == f.Id) is { } g ? new Fund(f.Id, f.Name, f.FundNo, g.Fen, g.Count) : new Fund(f.Id, f.Name, f.FundNo, 0, 0)).ToList();
        var areaName = await db.Areas.IgnoreQueryFilters().Where(a => a.Code == c.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? c.AreaCode;
        var raised = funds.Sum(f => f.RaisedFen);
        return new Response(c.Id, c.AreaCode, areaName, c.Name, c.Description, c.StartsOn, c.EndsOn, Campaign.PhaseOn(c.StartsOn, c.EndsOn, ChinaTime.Today(clock)),
            c.TargetFen, raised, ListCampaigns.Percent(raised, c.TargetFen), funds.Sum(f => f.Donations), funds, c.CreatedByName, c.Version);
    }
}
