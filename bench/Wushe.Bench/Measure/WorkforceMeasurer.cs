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
    static readonly CurrentUser CityUser = TimedRounds.CityUser;
    static readonly CurrentUser CountyUser = new(Guid.Empty, StaffUsers.BenchUser, [new Assignment(Role.BureauStaff, Scale.Qixingguan, "七星关区", null)], null);
    const string County = Scale.Qixingguan;
    const string Township = "520502001000";

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = TimedRounds.From(options, reps: 20, warmup: 3, explainOver: 150);
        var target = rounds.Target;
        var today = rounds.Today;
        var clock = rounds.Clock;
        var sealer = new Sealer(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));
        var year = WorkforceKind.LastYear;
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
            TimedRounds.SelectOne,
            new("exam figures, city (ExamFigures)", $"city user: {year}, by level and county, the year before, the chart over years", CityUser, async db =>
                TimedRounds.Ok(await ExamFigures.Handle(db, CityUser, clock, new ExamFigures.Query(Area: Scale.BijieCity, Year: year)))),
            new("exam figures, county (ExamFigures)", $"county user: 七星关区 {year}", CountyUser, async db =>
                TimedRounds.Ok(await ExamFigures.Handle(db, CountyUser, clock, new ExamFigures.Query(Area: County, Year: year)))),
            new("exam figures, county as the city user (ExamFigures)", $"city user: 七星关区 {year}", CityUser, async db =>
                TimedRounds.Ok(await ExamFigures.Handle(db, CityUser, clock, new ExamFigures.Query(Area: County, Year: year)))),
            new("exam figures, township (ExamFigures)", $"county user: 市西街道 {year} (candidates are entered by county: few or none)", CountyUser, async db =>
                TimedRounds.Ok(await ExamFigures.Handle(db, CountyUser, clock, new ExamFigures.Query(Area: Township, Year: year)))),
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
                TimedRounds.Ok(await GetSocialWorker.Handle(db, clock, person))),
            new("training figures, city (TrainingFigures)", $"city user: {year}, by kind, county and month", CityUser, async db =>
                TimedRounds.Ok(await TrainingFigures.Handle(db, CityUser, clock, new TrainingFigures.Query(Area: Scale.BijieCity, Year: year)))),
            new("training figures, county (TrainingFigures)", $"county user: 七星关区 {year}", CountyUser, async db =>
                TimedRounds.Ok(await TrainingFigures.Handle(db, CountyUser, clock, new TrainingFigures.Query(Area: County, Year: year)))),
            new("new talents, county (TalentFigures)", $"county user: 七星关区's definition ({today.Year} to date), by township", CountyUser, async db =>
                TimedRounds.Ok(await TalentFigures.Handle(db, CountyUser, clock, countyTalent!.Value))),
            new("station staffing, county (StationStaffing)", "county user: 七星关区, by station and level", CountyUser, async db =>
                await StationStaffing.Handle(db, new StationStaffing.Query(Area: County))),
            new("station staffing, city (StationStaffing)", "city user: every township station", CityUser, async db =>
                await StationStaffing.Handle(db, new StationStaffing.Query(Area: Scale.BijieCity))),
        ];

        if (countyTalent is null) cases = [.. cases.Where(c => !c.Name.StartsWith("new talents", StringComparison.Ordinal))];
        cases = TimedRounds.Only(cases, options.Get("only"));
        await rounds.DescribeAsync(stamp: true);
        if (options.Get("import-only") is null)
        {
            var results = await rounds.RunAsync(cases);
            rounds.PrintTable(results, ratio: true, TimedRounds.P99);
            Console.WriteLine($"Load average at end {TimedRounds.LoadAverage()}.");
            await rounds.ExplainSlowAsync(results);
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
        Console.WriteLine($"Import: {file} ({new FileInfo(file).Length / 1024.0:0} KB, {rowsWanted:N0} rows, 七星关区 {importYear}); {imports} run(s), each rolled back; load {TimedRounds.LoadAverage()}");
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
                    + $"{imported.NewSocialWorkers:N0} new social workers) = {imported.Rows / handled:N0} rows/s; goal < 10 s: {(handled < 10 ? "met" : "MISSED")}; load {TimedRounds.LoadAverage()}");
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
}
