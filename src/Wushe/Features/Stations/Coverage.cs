using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>
/// Coverage at a glance: for an area, the share of cities, counties and townships below it that
/// have an active station of their level, and the township figure for each child area.
/// Bijie: 279 of 279 townships = 100%. A 类似乡级单位 (development zone, park, farm: township
/// digits 400–599) counts only where it has a station or is configured to need one
/// (<see cref="Area.NeedsStation"/>; DOMAIN.md, "Places"): Huaibei counts its 32 townships, not its 5 zones.
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

    /// <param name="UncountedUnits">类似乡级单位 below the area without a station and not required to have one: left out of the figures.</param>
    public sealed record Response(string AreaCode, string AreaName, IReadOnlyList<LevelRow> Levels, IReadOnlyList<ChildRow> Children, int UncountedUnits = 0);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, string? area, CancellationToken ct = default)
    {
        var code = area is null ? user.Active?.AreaCode : AreaCode.Normalize(area);
        // A code that is not one is named, as the lists name theirs; a code outside the scope does not exist (404).
        if (code is null && area is not null) return Failure.Invalid("area", AreaCode.Check(area)!);
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
        var all = db.Areas.Where(a => a.ValidTo == null).WithinArea(a => a.Code, low, high);
        var active = db.Stations.Where(s => s.Status == StationStatus.Active);
        // A 类似乡级单位 counts where it must have a station or has one.
        var areas = all.Where(a => a.Kind != AreaKind.TownshipLike || a.NeedsStation
            || active.Any(s => s.AreaCode == a.Code && s.Level == StationLevel.TownshipStation));

        // Each city, county and township with whether it has an active station of its own level: one grouped query.
        var perLevel = await areas.Where(a => a.Level == AreaLevel.City || a.Level == AreaLevel.County || a.Level == AreaLevel.Township)
            .Select(a => new
            {
                a.Level,
                Covered = active.Any(s => s.AreaCode == a.Code && s.Level == (a.Level == AreaLevel.City ? StationLevel.CityCentre
                    : a.Level == AreaLevel.County ? StationLevel.CountyStation : StationLevel.TownshipStation)),
            })
            .GroupBy(a => a.Level)
            .Select(g => new { Level = g.Key, Total = g.Count(), Covered = g.Count(a => a.Covered) })
            .ToListAsync(ct);
        var levels = perLevel.OrderBy(l => l.Level)
            .Select(l => new { Station = l.Level switch { AreaLevel.City => StationLevel.CityCentre, AreaLevel.County => StationLevel.CountyStation, _ => StationLevel.TownshipStation }, l.Total, l.Covered })
            .Select(l => new LevelRow(l.Station, Station.LevelLabel(l.Station), l.Total, l.Covered)).ToList();

        // Townships per child area (grouped by the child's prefix), with and without a station: one grouped query.
        var childLength = code == Scope.Country ? 2 : AreaCode.LevelOf(code) switch
        {
            AreaLevel.Province => 4,
            AreaLevel.City => 6,
            _ => 9,
        };
        var perChild = await areas.Where(a => a.Level == AreaLevel.Township)
            .Select(a => new { Prefix = a.Code.Substring(0, childLength), Covered = active.Any(s => s.AreaCode == a.Code && s.Level == StationLevel.TownshipStation) })
            .GroupBy(a => a.Prefix)
            .Select(g => new { g.Key, Total = g.Count(), Covered = g.Count(a => a.Covered) })
            .ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, perChild.Select(c => c.Key.PadRight(AreaCode.Length, '0')), ct);
        var children = perChild.OrderBy(c => c.Key)
            .Select(c => new ChildRow(c.Key.PadRight(AreaCode.Length, '0'), names.GetValueOrDefault(c.Key.PadRight(AreaCode.Length, '0'), c.Key), c.Total, c.Covered))
            .Where(c => c.Code != code)
            .ToList();
        var uncounted = await all.CountAsync(a => a.Kind == AreaKind.TownshipLike && !a.NeedsStation
            && !active.Any(s => s.AreaCode == a.Code && s.Level == StationLevel.TownshipStation), ct);
        return new Response(code, name, levels, children, uncounted);
    }
}
