using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>募捐活动公示 (no sign-in): the campaigns of ?area= (its subtree) with their live progress (fen), running ones first; no personal data.</summary>
public static class PublicCampaigns
{

    public sealed record Query(string? Area = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public static Task<PageOf<ListCampaigns.Row>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default) =>
        ListCampaigns.PageAsync(db, clock, db.Set<Campaign>().IgnoreQueryFilters(AppDb.Unscoped).Under(q.Area), new(q.Area, null, null, q.Page, q.Size), ct);
}
