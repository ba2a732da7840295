using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>
/// 募捐活动 of the scope: by area (its subtree), keyword (name), phase on today's China date; newest first on a unique order (starts on, id);
/// each with its progress — the donations answering it, reversed ones left out (fen) — and its funds' count.
/// </summary>
public static class ListCampaigns
{

    public sealed record Query(string? Area = null, string? Keyword = null, [Label("阶段", "Phase")] CampaignPhase? Phase = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    /// <param name="RaisedFen">Donations answering it, reversed ones left out, fen.</param>
    /// <param name="Percent">Raised ÷ target, whole per cent (may pass 100).</param>
    public sealed record Row(Guid Id, string Name, string AreaCode, string AreaName, DateOnly StartsOn, DateOnly EndsOn, CampaignPhase Phase, long TargetFen, long RaisedFen, int Percent,
        int Donations, int Funds);

    public static async Task<PageOf<Row>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default) =>
        await PageAsync(db, clock, db.Set<Campaign>().Under(q.Area), q, ct);

    /// <summary>The page of <paramref name="campaigns"/> as the query asks, with progress (shared by the public list).</summary>
    internal static async Task<PageOf<Row>> PageAsync(AppDb db, TimeProvider clock, IQueryable<Campaign> campaigns, Query q, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            campaigns = campaigns.Where(c => c.Name.Contains(k));
        }
        if (q.Phase is { } phase) campaigns = CampaignRules.InPhase(campaigns, phase, today);
        var page = await campaigns.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.AreaCode, c.StartsOn, c.EndsOn, c.TargetFen }).ToPageAsync(q.Page, q.Size, ct);
        // The page's progress in two grouped reads of their own: a filter ignored inside the page's query would be ignored for the whole of it.
        var ids = page.Items.Select(c => c.Id).ToList();
        var given = await db.Set<Donation>().IgnoreQueryFilters(AppDb.Unscoped).Where(d => d.CampaignId != null && ids.Contains(d.CampaignId.Value) && d.ReversedAt == null)
            .GroupBy(d => d.CampaignId!.Value).Select(g => new { Id = g.Key, Fen = g.Sum(d => d.AmountFen), Count = g.Count() }).ToDictionaryAsync(g => g.Id, ct);
        var funds = await db.Set<CampaignFund>().IgnoreQueryFilters(AppDb.Unscoped).Where(l => ids.Contains(l.CampaignId))
            .GroupBy(l => l.CampaignId).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var codes = page.Items.Select(c => c.AreaCode).Distinct().ToList();
        var names = await db.Areas.IgnoreQueryFilters(AppDb.Unscoped).Where(a => codes.Contains(a.Code)).Select(a => new { a.Code, a.Name }).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return new PageOf<Row>(page.Items.Select(c =>
        {
            var (fen, count) = given.TryGetValue(c.Id, out var g) ? (g.Fen, g.Count) : (0L, 0);
            return new Row(c.Id, c.Name, c.AreaCode, names.GetValueOrDefault(c.AreaCode, c.AreaCode), c.StartsOn, c.EndsOn, Campaign.PhaseOn(c.StartsOn, c.EndsOn, today), c.TargetFen, fen, Percent(fen, c.TargetFen), count,
                funds.GetValueOrDefault(c.Id));
        }).ToList(), page.Total, page.Page, page.Size);
    }

    /// <summary>Raised ÷ target in whole per cent, rounded down.</summary>
    public static int Percent(long raisedFen, long targetFen) => targetFen <= 0 ? 0 : (int)Math.Min(999, raisedFen * 100 / targetFen);
}
