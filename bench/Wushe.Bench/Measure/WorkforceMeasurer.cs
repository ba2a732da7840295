using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Volunteers.Exchange;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Exams;
using Wushe.Features.Workforce.Talents;
using Wushe.Features.Workforce.Trainings;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>workforce (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--only CASE-NAME-PART]
/// [--import N] [--import-rows N]</c>: times the workforce reads of issue 11 against a database made by <c>generate</c> with the workforce kind
/// (the same <c>--today</c>; the clock at 20:00 China time): exam figures (<see cref="ExamFigures"/>) for the city, 七星关区 and 市西街道 for the
/// last full year; the register's first page (<see cref="ListSocialWorkers"/>) for the city, the county and the township, by state (Overdue)
/// and by a keyword; a person's record (<see cref="GetSocialWorker"/>, the employed person with most records); training figures
/// (<see cref="TrainingFigures"/>) for the city and the county; the county's new-talent figure (<see cref="TalentFigures"/>) and station
/// staffing (<see cref="StationStaffing"/>). City cases as the city bureau user, county and township cases as 七星关区's bureau user. Then
/// <c>--import</c> (1) runs of <see cref="ImportExamResults"/> on a generated <c>--import-rows</c> (10,000) row .xlsx in the template's
/// layout for 七星关区 and a year with no results (2026): 40% of the rows people already in the register, the rest new; each run inside a
/// transaction rolled back after it, so the runs and the database stay comparable. Phases: reading the file, the product's SQL by kind.
/// </summary>
static class WorkforceMeasurer
{
    sealed record Case(string Name, string What, CurrentUser User, Func<AppDb, Task> Run);

    static readonly CurrentUser CityUser = new(Guid.Empty, StaffUsers.BenchUser, [new Assignment(Role.BureauStaff, Scale.BijieCity, "毕节市", null)], null);
    static readonly CurrentUser CountyUser = new(Guid.Empty, StaffUsers.BenchUser, [new Assignment(Role.BureauStaff, Scale.Qixingguan, "七星关区", null)], null);
    const string County = Scale.Qixingguan;
    const string Township = "520502001000";

    sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<int> RunAsync(Options options)
    {
        var target = BenchDb.From(options);
        var reps = options.Get("reps", 20);
        var warmup = options.Get("warmup", 3);
        var explainOver = options.Get("explain-over", 150);
        var today = options.Get("today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd") : Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        var clock = new Fixed(new DateTimeOffset(today.ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        var sealer = new Sealer(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));
        var year = WorkforceKind.LastYear;
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; measure with -c Release.");
#endif
        Guid person;
        Guid? countyTalent;
        await using (var db = target.OpenAsSystem())
        {
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var workers = await db.Set<SocialWorker>().IgnoreQueryFilters().CountAsync();
            if (workers == 0) throw new UsageException("No social workers: generate the workforce kind first (generate … --only workforce).");
            // The employed person with most records (education, exams, qualifications, registrations).
            var busiest = await db.Set<EducationRecord>().IgnoreQueryFilters().GroupBy(e => e.SocialWorkerId).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).FirstAsync();
            person = busiest.Key;
            // The township scale has no county: no definition of 七星关区, and its case is left out.
            countyTalent = await db.Set<TalentDefinition>().IgnoreQueryFilters().Where(d => d.AreaCode == County).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
            var counts = new
            {
                Workers = workers,
                Employed = await db.Set<SocialWorker>().IgnoreQueryFilters().CountAsync(w => w.EmployerKind != null),
                Qualified = await db.Set<SocialWorker>().IgnoreQueryFilters().CountAsync(w => w.Level != null),
                Candidates = await db.Set<ExamCandidate>().IgnoreQueryFilters().CountAsync(),
                Trainings = await db.Set<Training>().IgnoreQueryFilters().CountAsync(),
                Enrolments = await db.Set<TrainingEnrolment>().IgnoreQueryFilters().CountAsync(),
                Education = await db.Set<EducationRecord>().IgnoreQueryFilters().CountAsync(),
            };
            var records = new
            {
                Education = busiest.Count,
                Exams = await db.Set<ExamCandidate>().IgnoreQueryFilters().CountAsync(c => c.SocialWorkerId == person),
                Registrations = await db.Set<Registration>().IgnoreQueryFilters().CountAsync(x => x.SocialWorkerId == person),
                Enrolments = await db.Set<TrainingEnrolment>().IgnoreQueryFilters().CountAsync(x => x.SocialWorkerId == person),
            };
            Console.WriteLine($"Data: {counts.Workers:N0} social workers ({counts.Employed:N0} with an employer, {counts.Qualified:N0} qualified), {counts.Candidates:N0} exam results, "
                + $"{counts.Trainings:N0} trainings, {counts.Enrolments:N0} enrolments, {counts.Education:N0} education records. The person measured: {records.Education} education records, "
                + $"{records.Exams} exam results, {records.Registrations} registrations, {records.Enrolments} enrolments.");
        }

        Case[] cases =
        [
            new("baseline: SELECT 1", "one round trip, no table", CityUser, async db =>
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync()),
            new("exam figures, city (ExamFigures)", $"city user: {year}, by level and county, the year before, the chart over years", CityUser, async db =>
                Ok(await ExamFigures.Handle(db, CityUser, clock, new ExamFigures.Query(Area: Scale.BijieCity, Year: year)))),
            new("exam figures, county (ExamFigures)", $"county user: 七星关区 {year}", CountyUser, async db =>
                Ok(await ExamFigures.Handle(db, CountyUser, clock, new ExamFigures.Query(Area: County, Year: year)))),
            new("exam figures, county as the city user (ExamFigures)", $"city user: 七星关区 {year}", CityUser, async db =>
                Ok(await ExamFigures.Handle(db, CityUser, clock, new ExamFigures.Query(Area: County, Year: year)))),
            new("exam figures, township (ExamFigures)", $"county user: 市西街道 {year} (candidates are entered by county: few or none)", CountyUser, async db =>
                Ok(await ExamFigures.Handle(db, CountyUser, clock, new ExamFigures.Query(Area: Township, Year: year)))),
            new("register, city, page 1 (ListSocialWorkers)", "city user: newest first, 20 a page + count", CityUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: Scale.BijieCity))),
            new("register, county, page 1 (ListSocialWorkers)", "county user: 七星关区", CountyUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: County))),
            new("register, township, page 1 (ListSocialWorkers)", "county user: 市西街道", CountyUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: Township))),
            new("register, city, overdue (ListSocialWorkers)", "city user: State=Overdue (qualified over a year, never registered)", CityUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: Scale.BijieCity, State: RegistrationState.Overdue))),
            new("register, county, lapsed, by name (ListSocialWorkers)", "county user: State=Lapsed, sort=name", CountyUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: County, State: RegistrationState.Lapsed, Sort: "name"))),
            new("register, city, keyword 王 (ListSocialWorkers)", "city user: name or employer contains 王", CityUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: Scale.BijieCity, Keyword: "王"))),
            new("register, county, keyword 社工站 (ListSocialWorkers)", "county user: name or employer contains 社工站", CountyUser, async db =>
                await ListSocialWorkers.Handle(db, sealer, clock, new ListSocialWorkers.Query(Area: County, Keyword: "社工站"))),
            new("a person's record (GetSocialWorker)", "city user: the employed person with most records", CityUser, async db =>
                Ok(await GetSocialWorker.Handle(db, clock, person))),
            new("training figures, city (TrainingFigures)", $"city user: {year}, by kind, county and month", CityUser, async db =>
                Ok(await TrainingFigures.Handle(db, CityUser, clock, new TrainingFigures.Query(Area: Scale.BijieCity, Year: year)))),
            new("training figures, county (TrainingFigures)", $"county user: 七星关区 {year}", CountyUser, async db =>
                Ok(await TrainingFigures.Handle(db, CountyUser, clock, new TrainingFigures.Query(Area: County, Year: year)))),
            new("new talents, county (TalentFigures)", $"county user: 七星关区's definition ({today.Year} to date), by township", CountyUser, async db =>
                Ok(await TalentFigures.Handle(db, CountyUser, clock, countyTalent!.Value))),
            new("station staffing, county (StationStaffing)", "county user: 七星关区, by station and level", CountyUser, async db =>
                await StationStaffing.Handle(db, new StationStaffing.Query(Area: County))),
            new("station staffing, city (StationStaffing)", "city user: every township station", CityUser, async db =>
                await StationStaffing.Handle(db, new StationStaffing.Query(Area: Scale.BijieCity))),
        ];

        if (countyTalent is null) cases = [.. cases.Where(c => !c.Name.StartsWith("new talents", StringComparison.Ordinal))];
        if (options.Get("only") is { } only)
            cases = [cases[0], .. cases.Skip(1).Where(c => c.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        Console.WriteLine($"Measuring {target.Describe}: {warmup} warm-up + {reps} timed rounds; a round calls every case once, each with a fresh context.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, load average at start {LoadAverage()}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var times = cases.Select(_ => new List<double>(reps)).ToArray();
        var commands = new long[cases.Length];
        if (options.Get("import-only") is null)
        {
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
            Console.WriteLine("| case | what | SQL commands | median ms | p95 ms | p99 ms | median ÷ baseline |");
            Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
            for (var i = 0; i < results.Count; i++)
            {
                var (c, s) = results[i];
                Console.WriteLine($"| {c.Name} | {c.What} | {commands[i]} | {s.Median:0.0} | {s.P95:0.0}{(s.P95 > 300 && i > 0 ? " ✗" : "")} | {s.Percentile(99):0.0} | {s.Median / baseline:0} |");
            }
            Console.WriteLine();
            Console.WriteLine($"Load average at end {LoadAverage()}.");

            foreach (var (c, s) in results.Skip(1).Where(x => x.Stats.P95 > explainOver))
            {
                target.Commands.Recording = [];
                await using (var db = target.Open(c.User)) await c.Run(db);
                var recorded = target.Commands.Recording;
                target.Commands.Recording = null;
                await ExplainAsync(target, $"{c.Name}: p95 {s.P95:0.0} ms", recorded);
            }
        }

        // The import: a file in the template's layout, timed on the product's handler, rolled back after each run.
        var imports = options.Get("import", 1);
        var rowsWanted = options.Get("import-rows", 10_000);
        var file = Path.Combine(Path.GetTempPath(), $"wushe-exam-import-{rowsWanted}.xlsx");
        var importYear = today.Year;
        await using (var db = target.OpenAsSystem())
        {
            if (await db.Set<ExamCandidate>().IgnoreQueryFilters().AnyAsync(c => c.Year == importYear && c.AreaCode == County))
                throw new UsageException($"七星关区 has results of {importYear} already.");
            await WriteImportFile(db, sealer, file, rowsWanted, importYear);
        }
        Console.WriteLine();
        Console.WriteLine($"Import: {file} ({new FileInfo(file).Length / 1024.0:0} KB, {rowsWanted:N0} rows, 七星关区 {importYear}); {imports} run(s), each rolled back; load {LoadAverage()}");
        for (var run = 0; run < imports; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var s = File.OpenRead(file))
            {
                var sheet = NationalLayout.Read(s, file, ImportExamResults.Columns);
                if (sheet.Failure is not null) throw new InvalidOperationException("The file did not read.");
            }
            var read = watch.Elapsed.TotalSeconds;
            target.Commands.Timed = [];
            target.Saves.Saves.Clear();
            target.Saves.Enabled = true;
            watch.Restart();
            await using (var db = target.Open(CountyUser))
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                await using var tx = await db.Database.BeginTransactionAsync();
                await using var content = File.OpenRead(file);
                var result = await ImportExamResults.Handle(db, CountyUser, sealer, clock, content, Path.GetFileName(file));
                var handled = watch.Elapsed.TotalSeconds;
                target.Saves.Enabled = false;
                if (!result.IsOk) throw new InvalidOperationException($"Import refused: {string.Join("; ", result.Failure!.Errors?.Take(5).Select(e => e.Key + ": " + string.Join(",", e.Value)) ?? [])}");
                var imported = result.Value!;
                await tx.RollbackAsync();
                var timed = target.Commands.Timed;
                target.Commands.Timed = null;
                Console.WriteLine($"Import run {run + 1}: {handled:0.00} s in ImportExamResults.Handle ({imported.Rows:N0} rows: {imported.Added:N0} added, {imported.Corrected:N0} corrected, "
                    + $"{imported.NewSocialWorkers:N0} new social workers) = {imported.Rows / handled:N0} rows/s; goal < 10 s: {(handled < 10 ? "met" : "MISSED")}; load {LoadAverage()}");
                var saves = target.Saves.Saves;
                var saveSeconds = saves.Sum(x => x.Took.TotalSeconds);
                var saveSql = timed.Where(x => x.Sql.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)).Sum(x => x.Duration.TotalSeconds);
                var readSql = timed.Sum(x => x.Duration.TotalSeconds) - saveSql;
                Console.WriteLine($"  reading the file alone (NationalLayout.Read, before): {read:0.00} s; SQL: {timed.Count:N0} commands, {timed.Sum(x => x.Duration.TotalSeconds):0.00} s in the database");
                Console.WriteLine($"  phases: before EF's save (read, validate, find persons by hash, existing sittings, build entities, recompute, and the audit rows AppDb.SaveChangesAsync builds before it) {handled - saveSeconds:0.00} s, of which SQL {readSql:0.00} s; "
                    + $"EF's SaveChanges {saveSeconds:0.00} s ({string.Join(", ", saves.Select(x => $"{x.Entries:N0} entries"))}), of which INSERTs {saveSql:0.00} s");
                foreach (var g in timed.GroupBy(x => Kind(x.Sql)).OrderByDescending(g => g.Sum(x => x.Duration.TotalMilliseconds)))
                    Console.WriteLine($"    {g.Key,-60} {g.Count(),6:N0} commands {g.Sum(x => x.Duration.TotalSeconds),7:0.00} s");
            }
        }
        return 0;
    }

    /// <summary>A command's kind for the profile: its verb and table.</summary>
    static string Kind(string sql)
    {
        var s = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var verb = s.Split(' ', 2)[0].ToUpperInvariant();
        var m = System.Text.RegularExpressions.Regex.Match(s, verb switch { "INSERT" => "INTO \"(\\w+)\"", "UPDATE" => "UPDATE \"(\\w+)\"", _ => "FROM \"(\\w+)\"" });
        return $"{verb} {(m.Success ? m.Groups[1].Value : s[..Math.Min(40, s.Length)])}";
    }

    /// <summary>
    /// <paramref name="rows"/> rows in the template's columns (headers of <see cref="ImportExamResults.Columns"/>): 40% social workers of
    /// 七星关区 already in the register (their IDs opened), 60% new people; levels as the exam's mix, scores as the generator's.
    /// </summary>
    static async Task WriteImportFile(AppDb db, Sealer sealer, string path, int rows, int year)
    {
        var r = new Random(11);
        var (low, high) = Wushe.Platform.Areas.AreaCode.Range(County);
        var known = await db.Set<SocialWorker>().IgnoreQueryFilters().AsNoTracking()
            .Where(w => string.Compare(w.AreaCode, low) >= 0 && string.Compare(w.AreaCode, high) <= 0)
            .OrderBy(w => w.Id).Select(w => new { w.Name, w.IdNumber }).Take(rows * 4 / 10).ToListAsync();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<Dictionary<string, object?>>(rows);
        var today = new DateOnly(year, 12, 1);
        for (var i = 0; i < rows; i++)
        {
            string name, id;
            if (i < known.Count) { name = known[i].Name; id = sealer.Open(known[i].IdNumber); ids.Add(id[..17]); }
            else
            {
                var sex = r.Next(100) < 72 ? Sex.Female : Sex.Male;
                id = WorkforceKind.NewId(r, ids, County[..6], today.AddYears(-r.Next(22, 55)).AddDays(-r.Next(0, 365)), sex);
                name = Names.Person(r);
            }
            var level = r.Next(100) switch { < 64 => "助理社会工作师", < 96 => "社会工作师", _ => "高级社会工作师" };
            var subjects = level switch { "助理社会工作师" => 2, "社会工作师" => 3, _ => 1 };
            string? Score(int s) => s > subjects || r.Next(100) < 7 ? null : Math.Clamp((int)Math.Round(58 + 12 * (Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble()))), 0, 100).ToString(CultureInfo.InvariantCulture);
            var row = new Dictionary<string, object?>();
            foreach (var c in ImportExamResults.Columns)
                row[c.Header] = c.Field switch
                {
                    "year" => year.ToString(CultureInfo.InvariantCulture),
                    "level" => level,
                    "name" => name,
                    "idNumber" => id,
                    "areaCode" => County,
                    "score1" => Score(1),
                    "score2" => Score(2),
                    "score3" => Score(3),
                    "reviewPassed" => level == "高级社会工作师" ? (r.Next(100) < 70 ? "通过" : "未通过") : null,
                    _ => null,
                };
            lines.Add(row);
        }
        File.Delete(path);
        await MiniExcel.SaveAsAsync(path, lines, sheetName: "考试成绩");
    }

    static void Ok<T>(Wushe.Platform.Outcomes.Result<T> result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"refused: {result.Failure}");
    }

    static async Task ExplainAsync(BenchDb target, string title, List<(string Sql, List<(string Name, object? Value)> Parameters)> recorded)
    {
        Console.WriteLine();
        Console.WriteLine($"#### {title} — its queries and plans");
        await using var plain = target.OpenAsSystem();
        await plain.Database.OpenConnectionAsync();
        foreach (var (sql, parameters) in recorded.Where(q => q.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            var plan = await HouseholdMeasurer.Explain(plain.Database.GetDbConnection(), target.IsPostgres, sql, parameters);
            var shown = string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}"));
            Console.WriteLine("```sql");
            Console.WriteLine(sql.Length > 1500 ? sql.Trim()[..1500] + " …" : sql.Trim());
            Console.WriteLine("-- " + (shown.Length > 300 ? shown[..300] + " …" : shown));
            Console.WriteLine("-- plan:");
            foreach (var line in plan) Console.WriteLine("-- " + line);
            Console.WriteLine("```");
        }
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
