using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 社工站人员配备: per open station of the scope (area tree), its social workers in post from the register by qualification level and
/// the share holding a qualification; the totals of the area; <c>unqualified=true</c> lists only the stations without any qualified
/// worker (the figure a bureau follows up). Sorted by area code; paged.
/// </summary>
public static class StationStaffing
{
    public sealed record Query(string? Area = null, [Label("仅看无持证社工的站点", "Only stations without a qualified worker")] bool? Unqualified = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Counts(int Workers, int Assistant, int Intermediate, int Senior)
    {
        public int Qualified => Assistant + Intermediate + Senior;
        /// <summary>持证率: qualified ÷ workers, a fraction 0–1 (null with no workers).</summary>
        public double? Share => Workers == 0 ? null : (double)Qualified / Workers;
    }

    public sealed record Row(Guid StationId, string StationName, string AreaCode, string AreaName, Counts Counts);

    public sealed record Result(Counts Total, int Stations, int WithoutQualified, PageOf<Row> Rows);

    public static async Task<Result> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var stations = db.Stations.Under(q.Area).Where(s => s.Status == StationStatus.Active);
        var workers = db.Set<SocialWorker>().Under(q.Area).Where(w => w.Status == SocialWorkerStatus.Active && w.EmployerKind == EmployerKind.Station && w.StationId != null);
        var byStation = (await workers.GroupBy(w => new { w.StationId, w.Level }).Select(g => new { g.Key.StationId, g.Key.Level, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(x => x.StationId!.Value)
            .ToDictionary(g => g.Key, g => Count(g.Select(x => (x.Level, x.Count))));
        var all = await stations.OrderBy(s => s.AreaCode).ThenBy(s => s.Name).ThenBy(s => s.Id).Select(s => new { s.Id, s.Name, s.AreaCode }).ToListAsync(ct);
        var none = new Counts(0, 0, 0, 0);
        var rows = all.Select(s => (s, c: byStation.GetValueOrDefault(s.Id, none))).ToList();
        var total = rows.Aggregate(none, (t, r) => new Counts(t.Workers + r.c.Workers, t.Assistant + r.c.Assistant, t.Intermediate + r.c.Intermediate, t.Senior + r.c.Senior));
        var without = rows.Count(r => r.c.Qualified == 0);
        if (q.Unqualified == true) rows = rows.Where(r => r.c.Qualified == 0).ToList();
        var (page, size) = Paging.Normalize(q.Page, q.Size);
        var slice = rows.Skip((page - 1) * size).Take(size).ToList();
        var names = await AreaNames.LookupAsync(db, slice.Select(r => r.s.AreaCode).Distinct(), ct);
        return new Result(total, all.Count, without, new PageOf<Row>(slice.Select(r => new Row(r.s.Id, r.s.Name, r.s.AreaCode,
            names.GetValueOrDefault(r.s.AreaCode, ""), r.c)).ToList(), rows.Count, page, size));
    }

    /// <summary>A station's staff account that is a person of the register: who, their level and registration state.</summary>
    public sealed record Linked(Guid SocialWorkerId, SocialWorkLevel? Level, RegistrationState State);

    /// <summary>One station's people on the register: in post by level, those linked to an account (by account), and those without one.</summary>
    public sealed record OfStation(Counts Counts, IReadOnlyDictionary<Guid, Linked> ByAccount, int WithoutAccount);

    /// <summary>
    /// The register's side of a station's staff (the station page's 站点人员): its social workers in post, by level, and which staff
    /// accounts they sign in with — one list, seen from both pages. Another area's station gives nothing (the area filter).
    /// </summary>
    public static async Task<OfStation> ForStationAsync(AppDb db, TimeProvider clock, Guid stationId, CancellationToken ct = default)
    {
        var today = Platform.ChinaTime.Today(clock);
        var people = await db.Set<SocialWorker>().AsNoTracking().Where(w => w.StationId == stationId && w.Status == SocialWorkerStatus.Active)
            .Select(w => new { w.Id, w.UserId, w.Level, w.QualifiedOn, w.RegisteredUntil }).ToListAsync(ct);
        var counts = Count(people.GroupBy(p => p.Level).Select(g => (g.Key, g.Count())));
        var linked = people.Where(p => p.UserId != null)
            .ToDictionary(p => p.UserId!.Value, p => new Linked(p.Id, p.Level, WorkforceRules.StateOf(p.Level, p.QualifiedOn, p.RegisteredUntil, today)));
        return new OfStation(counts, linked, people.Count(p => p.UserId == null));
    }

    static Counts Count(IEnumerable<(SocialWorkLevel? Level, int Count)> groups)
    {
        var list = groups.ToList();
        int Of(SocialWorkLevel l) => list.Where(x => x.Level == l).Sum(x => x.Count);
        return new Counts(list.Sum(x => x.Count), Of(SocialWorkLevel.Assistant), Of(SocialWorkLevel.Intermediate), Of(SocialWorkLevel.Senior));
    }
}
