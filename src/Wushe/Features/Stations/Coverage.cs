using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>
/// Coverage at a glance: for an area, the share of cities, counties and townships below it that
/// have an active station of their level, and the township figure for each child area.
/// Bijie: 279 of 279 townships = 100%.
/// </summary>
public static class Coverage
{
    public sealed record LevelRow(StationLevel Level, string LevelName, int Areas, int Covered)
    {
        public double Rate => Areas == 0 ? 0 : Math.Round(100.0 * Covered / Areas, 1);
    }

    public sealed record ChildRow(string Code, string Name, int Townships, int Covered)
    {
        public double Rate => Townships == 0 ? 0 : Math.Round(100.0 * Covered / Townships, 1);
    }

    public sealed record Response(string AreaCode, string AreaName, IReadOnlyList<LevelRow> Levels, IReadOnlyList<ChildRow> Children);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, string? area, CancellationToken ct = default)
    {
        var code = area is null ? user.Active?.AreaCode : AreaCode.Normalize(area);
        if (code is null) return Failure.NotFound();
        string name;
        if (code == Scope.Country)
        {
            if (!user.Scope.All) return Failure.NotFound();
            name = Lang.T("全国", "Whole country");
        }
        else
        {
            var found = await db.Areas.Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (found is null) return Failure.NotFound();
            name = found;
        }

        var (low, high) = code == Scope.Country ? ("000000000000", "999999999999") : AreaCode.Range(code);
        var areas = db.Areas.Where(a => a.ValidTo == null && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0);
        var levels = new List<LevelRow>();
        foreach (var level in new[] { StationLevel.CityCentre, StationLevel.CountyStation, StationLevel.TownshipStation })
        {
            var areaLevel = Station.AreaLevelFor(level);
            var ofLevel = areas.Where(a => a.Level == areaLevel);
            var total = await ofLevel.CountAsync(ct);
            if (total == 0) continue;
            var covered = await ofLevel.CountAsync(a => db.Stations.Any(s => s.AreaCode == a.Code && s.Level == level && s.Status == StationStatus.Active), ct);
            levels.Add(new LevelRow(level, Station.LevelLabel(level), total, covered));
        }

        // Townships per child area, grouped by the child's prefix.
        var childLength = code == Scope.Country ? 2 : AreaCode.LevelOf(code) switch
        {
            AreaLevel.Province => 4,
            AreaLevel.City => 6,
            _ => 9,
        };
        var townships = areas.Where(a => a.Level == AreaLevel.Township);
        var totals = await townships.GroupBy(a => a.Code.Substring(0, childLength)).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var covers = await townships.Where(a => db.Stations.Any(s => s.AreaCode == a.Code && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Active))
            .GroupBy(a => a.Code.Substring(0, childLength)).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var childCodes = totals.Select(t => t.Key.PadRight(AreaCode.Length, '0')).ToList();
        var names = await AreaNames.LookupAsync(db, childCodes, ct);
        var children = totals.OrderBy(t => t.Key)
            .Select(t => new ChildRow(t.Key.PadRight(AreaCode.Length, '0'), names.GetValueOrDefault(t.Key.PadRight(AreaCode.Length, '0'), t.Key), t.N,
                covers.FirstOrDefault(c => c.Key == t.Key)?.N ?? 0))
            .Where(c => c.Code != code)
            .ToList();
        return new Response(code, name, levels, children);
    }
}
