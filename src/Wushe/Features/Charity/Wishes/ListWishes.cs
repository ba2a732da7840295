using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>微心愿 of the scope (staff): by area, status, keyword (alias or wish); newest first on a unique order (collected at, id); the claimer holding each.</summary>
public static class ListWishes
{
    public sealed record Query(string? Area = null, [Label("状态", "Status")] WishStatus? Status = null, string? Keyword = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string Alias, int Age, string Item, long ValueFen, WishStatus Status, int Priority, string AreaCode, string CollectedByName,
        DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt, string? ClaimerName);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var wishes = db.Set<Wish>().Under(q.Area);
        if (q.Status is { } s) wishes = wishes.Where(w => w.Status == s);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            wishes = wishes.Where(w => w.Alias.Contains(k) || w.Item.Contains(k));
        }
        var claims = db.Set<WishClaim>();
        return await wishes.OrderByDescending(w => w.CollectedAt).ThenByDescending(w => w.Id)
            .Select(w => new Row(w.Id, w.Alias, w.Age, w.Item, w.ValueFen, w.Status, w.Priority, w.AreaCode, w.CollectedByName, w.CollectedAt, w.PublishedAt,
                claims.Where(c => c.Id == w.ClaimId).Select(c => c.ClaimerName).FirstOrDefault()))
            .ToPageAsync(q.Page, q.Size, ct);
    }
}
