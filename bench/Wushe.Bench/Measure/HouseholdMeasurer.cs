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
            new("my visits (provisional)", "worker's active households by due date, page 1 of 20 + count + overdue count", worker, async db =>
            {
                var mine = db.Set<Household>().Where(h => h.WorkerId == workerId && h.Status == HouseholdStatus.Active);
                await Rows(mine.OrderBy(h => h.NextDueOn).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await mine.CountAsync();
                await mine.CountAsync(h => h.NextDueOn < today);
            }),
            new("my visits: due this week (provisional)", "worker's households due by today+6, all rows", worker, async db =>
                await Rows(db.Set<Household>().Where(h => h.WorkerId == workerId && h.Status == HouseholdStatus.Active && h.NextDueOn <= week)
                    .OrderBy(h => h.NextDueOn)).ToListAsync()),
            new("overdue per township, city (provisional)", "city user: overdue households grouped by township (9-digit prefix)", CityUser, async db =>
                await db.Set<Household>().Where(h => h.Status == HouseholdStatus.Active && h.NextDueOn < today)
                    .GroupBy(h => h.AreaCode.Substring(0, 9)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()),
            new("overdue rate per township, city (provisional)", "city user: households and overdue per township (whole table)", CityUser, async db =>
                await db.Set<Household>().Where(h => h.Status == HouseholdStatus.Active)
                    .GroupBy(h => h.AreaCode.Substring(0, 9))
                    .Select(g => new { g.Key, All = g.Count(), Overdue = g.Count(h => h.NextDueOn < today) }).ToListAsync()),
            new("overdue list, city page 1 (provisional)", "city user: overdue households, most overdue first, 20 + count", CityUser, async db =>
            {
                var q = db.Set<Household>().Where(h => h.Status == HouseholdStatus.Active && h.NextDueOn < today);
                await Rows(q.OrderBy(h => h.NextDueOn).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new($"search name \"{name}\", city (provisional)", "city user: households with a member whose name starts with it, 20 + count", CityUser, async db =>
            {
                var q = db.Set<Household>().Where(h => db.Set<Resident>().Any(r => r.HouseholdId == h.Id && r.Name.StartsWith(name)));
                await Rows(q.OrderBy(h => h.HeadName).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new($"search name \"{name}\" exact, city (provisional)", "city user: the same by the whole name, driven from the residents' name index (Id IN subquery)", CityUser, async db =>
            {
                var q = db.Set<Household>().Where(h => db.Set<Resident>().Where(r => r.Name == name).Select(r => r.HouseholdId).Contains(h.Id));
                await Rows(q.OrderBy(h => h.HeadName).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new($"search name \"{name[..1]}…\" prefix as a range, city (provisional)", "city user: surname prefix as Name >= q AND Name < q+U+FFFF (index range), Id IN subquery", CityUser, async db =>
            {
                var low = name[..1];
                var high = low + '\uffff';
                var q = db.Set<Household>().Where(h => db.Set<Resident>().Where(r => string.Compare(r.Name, low) >= 0 && string.Compare(r.Name, high) < 0)
                    .Select(r => r.HouseholdId).Contains(h.Id));
                await Rows(q.OrderBy(h => h.HeadName).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new($"search name \"{name}\", township (provisional)", "worker: the same within the township", worker, async db =>
            {
                var q = db.Set<Household>().Where(h => db.Set<Resident>().Any(r => r.HouseholdId == h.Id && r.Name.StartsWith(name)));
                await Rows(q.OrderBy(h => h.HeadName).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new($"search ID tail \"{tail}\", city (provisional)", "city user: households with a member whose ID ends so, 20 + count", CityUser, async db =>
            {
                var q = db.Set<Household>().Where(h => db.Set<Resident>().Any(r => r.HouseholdId == h.Id && r.IdTail == tail));
                await Rows(q.OrderBy(h => h.HeadName).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new($"search ID tail \"{tail}\" via IN, city (provisional)", "city user: the same driven from the residents' tail index (Id IN subquery)", CityUser, async db =>
            {
                var q = db.Set<Household>().Where(h => db.Set<Resident>().Where(r => r.IdTail == tail).Select(r => r.HouseholdId).Contains(h.Id));
                await Rows(q.OrderBy(h => h.HeadName).ThenBy(h => h.Id)).Take(20).ToListAsync();
                await q.CountAsync();
            }),
            new("open a household (provisional)", "red-card household: members, tags, consents, cards, last 20 visits with visitors, counts", CityUser, async db =>
            {
                var h = await db.Set<Household>().AsNoTracking().SingleAsync(x => x.Id == householdId);
                var members = await db.Set<Resident>().AsNoTracking().Where(r => r.HouseholdId == householdId).OrderBy(r => r.Relation).ToListAsync();
                await db.Set<ResidentTag>().Where(x => x.HouseholdId == householdId)
                    .Join(db.Set<TargetGroup>().IgnoreQueryFilters([AppDb.ScopeFilter]), x => x.TargetGroupId, g => g.Id, (x, g) => new { x.ResidentId, g.Name }).ToListAsync();
                var ids = members.Select(m => m.Id).ToList();
                await db.Set<Consent>().Where(c => ids.Contains(c.ResidentId)).ToListAsync();
                await db.Set<CardAssignment>().Where(c => c.HouseholdId == householdId).OrderByDescending(c => c.RecordedAt).ToListAsync();
                var visits = await db.Set<Visit>().AsNoTracking().Where(v => v.HouseholdId == householdId).OrderByDescending(v => v.VisitedOn).Take(20).ToListAsync();
                var vids = visits.Select(v => v.Id).ToList();
                await db.Set<VisitParticipant>().Where(p => vids.Contains(p.VisitId)).ToListAsync();
                await db.Set<Visit>().CountAsync(v => v.HouseholdId == householdId);
                await db.Set<ServiceBeneficiary>().Where(b => ids.Contains(b.ResidentId)).GroupBy(b => b.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            }),
            new("record a visit (provisional)", "worker: load household + members, add visit, participant, service record + beneficiaries, roll-up, audit; one SaveChanges", worker, async db =>
            {
                var h = await db.Set<Household>().OrderBy(x => x.NextDueOn).FirstAsync(x => x.WorkerId == workerId && x.Status == HouseholdStatus.Active);
                var members = await db.Set<Resident>().Where(r => r.HouseholdId == h.Id && r.Status == ResidentStatus.Active).Select(r => r.Id).ToListAsync();
                var now = DateTimeOffset.UtcNow;
                var v = new Visit(h, today, VisitMethod.InPerson, workerName, "居住环境整洁", "身体状况稳定", "无安全隐患", "", [ServiceKind.LifeCare], "", "", null, workerId, workerName, now);
                db.Add(v);
                db.Add(new VisitParticipant(v, workerId, workerName, ParticipantKind.SocialWorker));
                ServiceRecords.Add(db, h.AreaCode, ServiceKind.HomeVisit, today, ServiceSource.Visit, v.Id, workerName, "入户探访", members);
                h.Visited(today);
                await db.SaveChangesAsync();
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
