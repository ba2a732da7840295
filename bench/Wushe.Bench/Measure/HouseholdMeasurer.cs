using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>households --db PATH [--postgres CONNSTRING] [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS]</c>:
/// times the household reads and the visit write of issue 7 against a database made by <c>generate</c> (the same
/// <c>--today</c>): "my visits" of the township worker with the most households, overdue counts per township for the
/// whole city, search by name and by the last four characters of an ID, a household opened with its history, and a
/// visit recorded. Each call gets a fresh context acting as its user, as a request does. The use cases of issue 7 were
/// not on main when this was written: the reads are EF LINQ shaped like the lists they serve (marked provisional), to
/// be swapped for ListHouseholds, MyVisits, OverdueByTownship, GetHousehold and RecordVisit as they land. Every query
/// of a case whose p95 is over <c>--explain-over</c> ms (100) is shown with its plan (EXPLAIN QUERY PLAN on SQLite,
/// EXPLAIN ANALYZE on PostgreSQL).
/// </summary>
static class HouseholdMeasurer
{
    sealed record Case(string Name, string What, CurrentUser User, Func<AppDb, Task> Run);

    static readonly CurrentUser CityUser = new(Guid.Empty, StaffUsers.BenchUser,
        [new Assignment(Role.BureauStaff, Scale.BijieCity, "毕节市", null)], null);

    /// <summary>A row of a household list (what a list page shows).</summary>
    sealed record Row(Guid Id, string AreaCode, string Address, string HeadName, int MemberCount, string? CardName, string WorkerName, DateOnly? LastVisitedOn, DateOnly? NextDueOn);

    static IQueryable<Row> Rows(IQueryable<Household> q) =>
        q.Select(h => new Row(h.Id, h.AreaCode, h.Address, h.HeadName, h.MemberCount, h.CardName, h.WorkerName, h.LastVisitedOn, h.NextDueOn));

