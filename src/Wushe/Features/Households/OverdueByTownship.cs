using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 探访逾期统计: per area one level below the chosen one (the <c>area</c> filter, else the user's own area) — a city's
/// counties (区县), a county's townships; never below townships (a township: itself; a community: itself) — the active
/// households, how many are overdue and how many fall due within the week (today and the six days after, not yet overdue).
/// A county row drills down to its townships (the same list under <c>area</c>), a township row to its households. Reads
/// the <see cref="Household.NextDueOn"/> roll-up only: one grouped scan of the index (AreaCode, NextDueOn) by community,
/// folded into the rows' areas here, so a city of 300,000 households is counted without touching the table (closed
/// households have no due date). Every current area of the row level under the chosen one is listed, those without
/// households with zeros (a county sees which townships have registered none), up to <see cref="MaxListed"/>. Sorts:
/// overdue (default: most overdue first), share (overdue share), active, area (by code); paged (20 a page by default).
/// </summary>
public static class OverdueByTownship
{
    public sealed record Query(string? Area = null, string? Sort = null, [Label("页码", "Page")] int? Page = null,
        [Label("每页条数", "Page size")] int? Size = null) : IAreaFilteredQuery, IPagedQuery, ISortedQuery
    {
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["overdue", "share", "active", "area"];

    /// <summary>One area of the row level: its code and name, active households, overdue, due within the week.</summary>
    public sealed record Row(string AreaCode, string AreaName, int Active, int Overdue, int DueThisWeek)
    {
        /// <summary>Overdue households as a share of the active ones, 0–1 (0 when there are none).</summary>
        public double OverdueShare => Active == 0 ? 0 : (double)Overdue / Active;
    }

    /// <param name="Level">The level of the rows: County under a city, Township under a county or below.</param>
    /// <param name="Rows">The rows of the page, sorted; the totals are over every row.</param>
    public sealed record Response(DateOnly Today, AreaLevel Level, PageOf<Row> Rows, int Active, int Overdue, int DueThisWeek);

    public sealed record CommunityCount(string Code, int Active, int Overdue, int Week);

    /// <summary>The most areas listed with zeros (a city has a few hundred townships; a province thousands).</summary>
    public const int MaxListed = 2000;

    /// <summary>
    /// The one query: active households per community under <paramref name="area"/> (and the scope), counted from the index
    /// (AreaCode, NextDueOn) alone — a covering index scan, no table access (a test reads the plan).
    /// </summary>
    public static IQueryable<CommunityCount> ByCommunity(AppDb db, string? area, DateOnly today)
    {
        var weekEnd = today.AddDays(6);
        return db.Set<Household>().Under(area).Where(h => h.NextDueOn != null)
            .GroupBy(h => h.AreaCode)
            .Select(g => new CommunityCount(g.Key, g.Count(), g.Count(h => h.NextDueOn < today), g.Count(h => h.NextDueOn >= today && h.NextDueOn <= weekEnd)));
    }

    /// <summary>
    /// The level of the rows under <paramref name="root"/> (a 12-digit code; null: the whole country): one below, at most
    /// Township — a township is its own row; so is a community or village (community staff see their community, never a
    /// township row holding only their community's figures).
    /// </summary>
    public static AreaLevel RowLevel(string? root) =>
        root is null || root == Scope.Country ? AreaLevel.Province
        : AreaCode.LevelOf(root) switch { AreaLevel.Province => AreaLevel.City, AreaLevel.City => AreaLevel.County, AreaLevel.Village => AreaLevel.Village, _ => AreaLevel.Township };

    /// <summary>The full list, sorted (the page and the export read it); the user's area when <c>area</c> is not given.</summary>
    public static async Task<(DateOnly Today, AreaLevel Level, List<Row> Rows)> AllAsync(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var root = AreaCode.Normalize(q.Area) ?? db.Actor.Active?.AreaCode;
        var level = RowLevel(root);
        var cut = AreaCode.PrefixLength(level);
        var byCommunity = await ByCommunity(db, q.Area, today).ToListAsync(ct);
        var rows = byCommunity.GroupBy(c => c.Code[..cut].PadRight(AreaCode.Length, '0'))
            .Select(g => (Code: g.Key, Active: g.Sum(x => x.Active), Overdue: g.Sum(x => x.Overdue), Week: g.Sum(x => x.Week))).ToList();
        var listed = rows.Select(t => t.Code).ToHashSet();
        foreach (var code in await AreasAsync(db, root, level, ct))
            if (listed.Add(code)) rows.Add((code, 0, 0, 0));
        var names = await AreaNames.LookupAsync(db, rows.Select(t => t.Code), ct);
        var all = rows.Select(t => new Row(t.Code, names.GetValueOrDefault(t.Code, t.Code), t.Active, t.Overdue, t.Week));
        var sorted = (q.Sort switch
        {
            "share" => all.OrderByDescending(r => r.OverdueShare).ThenByDescending(r => r.Overdue),
            "active" => all.OrderByDescending(r => r.Active).ThenByDescending(r => r.Overdue),
            "area" => all.OrderBy(r => 0),
            _ => all.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Active),
        }).ThenBy(r => r.AreaCode, StringComparer.Ordinal).ToList();
        return (today, level, sorted);
    }

    public static async Task<Response> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var (today, level, rows) = await AllAsync(db, clock, q, ct);
        var (page, size) = Paging.Normalize(q.Page, q.Size);
        var items = rows.Skip((page - 1) * size).Take(size).ToList();
        return new Response(today, level, new PageOf<Row>(items, rows.Count, page, size), rows.Sum(r => r.Active), rows.Sum(r => r.Overdue), rows.Sum(r => r.DueThisWeek));
    }

    /// <summary>The heading of the rows' area column: 区县 / 乡镇（街道） ….</summary>
    public static string LevelHeading(AreaLevel level) => level switch
    {
        AreaLevel.Province => Lang.T("省（区、市）", "Province"),
        AreaLevel.City => Lang.T("市（州）", "City"),
        AreaLevel.County => Lang.T("区县", "County"),
        AreaLevel.Village => Lang.T("社区（村）", "Community"),
        _ => Lang.T("乡镇（街道）", "Township"),
    };

    /// <summary>
    /// The current areas of <paramref name="level"/> (类似乡级单位 included among townships) in the scope under
    /// <paramref name="root"/>, from the Areas table; none when there are more than <see cref="MaxListed"/>.
    /// </summary>
    static async Task<List<string>> AreasAsync(AppDb db, string? root, AreaLevel level, CancellationToken ct)
    {
        var areas = db.Areas.Where(a => a.Level == level && a.ValidTo == null);
        if (root is not null && root != Scope.Country)
        {
            areas = areas.WithinArea(a => a.Code, root);
        }
        var codes = await areas.OrderBy(a => a.Code).Select(a => a.Code).Take(MaxListed + 1).ToListAsync(ct);
        return codes.Count > MaxListed ? [] : codes;
    }
}
