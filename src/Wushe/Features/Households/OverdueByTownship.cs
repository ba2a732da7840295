using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 探访逾期统计: per township in the user's scope (or under <c>area</c>), the active households, how many are overdue and how
/// many fall due within the week (today and the six days after, not yet overdue). Reads the <see cref="Household.NextDueOn"/>
/// roll-up only: one grouped scan of the index (AreaCode, NextDueOn) by community, folded into townships here, so a city of
/// 300,000 households is counted without touching the table (closed households have no due date). Every current township of
/// the scope under <c>area</c> is listed, those without households with zeros (a county sees which townships have registered
/// none), up to <see cref="MaxListed"/>: a province's or the country's thousands list only the townships with households.
/// </summary>
public static class OverdueByTownship
{
    public sealed record Query(string? Area = null) : IAreaFilteredQuery;

    public sealed record Row(string TownshipCode, string TownshipName, int Active, int Overdue, int DueThisWeek);

    public sealed record Response(DateOnly Today, List<Row> Townships, int Active, int Overdue, int DueThisWeek);

    public sealed record CommunityCount(string Code, int Active, int Overdue, int Week);

    /// <summary>The most townships listed with zeros (a city has a few hundred; a province thousands).</summary>
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

    public static async Task<Response> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var byCommunity = await ByCommunity(db, q.Area, today).ToListAsync(ct);
        var townships = byCommunity.GroupBy(c => c.Code[..9] + "000")
            .Select(g => (Code: g.Key, Active: g.Sum(x => x.Active), Overdue: g.Sum(x => x.Overdue), Week: g.Sum(x => x.Week))).ToList();
        var listed = townships.Select(t => t.Code).ToHashSet();
        foreach (var code in await TownshipsAsync(db, q.Area, ct))
            if (listed.Add(code)) townships.Add((code, 0, 0, 0));
        var names = await AreaNames.LookupAsync(db, townships.Select(t => t.Code), ct);
        var rows = townships.Select(t => new Row(t.Code, names.GetValueOrDefault(t.Code, t.Code), t.Active, t.Overdue, t.Week))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Active).ThenBy(r => r.TownshipCode, StringComparer.Ordinal).ToList();
        return new Response(today, rows, rows.Sum(r => r.Active), rows.Sum(r => r.Overdue), rows.Sum(r => r.DueThisWeek));
    }

    /// <summary>
    /// The current townships (level 4, 类似乡级单位 included) in the scope under <paramref name="area"/> (a community: its own
    /// township), from the Areas table; none when there are more than <see cref="MaxListed"/>.
    /// </summary>
    static async Task<List<string>> TownshipsAsync(AppDb db, string? area, CancellationToken ct)
    {
        var code = Platform.Areas.AreaCode.Normalize(area);
        if (code is not null && Platform.Areas.AreaCode.LevelOf(code) == Platform.Areas.AreaLevel.Village) code = code[..9] + "000";
        var areas = db.Areas.Where(a => a.Level == Platform.Areas.AreaLevel.Township && a.ValidTo == null);
        if (code is not null) areas = areas.WithinArea(a => a.Code, code);
        var codes = await areas.OrderBy(a => a.Code).Select(a => a.Code).Take(MaxListed + 1).ToListAsync(ct);
        return codes.Count > MaxListed ? [] : codes;
    }
}
