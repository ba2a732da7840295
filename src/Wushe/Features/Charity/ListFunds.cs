using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>社区慈善基金 of the scope: by area, keyword (name, number, host), status; paged on a unique order (area, name, id); with the totals of the whole list (fen).</summary>
public static class ListFunds
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("状态", "Status")] FundStatus? Status = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string FundNo, string Name, string AreaCode, string HostName, DateOnly EstablishedOn, FundStatus Status,
        long IncomeFen, long SpentFen, long BalanceFen, long ReservedFen);

    /// <param name="IncomeFen">Donations received by every fund of the list (not only the page), fen; so the others.</param>
    public sealed record Response(PageOf<Row> Funds, int Count, long IncomeFen, long SpentFen, long BalanceFen, long ReservedFen);

    public static async Task<Response> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var funds = db.Set<CommunityFund>().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            funds = funds.Where(f => f.Name.Contains(k) || f.FundNo == k || f.HostName.Contains(k));
        }
        if (q.Status is { } status) funds = funds.Where(f => f.Status == status);
        var totals = await funds.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Income = g.Sum(f => f.IncomeFen), Spent = g.Sum(f => f.SpentFen),
            Balance = g.Sum(f => f.BalanceFen), Reserved = g.Sum(f => f.ReservedFen) }).FirstOrDefaultAsync(ct);
        var page = await funds.OrderBy(f => f.AreaCode).ThenBy(f => f.Name).ThenBy(f => f.Id)
            .Select(f => new Row(f.Id, f.FundNo, f.Name, f.AreaCode, f.HostName, f.EstablishedOn, f.Status, f.IncomeFen, f.SpentFen, f.BalanceFen, f.ReservedFen))
            .ToPageAsync(q.Page, q.Size, ct);
        return new Response(page, totals?.Count ?? 0, totals?.Income ?? 0, totals?.Spent ?? 0, totals?.Balance ?? 0, totals?.Reserved ?? 0);
    }
}
