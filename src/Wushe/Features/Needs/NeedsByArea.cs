using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// 需求分布: the needs of the list's query (its status too) counted per area one level below the chosen one (a city's
/// counties, a county's townships, a township's communities — <see cref="OverdueByTownship.RowLevel"/>'s rule, down to
/// communities): all, waiting for acceptance, open (accepted, matched, in progress), overdue now, resolved (resolved, followed
/// up, closed), rejected. One grouped query by community and status, folded here; areas without needs are not listed. Each row
/// links to the list under its area.
/// </summary>
public static class NeedsByArea
{
    public sealed record Row(string AreaCode, string AreaName, int All, int Submitted, int Open, int Overdue, int Resolved, int Rejected);

    sealed record Cell(string Code, NeedStatus Status, int Count, int Overdue);

    public static async Task<List<Row>> Handle(AppDb db, Platform.Sensitive.Sealer sealer, TimeProvider clock, ListNeeds.Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var root = AreaCode.Normalize(q.Area) ?? db.Actor.Active?.AreaCode;
        var level = root is not null && AreaCode.LevelOf(root) == AreaLevel.Township ? AreaLevel.Village : OverdueByTownship.RowLevel(root);
        var cut = AreaCode.PrefixLength(level);
        var needs = ListNeeds.Filtered(db, sealer, q, now);
        if (q.Status is { } status) needs = needs.Where(n => n.Status == status);
        // The list's own predicate (ListNeeds.OverdueAt, beside NeedRules.IsOverdue), so that a row's overdue count and the
        // overdue list under its area cannot differ.
        var overdue = ListNeeds.OverdueAt(now);
        var cells = await needs.GroupBy(n => new { n.AreaCode, n.Status })
            .Select(g => new Cell(g.Key.AreaCode, g.Key.Status, g.Count(), g.AsQueryable().Count(overdue)))
            .ToListAsync(ct);
        var rows = cells.GroupBy(c => c.Code[..cut].PadRight(AreaCode.Length, '0')).ToList();
        var names = await AreaNames.LookupAsync(db, rows.Select(r => r.Key), ct);
        return rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Row(r.Key, names.GetValueOrDefault(r.Key, r.Key), r.Sum(c => c.Count),
            r.Where(c => c.Status == NeedStatus.Submitted).Sum(c => c.Count), r.Where(c => NeedRules.Open.Contains(c.Status)).Sum(c => c.Count),
            r.Sum(c => c.Overdue), r.Where(c => c.Status is NeedStatus.Resolved or NeedStatus.FollowedUp or NeedStatus.Closed).Sum(c => c.Count),
            r.Where(c => c.Status == NeedStatus.Rejected).Sum(c => c.Count))).ToList();
    }
}
