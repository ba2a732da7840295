using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;

namespace Wushe.Bench.Generate;

/// <summary>
/// "五有五统一" history: for each township station, <see cref="GenContext.History"/> rounds of
/// checks of the ten items, half a year apart, ending in the last months; the share of items
/// met rises from round to round, so the latest round has most stations meeting all ten.
/// </summary>
sealed class StandardChecks : IRecordKind
{
    public string Name => "standard checks";

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var summaries = new Dictionary<Guid, List<(StandardItem, bool, DateOnly, DateTimeOffset)>>();
        var count = await ctx.InsertAsync(ctx.Stations.Where(s => s.Level == StationLevel.TownshipStation).SelectMany(s => For(ctx, s, r))
            .Select(c =>
            {
                if (!summaries.TryGetValue(c.StationId, out var list)) summaries[c.StationId] = list = [];
                list.Add((c.Item, c.Met, c.CheckedOn, c.RecordedAt));
                return c;
            }));
        // The stations' roll-ups, as RecordCheck keeps them.
        foreach (var (stationId, history) in summaries)
        {
            var (met, checkedItems) = StandardCheck.Summarize(history);
            await ctx.Db.Stations.Where(s => s.Id == stationId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.StandardMet, met).SetProperty(s => s.StandardChecked, checkedItems));
        }
        return count;
    }

    static IEnumerable<StandardCheck> For(GenContext ctx, Station s, Random r)
    {
        for (var round = 0; round < ctx.History; round++)
        {
            var monthsAgo = 6 * (ctx.History - 1 - round);
            var on = ctx.Today.AddMonths(-monthsAgo).AddDays(-r.Next(1, 60));
            var chance = 0.6 + 0.4 * (round + 1) / ctx.History;
            foreach (var item in StandardCheck.Items)
            {
                var met = r.NextDouble() < chance;
                yield return new StandardCheck(s, item, met, on, met ? "" : "待整改", null, null, "市指导中心督导组", ctx.At(on, 16));
            }
        }
    }
}
