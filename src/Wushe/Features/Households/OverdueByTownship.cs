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
/// 300,000 households is counted without touching the table (closed households have no due date).
/// </summary>
public static class OverdueByTownship
{
    public sealed record Query(string? Area = null) : IAreaFilteredQuery;

    public sealed record Row(string TownshipCode, string TownshipName, int Active, int Overdue, int DueThisWeek);

    public sealed record Response(DateOnly Today, List<Row> Townships, int Active, int Overdue, int DueThisWeek);

    public sealed record CommunityCount(string Code, int Active, int Overdue, int Week);

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
        var names = await AreaNames.LookupAsync(db, townships.Select(t => t.Code), ct);
        var rows = townships.Select(t => new Row(t.Code, names.GetValueOrDefault(t.Code, t.Code), t.Active, t.Overdue, t.Week))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.TownshipCode, StringComparer.Ordinal).ToList();
        return new Response(today, rows, rows.Sum(r => r.Active), rows.Sum(r => r.Overdue), rows.Sum(r => r.DueThisWeek));
    }
}
