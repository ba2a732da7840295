using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>
/// A station's self-assessment, or the reviewer's scores, in a rating round. Review scores give the level.
/// Every module of the round is scored, each between 0 and its maximum (errors keyed by module); a station outside
/// the caller's scope or a round it cannot see is NotFound; a published round is Conflict.
/// </summary>
public static class ScoreStation
{
    public sealed record Request([Label("社工站", "Station")] Guid? StationId, [Label("得分", "Score")] Dictionary<string, int>? Scores);

    public sealed record Response(Guid StationId, int? SelfTotal, int? ReviewTotal, string? LevelName, int Stars);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid roundId, Request r, bool review, CancellationToken ct = default)
    {
        if (r.StationId is not { } sid)
        {
            // No station: the scores are still checked against the round as the actor sees it, so that one answer names every error.
            var seen = await RatingRounds.Visible(db, db.Actor.Active?.AreaCode).FirstOrDefaultAsync(x => x.Id == roundId, ct);
            var all = seen is null ? [] : StationRating.ValidateScores(seen, r.Scores ?? []);
            all["stationId"] = [Lang.T("请选择社工站", "Please choose a station")];
            return Failure.Invalid(all);
        }
        var station = await db.StationAsync(sid, ct);
        var round = station is null ? null : await RatingRounds.Visible(db, station.AreaCode).FirstOrDefaultAsync(x => x.Id == roundId, ct);
        // The round is visible when the station is: a township worker scores their own station in the city's round.
        if (round is null || station is null || !Wushe.Platform.Areas.AreaCode.Covers(round.AreaCode, station.AreaCode)) return Failure.NotFound();
        if (round.Status == RatingRoundStatus.Published) return Failure.Conflict(Lang.T("评星结果已公示，不能再修改得分", "The results are published; scores can no longer change"));
        var scores = r.Scores ?? [];
        var errors = StationRating.ValidateScores(round, scores);
        if (errors.Count > 0) return Failure.Invalid(errors);

        var rating = await db.Set<StationRating>().FirstOrDefaultAsync(x => x.RoundId == roundId && x.StationId == station.Id, ct);
        if (rating is null)
        {
            rating = new StationRating(round, station, clock.GetUtcNow());
            db.Set<StationRating>().Add(rating);
        }
        if (review) rating.Review(round, scores, clock.GetUtcNow());
        else rating.SelfAssess(scores, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new Response(station.Id, rating.SelfTotal, rating.ReviewTotal, rating.LevelName, rating.Stars);
    }
}
