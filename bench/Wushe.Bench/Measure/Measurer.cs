using System.Diagnostics;
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
    sealed record Case(string Name, string What, Func<AppDb, Task> Run);

    static readonly CurrentUser CityUser = new(Guid.Empty, StaffUsers.BenchUser,
        [new Assignment(Role.BureauStaff, Scale.BijieCity, "毕节市", null)], null);

    public static async Task<int> RunAsync(Options options)
    {
        var target = BenchDb.From(options);
        var logSql = options.Get("log-sql") is not null;
        var reps = logSql ? 3 : options.Get("reps", 100);
        var warmup = logSql ? 0 : options.Get("warmup", 30);
        var users = CityUser;
        var clock = TimeProvider.System;

#if DEBUG
        Console.WriteLine("WARNING: a Debug build; measure with -c Release.");
#endif
        var failures = await Check(target, users);

        Case[] cases =
        [
            new("baseline: count(*) Areas", "SELECT count(*) FROM \"Areas\" (raw SQL, no filter)", async db =>
                await db.Database.SqlQueryRaw<int>("SELECT CAST(count(*) AS integer) AS \"Value\" FROM \"Areas\"").SingleAsync()),
            new("baseline: SELECT 1", "one round trip, no table", async db =>
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync()),
            new("areas: roots", "BrowseAreas.Roots (city user)", db => BrowseAreas.Roots(db, CityUser)),
            new("areas: children of 毕节市", "BrowseAreas.Children 520500000000 (8 counties)", db => BrowseAreas.Children(db, Scale.BijieCity)),
            new("areas: children of 七星关区", "BrowseAreas.Children 520502000000 (48 townships)", db => BrowseAreas.Children(db, Scale.Qixingguan)),
            new("areas: children of a township", "BrowseAreas.Children 520502001000 (its villages)", db => BrowseAreas.Children(db, "520502001000")),
            new("areas: search \"七星\"", "BrowseAreas.Search, few matches", db => BrowseAreas.Search(db, "七星")),
            new("areas: search \"村\"", "BrowseAreas.Search, thousands of matches (first 50)", db => BrowseAreas.Search(db, "村")),
            new("coverage: 毕节市", "Coverage.Handle 520500000000", db => Coverage.Handle(db, CityUser, Scale.BijieCity)),
            new("coverage: 七星关区", "Coverage.Handle 520502000000", db => Coverage.Handle(db, CityUser, Scale.Qixingguan)),
            new("stations: list page 1", "ListStations.Handle area 毕节市, page 1 of 20", db => ListStations.Handle(db, new ListStations.Query(Area: Scale.BijieCity, Page: 1, Size: 20))),
            new("home: figures", "HomeFigures.Handle (city user)", db => HomeFigures.Handle(db, CityUser, clock)),
        ];

        Console.WriteLine($"Measuring {target.Describe}: {warmup} warm-up + {reps} timed rounds; a round calls every case once, "
            + "one call at a time, each with a fresh context (so machine noise spreads over all cases alike).");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {await DatabaseVersion(target)}, load average at start {LoadAverage()}");
        var times = cases.Select(_ => new List<double>(reps)).ToArray();
        var commands = new long[cases.Length];
        for (var round = 0; round < warmup + reps; round++)
        {
            if (round == warmup)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            for (var i = 0; i < cases.Length; i++)
            {
                if (logSql) Console.WriteLine($"---- {cases[i].Name}: {cases[i].What}");
                var sent = target.Commands.Count;
                var watch = Stopwatch.StartNew();
                await using (var db = target.Open(users)) await cases[i].Run(db);
                if (round >= warmup) times[i].Add(watch.Elapsed.TotalMilliseconds);
                commands[i] = target.Commands.Count - sent;
            }
        }
        if (logSql) return 0;
        var results = cases.Select((c, i) => (Case: c, Stats: new Stats(c.Name, times[i]))).ToList();

        var baseline = results[0].Stats.Median;
        Console.WriteLine();
        Console.WriteLine("| case | what | SQL commands | median ms | p95 ms | median ÷ baseline |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < results.Count; i++)
        {
            var (c, s) = results[i];
            Console.WriteLine($"| {c.Name} | {c.What} | {commands[i]} | {s.Median:0.00} | {s.P95:0.00} | {s.Median / baseline:0.0} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Baseline (median of count(*) on Areas): {baseline:0.000} ms. Load average at end {LoadAverage()}.");
        foreach (var f in failures) Console.Error.WriteLine("CHECK FAILED: " + f);
        return failures.Count == 0 ? 0 : 1;
    }

    static async Task<string> DatabaseVersion(BenchDb target)
    {
        await using var db = target.OpenAsSystem();
        var sql = target.IsPostgres ? "SELECT current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"";
        var version = await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
        return target.IsPostgres ? "PostgreSQL " + version : version;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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