    public static async Task<int> RunAsync(Options options)
    {
        var target = BenchDb.From(options);
        var reps = options.Get("reps", 50);
        var warmup = options.Get("warmup", 10);
        var explainOver = options.Get("explain-over", 100);
        var today = options.Get("today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd") : Platform.ChinaTime.Today(TimeProvider.System);
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; measure with -c Release.");
#endif

        // The subjects: the worker with the most households, a red-card household with a long history, a common name and ID tail.
        Guid workerId, householdId;
        string workerName, township, name, tail;
        await using (var db = target.OpenAsSystem())
        {
            var top = await db.Set<Household>().IgnoreQueryFilters().Where(h => h.WorkerId != null)
                .GroupBy(h => h.WorkerId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
            workerId = top.Id;
            var user = await db.Users.Where(u => u.Id == workerId).Select(u => new { u.DisplayName, u.HomeAreaCode }).SingleAsync();
            (workerName, township) = (user.DisplayName, user.HomeAreaCode);
            householdId = await db.Set<Household>().IgnoreQueryFilters().Where(h => h.CardColour == "red" && h.Status == HouseholdStatus.Active)
                .OrderBy(h => h.CreatedAt).Select(h => h.Id).FirstAsync();
            name = await db.Set<Resident>().IgnoreQueryFilters().GroupBy(r => r.Name).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            tail = "1234";
            var counts = new
            {
                Households = await db.Set<Household>().IgnoreQueryFilters().CountAsync(),
                Residents = await db.Set<Resident>().IgnoreQueryFilters().CountAsync(),
                Visits = await db.Set<Visit>().IgnoreQueryFilters().CountAsync(),
                Overdue = await db.Set<Household>().IgnoreQueryFilters().CountAsync(h => h.NextDueOn < today),
                Mine = top.Count,
            };
            Console.WriteLine($"Data: {counts.Households:N0} households, {counts.Residents:N0} residents, {counts.Visits:N0} visits; "
                + $"{counts.Overdue:N0} overdue on {today:yyyy-MM-dd} ({100.0 * counts.Overdue / Math.Max(1, counts.Households):0.0}%); "
                + $"worker {workerName} ({township}) has {counts.Mine} households; most common name {name}.");
        }
        var worker = new CurrentUser(workerId, "bench.worker", [new Assignment(Role.StationWorker, township, "", null)], null);
        var week = today.AddDays(6);

        Case[] cases =
        [
            new("baseline: SELECT 1", "one round trip, no table", CityUser, async db =>
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync()),
            // The app's own use cases, as the pages and the API call them.
            new("my visits (MyVisits)", "worker: own households due by the week's end, page 1 of 20 + tab counts", worker, async db =>
                await MyVisits.Handle(db, worker, TimeProvider.System, new MyVisits.Query(Mine: true))),
            new("overdue by township, city (OverdueByTownship)", "city user: every township with its households and overdue ones", CityUser, async db =>
                await OverdueByTownship.Handle(db, TimeProvider.System, new OverdueByTownship.Query(Scale.BijieCity))),
            new("household list, city page 1 (ListHouseholds)", "city user: next visit first, 20 + count", CityUser, async db =>
                await ListHouseholds.Handle(db, new ListHouseholds.Query(), today)),
            new($"search name \"{name}\", city (ListHouseholds)", "city user: households with a member of that name, 20 + count", CityUser, async db =>
                await ListHouseholds.Handle(db, new ListHouseholds.Query(Keyword: name), today)),
            new($"search ID tail \"{tail}\", city (ListHouseholds)", "city user: households with a member whose ID ends so, 20 + count", CityUser, async db =>
                await ListHouseholds.Handle(db, new ListHouseholds.Query(IdTail: tail), today)),
            new("open a household (GetHousehold)", "city user: the red-card household with the longest history, members, tags, consents, cards, visits", CityUser, async db =>
                await GetHousehold.Handle(db, TimeProvider.System, householdId)),
            new("service summary, city, this year (ServiceSummary)", "city user: services, attendances, unique people by kind and county, from the roll-ups", CityUser, async db =>
                await ServiceSummary.Handle(db, CityUser, TimeProvider.System, new ServiceSummary.Query())),
            new("service summary, township, this year (ServiceSummary)", "worker: the same for the township by community", worker, async db =>
                await ServiceSummary.Handle(db, worker, TimeProvider.System, new ServiceSummary.Query())),
            new("record a visit (RecordVisit)", "worker: the most overdue of the worker's households; visit, visitors, service record, roll-ups, audit in one save", worker, async db =>
            {
                var id = await db.Set<Household>().Where(x => x.WorkerId == workerId && x.NextDueOn != null).OrderBy(x => x.NextDueOn).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync();
                var result = await RecordVisit.Handle(db, worker, TimeProvider.System, id,
                    new RecordVisit.Request(today, VisitMethod.InPerson, LivingConditions: "居住环境整洁", Health: "身体状况稳定", Services: [ServiceKind.LifeCare]));
                if (!result.IsOk) throw new InvalidOperationException($"RecordVisit refused: {result.Failure}");
            }),
        ];

        Console.WriteLine($"Measuring {target.Describe}: {warmup} warm-up + {reps} timed rounds; a round calls every case once, each with a fresh context.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, load average at start {LoadAverage()}");
        var times = cases.Select(_ => new List<double>(reps)).ToArray();
        var commands = new long[cases.Length];
        for (var round = 0; round < warmup + reps; round++)
            for (var i = 0; i < cases.Length; i++)
            {
                var sent = target.Commands.Count;
                var watch = Stopwatch.StartNew();
                await using (var db = target.Open(cases[i].User)) await cases[i].Run(db);
                if (round >= warmup) times[i].Add(watch.Elapsed.TotalMilliseconds);
                commands[i] = target.Commands.Count - sent;
                if (round == 0) Console.Error.WriteLine($"  first call of {cases[i].Name}: {watch.Elapsed.TotalMilliseconds:0} ms");
            }

        var results = cases.Select((c, i) => (Case: c, Stats: new Stats(c.Name, times[i]))).ToList();
        Console.WriteLine();
        Console.WriteLine("| case | what | SQL commands | median ms | p95 ms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        for (var i = 0; i < results.Count; i++)
        {
            var (c, s) = results[i];
            Console.WriteLine($"| {c.Name} | {c.What} | {commands[i]} | {s.Median:0.0} | {s.P95:0.0}{(s.P95 > 300 ? " ✗" : "")} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at end {LoadAverage()}.");

        foreach (var (c, s) in results.Where(x => x.Stats.P95 > explainOver))
        {
            Console.WriteLine();
            Console.WriteLine($"#### {c.Name}: p95 {s.P95:0.0} ms — its queries and plans");
            target.Commands.Recording = [];
            await using (var db = target.Open(c.User)) await c.Run(db);
            var recorded = target.Commands.Recording;
            target.Commands.Recording = null;
            await using var plain = target.OpenAsSystem();
            await plain.Database.OpenConnectionAsync();
            foreach (var (sql, parameters) in recorded.Where(q => q.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
            {
                Console.WriteLine("```sql");
                Console.WriteLine(sql.Trim());
                Console.WriteLine("-- " + string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}")));
                Console.WriteLine("-- plan:");
                foreach (var line in await Explain(plain.Database.GetDbConnection(), target.IsPostgres, sql, parameters)) Console.WriteLine("-- " + line);
                Console.WriteLine("```");
            }
        }
        return 0;
    }

    static async Task<List<string>> Explain(DbConnection connection, bool postgres, string sql, List<(string Name, object? Value)> parameters)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var (n, v) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = n;
            p.Value = v ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(postgres ? reader.GetString(0) : $"{new string(' ', 0)}{reader.GetValue(1)}→{reader.GetValue(0)} {reader.GetString(3)}");
        return lines;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
