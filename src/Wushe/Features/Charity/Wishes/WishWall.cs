using Wushe.Features.Areas;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 心愿墙 (public, no sign-in): the open wishes of ?area= (or everywhere) — alias, age, wish, story, value (fen), community — those back
/// from a lapsed claim first (priority), then the longest waiting, on a unique order; and the latest fulfilled with their thank-you
/// notes. No name, household, ID or phone of anyone. Failures: 404 for an area that names no place (<see cref="PublicNotFound.AreaAsync"/>).
/// </summary>
public static class WishWall
{
    public sealed record Query(string? Area = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Card(Guid Id, string Alias, int Age, string Item, string Story, long ValueFen, string AreaName, bool Priority, DateTimeOffset? PublishedAt);

    public sealed record Fulfilled(string Alias, int Age, string Item, string AreaName, DateTimeOffset? FulfilledAt, string ThankYou);

    public sealed record Response(PageOf<Card> Open, IReadOnlyList<Fulfilled> Recent, int FulfilledCount);

    public static async Task<Result<Response>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        if (await PublicNotFound.AreaAsync(db, q.Area, ct) is { } unknown) return unknown;
        var wishes = db.Set<Wish>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsQueryable();
        if (Platform.Areas.AreaCode.Normalize(q.Area) is { } area)
        {
            var (low, high) = Platform.Areas.AreaCode.Range(area);
            wishes = wishes.Where(w => string.Compare(w.AreaCode, low) >= 0 && string.Compare(w.AreaCode, high) <= 0);
        }
        var areas = db.Areas.IgnoreQueryFilters();
        var open = await wishes.Where(w => w.Status == WishStatus.Published).OrderByDescending(w => w.Priority).ThenBy(w => w.PublishedAt).ThenBy(w => w.Id)
            .Select(w => new Card(w.Id, w.Alias, w.Age, w.Item, w.Story, w.ValueFen, areas.Where(a => a.Code == w.AreaCode).Select(a => a.Name).FirstOrDefault() ?? "",
                w.Priority > 0, w.PublishedAt))
            .ToPageAsync(q.Page, q.Size, ct);
        var fulfilled = wishes.Where(w => w.Status == WishStatus.Fulfilled);
        var recent = await fulfilled.OrderByDescending(w => w.FulfilledAt).ThenByDescending(w => w.Id).Take(6)
            .Select(w => new Fulfilled(w.Alias, w.Age, w.Item, areas.Where(a => a.Code == w.AreaCode).Select(a => a.Name).FirstOrDefault() ?? "", w.FulfilledAt, w.ThankYou))
            .ToListAsync(ct);
        return new Response(open, recent, await fulfilled.CountAsync(ct));
    }
}
