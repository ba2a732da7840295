using Wushe.Features.Stations;

namespace Wushe.Bench.Generate;

/// <summary>
/// 评星: Bijie's published round of last year with a reviewed result for every township
/// station, and this year's open round with self-assessments from about half of them.
/// </summary>
sealed class Ratings : IRecordKind
{
    public string Name => "rating rounds + station ratings";

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var year = ctx.Today.Year;
        var published = new RatingRound(Scale.BijieCity, $"{year - 1} 年度评星", year - 1, RatingRound.DefaultModules(), RatingRound.DefaultLevels(), ctx.At(new DateOnly(year - 1, 10, 8)));
        var open = new RatingRound(Scale.BijieCity, $"{year} 年度评星", year, RatingRound.DefaultModules(), RatingRound.DefaultLevels(), ctx.At(new DateOnly(year, 10, 8)));
        published.Publish();
        var ratings = new List<StationRating>();
        foreach (var s in ctx.Stations.Where(s => s.Level == StationLevel.TownshipStation))
        {
            var last = new StationRating(published, s, ctx.At(new DateOnly(year - 1, 12, 1)));
            var total = Math.Clamp((int)(780 + 80 * Gaussian(r)), 500, 990);
            var review = Spread(published, total);
            last.SelfAssess(review.ToDictionary(kv => kv.Key, kv => Math.Min(kv.Value + r.Next(0, 15), Max(published, kv.Key))), last.UpdatedAt);
            last.Review(published, review, last.UpdatedAt);
            ratings.Add(last);
            if (r.Next(2) == 0)
            {
                var current = new StationRating(open, s, ctx.Now);
                current.SelfAssess(Spread(open, Math.Clamp(total + r.Next(-40, 60), 500, 1000)), ctx.Now);
                ratings.Add(current);
            }
        }
        return await ctx.InsertAsync(new[] { published, open }) + await ctx.InsertAsync(ratings);
    }

    static int Max(RatingRound round, string key) => round.Modules.First(m => m.Key == key).MaxScore;

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>Splits a total over the modules in proportion to their maxima (whole points, exact sum).</summary>
    static Dictionary<string, int> Spread(RatingRound round, int total)
    {
        var scores = round.Modules.ToDictionary(m => m.Key, m => m.MaxScore * total / round.MaxTotal);
        var rest = total - scores.Values.Sum();
        foreach (var m in round.Modules)
        {
            var add = Math.Min(rest, m.MaxScore - scores[m.Key]);
            scores[m.Key] += add;
            rest -= add;
        }
        return scores;
    }
}
