using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Home;

/// <summary>The figures of the home page for the user's scope: stations, coverage, standard, ratings, supervision.</summary>
public static class HomeFigures
{
    public sealed record Response(int Stations, int TownshipStations, int CivilizationPractice, Coverage.Response? Coverage,
        int StandardMet, int StandardChecked, int FiveStars, int FourStars, int OtherRated, int SupervisionsThisYear, IReadOnlyList<ListSupervisions.Row> RecentSupervisions);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        var active = db.Stations.Where(s => s.Status == StationStatus.Active);
        var stations = await active.CountAsync(ct);
        var township = await active.CountAsync(s => s.Level == StationLevel.TownshipStation, ct);
        var civ = await active.CountAsync(s => s.IsCivilizationPracticeStation, ct);
        var coverage = user.Active is null ? null : (await Coverage.Handle(db, user, null, ct)).Value;

        // Latest check per station and item; a station meets the standard when all ten latest checks are met.
        var checks = await db.Set<StandardCheck>().Select(c => new { c.StationId, c.Item, c.Met, c.CheckedOn, c.RecordedAt }).ToListAsync(ct);
        var latest = checks.GroupBy(c => (c.StationId, c.Item)).Select(g => g.OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.RecordedAt).First());
        var perStation = latest.GroupBy(c => c.StationId).Select(g => (Count: g.Count(), Met: g.Count(c => c.Met))).ToList();
        var met = perStation.Count(s => s.Met == StandardCheck.Items.Length);

        var published = await RatingRounds.Visible(db, user.Active?.AreaCode).Where(r => r.Status == RatingRoundStatus.Published)
            .ToDictionaryAsync(r => r.Id, r => r.Year, ct);
        var publishedIds = published.Keys.ToList();
        var rated = await db.Set<StationRating>().Where(r => publishedIds.Contains(r.RoundId) && r.LevelName != null)
            .Select(r => new { r.StationId, r.Stars, r.RoundId }).ToListAsync(ct);
        var newest = rated.GroupBy(r => r.StationId).Select(g => g.OrderByDescending(r => published[r.RoundId]).First()).ToList();

        var yearStart = new DateOnly(ChinaTime.Today(clock).Year, 1, 1);
        var supervisions = await db.Set<Supervision>().CountAsync(s => s.VisitedOn >= yearStart, ct);
        var recent = (await ListSupervisions.Handle(db, new ListSupervisions.Query(Size: 10), ct)).Items.Take(5).ToList();
        return new Response(stations, township, civ, coverage, met, perStation.Count, newest.Count(r => r.Stars == 5), newest.Count(r => r.Stars == 4),
            newest.Count(r => r.Stars < 4), supervisions, recent);
    }
}
