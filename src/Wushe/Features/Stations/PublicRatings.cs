using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>
/// The public list of rated stations from published rounds: station, place, level — no people.
/// Public by design, so it reads across scopes, and projects only public fields.
/// </summary>
public static class PublicRatings
{
    public sealed record Row(string RoundName, int Year, string StationName, string AreaName, string LevelName, int Stars, int? Score);

    /// <summary>The area filter (12-digit code, or a prefix of one); a value that is no code is refused by name (ListQueries), never ignored.</summary>
    public sealed record Query([Label("区划", "Area")] string? Area = null) : IAreaFilteredQuery;

    public static async Task<List<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var ratings = db.Set<StationRating>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.LevelName != null).Under(q.Area);
        // Sorted and cut in the database, ending with unique ids: the same 500 rows in the same order every time.
        return await (from r in ratings
                      join round in db.Set<RatingRound>().IgnoreQueryFilters([AppDb.ScopeFilter]) on r.RoundId equals round.Id
                      join s in db.Stations.IgnoreQueryFilters([AppDb.ScopeFilter]) on r.StationId equals s.Id
                      join a in db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]) on s.AreaCode equals a.Code
                      where round.Status == RatingRoundStatus.Published
                      orderby round.Year descending, r.ReviewTotal descending, s.AreaCode, round.Id, r.Id
                      select new Row(round.Name, round.Year, s.Name, a.Name, r.LevelName!, r.Stars, r.ReviewTotal)).Take(500).ToListAsync(ct);
    }
}
