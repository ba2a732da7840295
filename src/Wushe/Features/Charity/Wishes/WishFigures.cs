using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 微心愿统计 of the scope (?area=): wishes collected (not counting those not published), open on the wall, claimed and on their way,
/// fulfilled, and the average days from publication to fulfilment (one decimal; null before the first). One grouped read, and the
/// fulfilled wishes' two dates.
/// </summary>
public static class WishFigures
{
    public sealed record Query(string? Area = null) : Platform.Outcomes.IAreaFilteredQuery;

    public sealed record Response(int Collected, int Open, int InProgress, int Fulfilled, decimal? AverageDaysToFulfil);

    public static async Task<Response> Handle(AppDb db, string? area = null, CancellationToken ct = default)
    {
        var wishes = db.Set<Wish>().Under(area);
        var counts = await wishes.GroupBy(w => w.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params WishStatus[] s) => counts.Where(c => s.Contains(c.Status)).Sum(c => c.Count);
        var spans = await wishes.Where(w => w.Status == WishStatus.Fulfilled && w.PublishedAt != null && w.FulfilledAt != null)
            .Select(w => new { w.PublishedAt, w.FulfilledAt }).ToListAsync(ct);
        decimal? average = spans.Count == 0 ? null : Math.Round((decimal)spans.Average(s => (s.FulfilledAt!.Value - s.PublishedAt!.Value).TotalDays), 1);
        return new Response(counts.Where(c => c.Status != WishStatus.Rejected).Sum(c => c.Count), Count(WishStatus.Published),
            Count(WishStatus.Claimed, WishStatus.Delivered, WishStatus.Funded), Count(WishStatus.Fulfilled), average);
    }
}
