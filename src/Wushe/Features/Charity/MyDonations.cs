using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>我的捐赠: the signed-in donor's donations (those recorded with their account), newest first, with the fund and the receipt number; the total (fen, reversed ones left out).</summary>
public static class MyDonations
{
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid Id, string ReceiptNo, Guid FundId, string FundName, DateOnly DonatedOn, DonationChannel Channel, long AmountFen, string Items, bool Anonymous, DateTimeOffset? ReversedAt);

    public sealed record Response(PageOf<Row> Donations, long TotalFen);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, Query q, CancellationToken ct = default)
    {
        var mine = db.Set<Donation>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => user.Id != null && d.DonorUserId == user.Id);
        var total = await mine.Where(d => d.ReversedAt == null).SumAsync(d => d.AmountFen, ct);
        var page = await (from d in mine
                          join f in db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]) on d.FundId equals f.Id
                          orderby d.DonatedOn descending, d.ReceiptNo descending
                          select new Row(d.Id, d.ReceiptNo, f.Id, f.Name, d.DonatedOn, d.Channel, d.AmountFen, d.Items, d.Anonymous, d.ReversedAt)).ToPageAsync(q.Page, q.Size, ct);
        return new Response(page, total);
    }
}
