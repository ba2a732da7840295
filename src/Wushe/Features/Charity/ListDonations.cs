using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>A fund's donations, newest first on a unique order (date, receipt number); with the total of the whole list (fen, reversed ones left out).</summary>
public static class ListDonations
{
    public sealed record Query(string? Keyword = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid Id, string ReceiptNo, DonorKind DonorKind, string DonorName, bool Anonymous, DonationChannel Channel, long AmountFen,
        string Items, DateOnly DonatedOn, string RecordedByName, DateTimeOffset? ReversedAt);

    public sealed record Response(PageOf<Row> Donations, long TotalFen);

    public static async Task<Result<Response>> Handle(AppDb db, Guid fundId, Query q, CancellationToken ct = default)
    {
        if (!await db.Set<CommunityFund>().AnyAsync(f => f.Id == fundId, ct)) return Failure.NotFound();
        var donations = db.Set<Donation>().Where(d => d.FundId == fundId);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            donations = donations.Where(d => d.DonorName.Contains(k) || d.ReceiptNo == k);
        }
        var total = await donations.Where(d => d.ReversedAt == null).SumAsync(d => d.AmountFen, ct);
        var page = await donations.OrderByDescending(d => d.DonatedOn).ThenByDescending(d => d.ReceiptNo)
            .Select(d => new Row(d.Id, d.ReceiptNo, d.DonorKind, d.DonorName, d.Anonymous, d.Channel, d.AmountFen, d.Items, d.DonatedOn, d.RecordedByName, d.ReversedAt))
            .ToPageAsync(q.Page, q.Size, ct);
        return new Response(page, total);
    }
}
