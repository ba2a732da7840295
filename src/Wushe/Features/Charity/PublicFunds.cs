using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 基金公示 (no sign-in, DOMAIN.md "Disclosure"): the funds of an area with their income, spending and balance (fen) and the area's
/// totals. Funds only — no donor, no beneficiary. Read across scopes: it is public.
/// </summary>
public static class PublicFunds
{
    public sealed record Query([Label("区划", "Area")] string? Area = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string Name, string AreaName, string HostName, DateOnly EstablishedOn, FundStatus Status, long IncomeFen, long SpentFen, long BalanceFen);

    /// <param name="IncomeFen">Of every fund of the area (not only the page), fen; so the others.</param>
    public sealed record Response(PageOf<Row> Funds, int Count, long IncomeFen, long SpentFen, long BalanceFen);

    public static async Task<Response> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var funds = db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).Under(q.Area);
        var totals = await funds.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Income = g.Sum(f => f.IncomeFen), Spent = g.Sum(f => f.SpentFen), Balance = g.Sum(f => f.BalanceFen) })
            .FirstOrDefaultAsync(ct);
        var page = await (from f in funds
                          join a in db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]) on f.AreaCode equals a.Code
                          orderby f.AreaCode, f.Name, f.Id
                          select new Row(f.Id, f.Name, a.Name, f.HostName, f.EstablishedOn, f.Status, f.IncomeFen, f.SpentFen, f.BalanceFen)).ToPageAsync(q.Page, q.Size, ct);
        return new Response(page, totals?.Count ?? 0, totals?.Income ?? 0, totals?.Spent ?? 0, totals?.Balance ?? 0);
    }
}

/// <summary>
/// 一个基金的公示 (no sign-in): its income, spending and balance (fen), the donations with the donor as the public may read it
/// (<see cref="Donation.PublicDonor"/>: anonymous ones as 爱心人士 / 爱心企业; never a beneficiary), paged newest first on a unique order.
/// An unknown id is 404.
/// </summary>
public static class PublicFund
{
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Gift(DateOnly DonatedOn, string Donor, string DonorKind, string Channel, long AmountFen, string Items);

    public sealed record Response(Guid Id, string Name, string AreaName, string HostName, string Purpose, DateOnly EstablishedOn, FundStatus Status,
        long IncomeFen, long SpentFen, long BalanceFen, PageOf<Gift> Donations);

    public static async Task<Result<Response>> Handle(AppDb db, Guid id, Query q, CancellationToken ct = default)
    {
        var f = await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return Failure.NotFound();
        var areaName = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == f.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        var rows = await db.Set<Donation>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => d.FundId == id && d.ReversedAt == null)
            .OrderByDescending(d => d.DonatedOn).ThenByDescending(d => d.ReceiptNo)
            .Select(d => new { d.DonatedOn, d.DonorKind, d.DonorName, d.Anonymous, d.Channel, d.AmountFen, d.Items }).ToPageAsync(q.Page, q.Size, ct);
        var gifts = new PageOf<Gift>(rows.Items.Select(d => new Gift(d.DonatedOn, Donation.PublicDonor(d.DonorKind, d.DonorName, d.Anonymous), Donation.DonorKindLabel(d.DonorKind),
            Donation.ChannelLabel(d.Channel), d.AmountFen, d.Items)).ToList(), rows.Total, rows.Page, rows.Size);
        return new Response(f.Id, f.Name, areaName, f.HostName, f.Purpose, f.EstablishedOn, f.Status, f.IncomeFen, f.SpentFen, f.BalanceFen, gifts);
    }
}
