using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Home;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>measure --db PATH [--postgres CONNSTRING] [--reps N] [--warmup N] [--log-sql]</c>: times the
/// read use cases of a Bijie city bureau user against a generated database. Each call gets a
/// fresh context, as each request does. A baseline query measured in the same run lets
/// figures from a noisy or different machine be compared as ratios.
/// </summary>
static class Measurer
{
    static readonly CurrentUser CityUser = TimedRounds.CityUser;

    public static async Task<int> RunAsync(Options options)
    {
        var logSql = options.Get("log-sql") is not null;
        var rounds = new TimedRounds(BenchDb.From(options), reps: logSql ? 3 : options.Get("reps", 100), warmup: logSql ? 0 : options.Get("warmup", 30))
        {
            MsFormat = "0.00", RatioFormat = "0.0", GoalMs = null, Announce = logSql, ShowFirstCalls = false,
        };
        var target = rounds.Target;
        var clock = TimeProvider.System;
        var failures = await Check(target, CityUser);

        Case[] cases =
        [
            new("baseline: count(*) Areas", "SELECT count(*) FROM \"Areas\" (raw SQL, no filter)", CityUser, async db =>
                await db.Database.SqlQueryRaw<int>("SELECT CAST(count(*) AS integer) AS \"Value\" FROM \"Areas\"").SingleAsync()),
            TimedRounds.SelectOne,
            new("areas: roots", "BrowseAreas.Roots (city user)", CityUser, db => BrowseAreas.Roots(db, CityUser)),
            new("areas: children of 毕节市", "BrowseAreas.Children 520500000000 (8 counties)", CityUser, db => BrowseAreas.Children(db, Scale.BijieCity)),
            new("areas: children of 七星关区", "BrowseAreas.Children 520502000000 (48 townships)", CityUser, db => BrowseAreas.Children(db, Scale.Qixingguan)),
            new("areas: children of a township", "BrowseAreas.Children 520502001000 (its villages)", CityUser, db => BrowseAreas.Children(db, "520502001000")),
            new("areas: search \"七星\"", "BrowseAreas.Search, few matches", CityUser, db => BrowseAreas.Search(db, "七星")),
            new("areas: search \"村\"", "BrowseAreas.Search, thousands of matches (first 50)", CityUser, db => BrowseAreas.Search(db, "村")),
            new("coverage: 毕节市", "Coverage.Handle 520500000000", CityUser, db => Coverage.Handle(db, CityUser, Scale.BijieCity)),
            new("coverage: 七星关区", "Coverage.Handle 520502000000", CityUser, db => Coverage.Handle(db, CityUser, Scale.Qixingguan)),
            new("stations: list page 1", "ListStations.Handle area 毕节市, page 1 of 20", CityUser, db => ListStations.Handle(db, new ListStations.Query(Area: Scale.BijieCity, Page: 1, Size: 20))),
            new("home: figures", "HomeFigures.Handle (city user)", CityUser, db => HomeFigures.Handle(db, CityUser, clock)),
        ];

        await rounds.DescribeAsync(databaseVersion: true,
            roundNote: "a round calls every case once, one call at a time, each with a fresh context (so machine noise spreads over all cases alike).");
        var results = await rounds.RunAsync(cases);
        if (logSql) return 0;
        rounds.PrintTable(results);
        Console.WriteLine($"Baseline (median of count(*) on Areas): {results[0].Stats.Median:0.000} ms. Load average at end {TimedRounds.LoadAverage()}.");
        foreach (var f in failures) Console.Error.WriteLine("CHECK FAILED: " + f);
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Sanity of the data before timing it: Bijie's township coverage must be complete.</summary>
    static async Task<List<string>> Check(BenchDb target, CurrentUser users)
    {
        var failures = new List<string>();
        await using var db = target.Open(users);
        var townships = await db.Areas.CountAsync(a => a.Level == AreaLevel.Township && a.ValidTo == null);
        var stations = await db.Stations.CountAsync(s => s.Level == StationLevel.TownshipStation);
        var coverage = (await Coverage.Handle(db, CityUser, Scale.BijieCity)).Value;
        var row = coverage?.Levels.FirstOrDefault(l => l.Level == StationLevel.TownshipStation);
        Console.WriteLine($"Data: {townships} townships and {stations} township stations in 毕节市; "
            + $"coverage reports {row?.Covered}/{row?.Areas} townships ({row?.Rate}%).");
        if (row is null || row.Areas != townships || row.Covered != stations)
            failures.Add($"Coverage of 毕节市 reports {row?.Covered}/{row?.Areas}, expected {stations}/{townships}.");
        if (stations == townships && townships != 279)
            failures.Add($"毕节市 has {townships} townships, expected 279 (the 2022 list).");
        if (stations == 279 && row?.Covered != 279)
            failures.Add("At city scale coverage must be 279/279.");
        return failures;
    }
}
