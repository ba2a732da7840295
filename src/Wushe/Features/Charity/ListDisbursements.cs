using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// Disbursement requests of the scope — of one fund (?fund=), of an area (?area=, its subtree) or all — newest first on a unique order (raised at, id); ?status=,
/// ?keyword= (title, number or payee); with the fund's name and the vote counts (money in fen). Failures: 404 (?fund= out of scope).
/// </summary>
public static class ListDisbursements
{
    public sealed record Query([Label("基金", "Fund")] Guid? Fund = null, [Label("状态", "Status")] DisbursementStatus? Status = null, string? Keyword = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null, string? Area = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, Guid FundId, string FundName, string RequestNo, DisbursementPurpose Purpose, string Title, long AmountFen, long PaidFen, string Payee,
        DisbursementStatus Status, string RaisedByName, DateTimeOffset RaisedAt, int Approvals, int Rejections);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var requests = db.Set<DisbursementRequest>().Under(q.Area);
        if (q.Fund is { } fundId)
        {
            if (!await db.Set<CommunityFund>().AnyAsync(f => f.Id == fundId, ct)) return Failure.NotFound();
            requests = requests.Where(r => r.FundId == fundId);
        }
        if (q.Status is { } s) requests = requests.Where(r => r.Status == s);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            requests = requests.Where(r => r.Title.Contains(k) || r.Payee.Contains(k) || r.RequestNo == k);
        }
        var votes = db.Set<DisbursementVote>();
        return await (from r in requests
                      join f in db.Set<CommunityFund>() on r.FundId equals f.Id
                      orderby r.RaisedAt descending, r.Id descending
                      select new Row(r.Id, r.FundId, f.Name, r.RequestNo, r.Purpose, r.Title, r.AmountFen, r.PaidFen, r.Payee, r.Status, r.RaisedByName, r.RaisedAt,
                          votes.Count(v => v.RequestId == r.Id && v.Approve), votes.Count(v => v.RequestId == r.Id && !v.Approve)))
            .ToPageAsync(q.Page, q.Size, ct);
    }
}
