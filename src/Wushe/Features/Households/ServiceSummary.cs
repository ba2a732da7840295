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
/// 服务统计: for an area (default: the user's own) and a period of calendar months within one year (default: this year from
/// January to this month, China time), the services given by kind (all ten kinds of DOMAIN.md, zeros too), the attendances,
/// and the unique people served — per kind and overall, and per child area (the townships of a county, the communities of a
/// township; an area's own records, such as a township's own group, make a row "itself"). DOMAIN.md: reports count unique
/// people, not attendances, so a person served three times, or by two kinds, is one person overall (and per kind, once in
/// each kind). A child area's people are that area's own: the children's figures may add up to more than the overall one
/// when a person was served in two places. Civil-affairs figures are monthly, quarterly and yearly (月报、季报、年报): the
/// period is whole months, which is what lets the figures come from the roll-ups (<see cref="ServiceTally"/>,
/// <see cref="ServedPeopleTally"/>: a few hundred rows for a city) instead of the records.
/// Failures: 400 on a malformed area, year or month, or months out of order; 404 for an area outside the scope.
/// </summary>
public static class ServiceSummary
{
    /// <param name="Year">A calendar year from 2000 to this year (<see cref="ReportPeriod"/>).</param>
    /// <param name="FromMonth">1–12; default January.</param>
    /// <param name="ToMonth">1–12, not before <paramref name="FromMonth"/>; default this month in this year, December in a past one.</param>
    public sealed record Query(string? Area = null, [Label("统计年度", "Year")] int? Year = null, [Label("开始月份", "From month")] int? FromMonth = null,
        [Label("结束月份", "To month")] int? ToMonth = null) : IAreaFilteredQuery;

    public sealed record KindRow(ServiceKind Kind, string Label, int Services, int Attendances, int People);

    public sealed record ChildRow(string AreaCode, string AreaName, bool HasChildren, int Services, int Attendances, int People);

    /// <param name="From">The period's first day.</param>
    /// <param name="To">The period's last day (the last day of <paramref name="ToMonth"/>).</param>
    public sealed record Summary(string AreaCode, string AreaName, int Year, int FromMonth, int ToMonth, DateOnly From, DateOnly To,
        int Services, int Attendances, int People, List<KindRow> Kinds, List<ChildRow> Children);

    public static async Task<Result<Summary>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var resolved = await ReportArea.ResolveAsync(db, user, clock, q.Area, q.Year, q.FromMonth, q.ToMonth, ct);
        if (resolved.Value is not { } place) return resolved.Failure!;
        var (code, areaName, childCodes, names, period) = (place.Code, place.Name, place.Children, place.Names, place.Period);
        var (year, fromMonth, toMonth) = (period.Year, period.FromMonth, period.ToMonth);

        // The children: the next level's areas, and the area's own node when records are kept at the area itself.
        var nodes = childCodes.Append(code).ToList();
        var mask = ServedPeopleTally.MonthsMask(fromMonth, toMonth);

        var services = await db.Set<ServiceTally>().AsNoTracking()
            .Where(t => nodes.Contains(t.AreaCode) && t.Year == year && t.Month >= fromMonth && t.Month <= toMonth)
            .GroupBy(t => new { t.AreaCode, t.Own, t.Kind })
            .Select(g => new { g.Key.AreaCode, g.Key.Own, g.Key.Kind, Services = g.Sum(t => t.Services), Attendances = g.Sum(t => t.Attendances) })
            .ToListAsync(ct);
        var people = await db.Set<ServedPeopleTally>().AsNoTracking()
            .Where(t => nodes.Contains(t.AreaCode) && t.Year == year && (t.Months & mask) != 0)
            .GroupBy(t => new { t.AreaCode, t.Own, t.Kind })
            .Select(g => new { g.Key.AreaCode, g.Key.Own, g.Key.Kind, People = g.Sum(t => t.People) })
            .ToListAsync(ct);

        var whole = services.Where(s => s.AreaCode == code && !s.Own).ToList();
        var kinds = Enum.GetValues<ServiceKind>().Select(k => new KindRow(k, ServiceRecord.KindLabel(k),
            whole.Where(s => s.Kind == k).Sum(s => s.Services),
            whole.Where(s => s.Kind == k).Sum(s => s.Attendances),
            people.Where(p => p.AreaCode == code && !p.Own && p.Kind == (int)k).Sum(p => p.People))).ToList();
        var overall = people.Where(p => p.AreaCode == code && !p.Own && p.Kind == ServedPeopleTally.AnyKind).Sum(p => p.People);

        var children = childCodes
            .Select(c => (Code: c, Own: false, Name: names.GetValueOrDefault(c, c), HasChildren: AreaCode.LevelOf(c) != AreaLevel.Village))
            .ToList();
        // Records kept at the area itself (a township's own group) make a row of their own, named as the area's own level.
        if (childCodes.Count > 0 && (services.Any(s => s.AreaCode == code && s.Own) || people.Any(p => p.AreaCode == code && p.Own)))
            children.Insert(0, (code, true, Lang.T($"{names.GetValueOrDefault(code, code)}（本级）", $"{names.GetValueOrDefault(code, code)} (itself)"), false));
        // Grouped once (a province's hundreds of children would otherwise filter every row per child).
        var servicesOf = services.GroupBy(s => (s.AreaCode, s.Own)).ToDictionary(g => g.Key, g => (Services: g.Sum(s => s.Services), Attendances: g.Sum(s => s.Attendances)));
        var peopleOf = people.Where(p => p.Kind == ServedPeopleTally.AnyKind).GroupBy(p => (p.AreaCode, p.Own)).ToDictionary(g => g.Key, g => g.Sum(p => p.People));
        var rows = children.Select(c =>
        {
            var served = servicesOf.GetValueOrDefault((c.Code, c.Own));
            return new ChildRow(c.Code, c.Name, c.HasChildren, served.Services, served.Attendances, peopleOf.GetValueOrDefault((c.Code, c.Own)));
        }).ToList();

        return new Summary(code, areaName, year, fromMonth, toMonth, period.From, period.To, kinds.Sum(k => k.Services), kinds.Sum(k => k.Attendances), overall, kinds, rows);
    }
}
