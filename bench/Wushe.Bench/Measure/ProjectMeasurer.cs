using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>projects --db PATH [--postgres CONNSTRING] [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--only NAME-PART]</c>:
/// times the needs, projects and outcomes of issue 8 through the app's own use cases, against a database made by
/// <c>generate</c> (the same <c>--today</c>; the clock stands at 20:00 China time that day): as the Bijie city bureau user, the
/// city's needs list filtered by status with its tab counts (ListNeeds + CountAsync) and the counts per county (NeedsByArea), a
/// county's counts per township, the overdue needs; the projects list (page 1 of the 实施中 tab with its counts); the project page
/// of the project with the most records (GetProject, with ProjectRules.ActualsAsync); the outcomes narrative (DescribeOutcomes)
/// for 七星关区 and for the city over the year to <c>--today</c>; and, as the implementing organization's staff, recording a
/// service (RecordProjectActivity) on the in-progress project with the most records. Median, p95 (nearest rank), SQL commands per
/// call, and the ratio of each median to the baseline (<c>SELECT 1</c>) of the same run. Every query of a case whose p95 is over
/// <c>--explain-over</c> ms (100) is shown with its plan, as the households verb does.
/// </summary>
static class ProjectMeasurer
{
    sealed record Case(string Name, string What, CurrentUser User, Func<AppDb, Task> Run);

    static readonly CurrentUser CityUser = new(Guid.Empty, StaffUsers.BenchUser, [new Assignment(Role.BureauStaff, Scale.BijieCity, "毕节市", null)], null);

    sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<int> RunAsync(Options options)
    {
        var target = BenchDb.From(options);
        var reps = options.Get("reps", 30);
        var warmup = options.Get("warmup", 5);
        var explainOver = options.Get("explain-over", 100);
        var only = options.Get("only");
        var today = options.Get("today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd") : Platform.ChinaTime.Today(TimeProvider.System);
        var clock = new Fixed(new DateTimeOffset(today.ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        var sealer = new Sealer(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; measure with -c Release.");
#endif
        Guid biggest, recordOn;
        CurrentUser recorder;
        List<Guid> residents;
        string county = Scale.Qixingguan;
        await using (var db = target.OpenAsSystem())
        {
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var top = await db.Set<ProjectActivity>().IgnoreQueryFilters().GroupBy(a => a.ProjectId).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).FirstAsync();
            biggest = top.Key;
            // The in-progress project with most records whose organization has a staff account: the recorder of the write case.
            var withStaff = db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.OrganizationStaff).Select(a => a.OrganizationId);
            var candidates = await db.Set<Project>().IgnoreQueryFilters()
                .Where(p => p.Status == ProjectStatus.InProgress && p.StartOn <= today && p.EndOn >= today && withStaff.Contains(p.OrganizationId))
                .Select(p => new { p.Id, p.AreaCode, p.OrganizationId, Records = db.Set<ProjectActivity>().IgnoreQueryFilters().Count(a => a.ProjectId == p.Id) })
                .OrderByDescending(p => p.Records).FirstAsync();
            recordOn = candidates.Id;
            var staff = await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.OrganizationStaff && a.OrganizationId == candidates.OrganizationId)
                .Select(a => new { a.UserId, a.AreaCode }).FirstAsync();
            var userName = await db.Users.Where(u => u.Id == staff.UserId).Select(u => u.UserName).SingleAsync();
            recorder = new CurrentUser(staff.UserId, userName, [new Assignment(Role.OrganizationStaff, staff.AreaCode, "", candidates.OrganizationId)], null);
            var prefix = Platform.Areas.AreaCode.Prefix(candidates.AreaCode);
            residents = await db.Set<Resident>().IgnoreQueryFilters().Where(r => r.AreaCode.StartsWith(prefix) && r.Status == ResidentStatus.Active)
                .OrderBy(r => r.Id).Take(5).Select(r => r.Id).ToListAsync();
            var counts = new
            {
                Needs = await db.Set<Need>().IgnoreQueryFilters().CountAsync(),
                Overdue = await db.Set<Need>().IgnoreQueryFilters().CountAsync(ListNeeds.OverdueAt(clock.GetUtcNow())),
                Projects = await db.Set<Project>().IgnoreQueryFilters().CountAsync(),
                Activities = await db.Set<ProjectActivity>().IgnoreQueryFilters().CountAsync(),
            };
            Console.WriteLine($"Data: {counts.Needs:N0} needs ({counts.Overdue:N0} overdue at {clock.GetUtcNow():u}), {counts.Projects:N0} projects, "
                + $"{counts.Activities:N0} delivery records; the biggest project has {top.Count:N0} records; the recording case writes on a project with "
                + $"{candidates.Records:N0} records as {userName}.");
        }
        var yearFrom = today.AddYears(-1).AddDays(1);

        Case[] cases =
        [
            new("baseline: SELECT 1", "one round trip, no table", CityUser, async db =>
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync()),
            new("needs list, city, status 办理中 (ListNeeds + CountAsync)", "city user: page 1 of 20 newest first + total, and the status tabs with the overdue count", CityUser, async db =>
            {
                await ListNeeds.Handle(db, sealer, clock, new ListNeeds.Query(Status: NeedStatus.InProgress));
                await ListNeeds.CountAsync(db, sealer, clock, new ListNeeds.Query(Status: NeedStatus.InProgress));
            }),
            new("needs per county, city, status 办理中 (NeedsByArea)", "city user: counts per county (all, waiting, open, overdue, resolved, rejected)", CityUser, async db =>
                await NeedsByArea.Handle(db, sealer, clock, new ListNeeds.Query(Status: NeedStatus.InProgress))),
            new("needs per county, city, all statuses (NeedsByArea)", "city user: the same without a status filter (200,000 needs)", CityUser, async db =>
                await NeedsByArea.Handle(db, sealer, clock, new ListNeeds.Query())),
            new("needs per township, 七星关区 (NeedsByArea)", "city user: counts per township of one county", CityUser, async db =>
                await NeedsByArea.Handle(db, sealer, clock, new ListNeeds.Query(Area: county))),
            new("overdue needs, city (ListNeeds Overdue, by due)", "city user: page 1 of the overdue needs, nearest deadline first + total", CityUser, async db =>
                await ListNeeds.Handle(db, sealer, clock, new ListNeeds.Query(Overdue: true, Sort: "due"))),
            new("projects list, city, 实施中 (ListProjects + CountAsync)", "city user: page 1 newest first + total + records per project, and the status tabs", CityUser, async db =>
            {
                await ListProjects.Handle(db, CityUser, clock, new ListProjects.Query(Status: ProjectStatus.InProgress));
                await ListProjects.CountAsync(db, CityUser, clock, new ListProjects.Query());
            }),
            new("project page, most records (GetProject)", "city user: design, funding, indicators with actuals, needs, steps, records page 1", CityUser, async db =>
            {
                var r = await GetProject.Handle(db, CityUser, TimeProvider.System, biggest);
                if (!r.IsOk) throw new InvalidOperationException($"GetProject refused: {r.Failure}");
            }),
            new("outcomes, 七星关区, a year (DescribeOutcomes)", "city user: records by kind, unique people, head counts, staff, per project, narrative", CityUser, async db =>
            {
                var r = await DescribeOutcomes.Handle(db, CityUser, clock, new DescribeOutcomes.Query(county, yearFrom, today));
                if (!r.IsOk) throw new InvalidOperationException($"DescribeOutcomes refused: {r.Failure}");
            }),
            new("outcomes, city, a year (DescribeOutcomes)", "city user: the same for 毕节市", CityUser, async db =>
            {
                var r = await DescribeOutcomes.Handle(db, CityUser, clock, new DescribeOutcomes.Query(Scale.BijieCity, yearFrom, today));
                if (!r.IsOk) throw new InvalidOperationException($"DescribeOutcomes refused: {r.Failure}");
            }),
            new("record a service (RecordProjectActivity)", "organization staff: a group service with 5 residents, service record, roll-ups, audit in one save", recorder, async db =>
            {
                var r = await RecordProjectActivity.Handle(db, recorder, clock, recordOn, new RecordProjectActivity.Request
                {
                    Kind = ServiceKind.GroupService, HeldOn = today, Title = "互助小组活动", Place = "社区活动室", PartyWorkers = 1, SocialWorkers = 2, Volunteers = 2,
                    ResidentIds = residents, HeadCount = 0,
                });
                if (!r.IsOk) throw new InvalidOperationException($"RecordProjectActivity refused: {r.Failure}");
            }),
        ];
        if (only is not null) cases = [cases[0], .. cases.Skip(1).Where(c => c.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];

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
        var baseline = results[0].Stats.Median;
        Console.WriteLine();
        Console.WriteLine("| case | what | SQL commands | median ms | p95 ms | median ÷ baseline |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < results.Count; i++)
        {
            var (c, s) = results[i];
            var goal = c.Name.StartsWith("outcomes, 七星关区", StringComparison.Ordinal) ? 1000 : 300;
            Console.WriteLine($"| {c.Name} | {c.What} | {commands[i]} | {s.Median:0.0} | {s.P95:0.0}{(s.P95 > goal && i > 0 ? " ✗" : "")} | {s.Median / baseline:0} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at end {LoadAverage()}.");

        foreach (var (c, s) in results.Skip(1).Where(x => x.Stats.P95 > explainOver && !x.Case.Name.StartsWith("record", StringComparison.Ordinal)))
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
                // The query alone, as sent (its rows read and dropped), then its plan.
                var watch = Stopwatch.StartNew();
                await using (var cmd = plain.Database.GetDbConnection().CreateCommand())
                {
                    cmd.CommandText = sql;
                    cmd.CommandTimeout = 0;
                    foreach (var (n, v) in parameters)
                    {
                        var p = cmd.CreateParameter();
                        p.ParameterName = n;
                        p.Value = v ?? DBNull.Value;
                        cmd.Parameters.Add(p);
                    }
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) { }
                }
                var alone = watch.Elapsed.TotalMilliseconds;
                var plan = await HouseholdMeasurer.Explain(plain.Database.GetDbConnection(), target.IsPostgres, sql, parameters);
                var shown = string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}"));
                Console.WriteLine("```sql");
                Console.WriteLine(sql.Length > 1500 ? sql.Trim()[..1500] + " …" : sql.Trim());
                Console.WriteLine("-- " + (shown.Length > 300 ? shown[..300] + " …" : shown));
                Console.WriteLine($"-- alone: {alone:0.0} ms");
                Console.WriteLine("-- plan:");
                foreach (var line in plan) Console.WriteLine("-- " + line);
                Console.WriteLine("```");
            }
        }
        return 0;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
