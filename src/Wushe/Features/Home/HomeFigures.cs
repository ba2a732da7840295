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

        // The stations' roll-ups, not the check history (see Station.StandardMet).
        var townships = active.Where(s => s.Level == StationLevel.TownshipStation);
        var met = await townships.CountAsync(s => s.StandardMet == StandardCheck.Items.Length, ct);
        var standardChecked = await townships.CountAsync(s => s.StandardChecked > 0, ct);

        var published = await RatingRounds.Visible(db, user.Active?.AreaCode).Where(r => r.Status == RatingRoundStatus.Published)
            .ToDictionaryAsync(r => r.Id, r => r.Year, ct);
        var publishedIds = published.Keys.ToList();
        var rated = await db.Set<StationRating>().Where(r => publishedIds.Contains(r.RoundId) && r.LevelName != null)
            .Select(r => new { r.StationId, r.Stars, r.RoundId }).ToListAsync(ct);
        var newest = rated.GroupBy(r => r.StationId).Select(g => g.OrderByDescending(r => published[r.RoundId]).First()).ToList();

        var yearStart = new DateOnly(ChinaTime.Today(clock).Year, 1, 1);
        var supervisions = await db.Set<Supervision>().CountAsync(s => s.VisitedOn >= yearStart, ct);
        var recent = await ListSupervisions.Newest(db, 5, ct);
        return new Response(stations, township, civ, coverage, met, standardChecked, newest.Count(r => r.Stars == 5), newest.Count(r => r.Stars == 4),
            newest.Count(r => r.Stars < 4), supervisions, recent);
    }
}
