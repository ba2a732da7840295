using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Exams;
using Wushe.Features.Workforce.Talents;
using Wushe.Features.Workforce.Trainings;
using Wushe.Platform;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Generate;

/// <summary>
/// 社会工作人才 at city scale (issue 11). <see cref="WorkerCount"/> (30,000) social workers employed across the scale — by the township
/// stations (35%), the organizations of the organizations kind (20%, none without it), communities and villages (35%) and other units
/// (10%) —, ~40% of them qualified (assistant, intermediate, senior; an earlier assistant qualification under some intermediate ones),
/// registered within a year of qualifying (75%) and renewed every three years when the period's continuing education reaches
/// <see cref="WorkforceRules.RequiredMinutes"/>, with other continuing-education records; a few linked to the township workers'
/// accounts. <see cref="CandidateCount"/> (≈200,000) exam results over 2021–2025 by county (the employed who qualified in those years by
/// exam, with their failed sittings, and people outside the register's employers, who are social workers without an employer — as the
/// product's import makes them), each outcome computed by <see cref="ExamRules.Evaluate"/> with a lower line in one designated county; a
/// qualification by exam follows each pass of an employed person. <see cref="TrainingCount"/> (3,000) trainings of the city, counties,
/// stations and organizations over five years with ≈<see cref="EnrolmentCount"/> (150,000) enrolments (80% register people of the
/// training's area), attendance recorded after the course and credited as an <see cref="EducationRecord"/> per attendance of a register
/// person; one new-talent definition per county. The roll-up columns of <see cref="SocialWorker"/> are set as
/// <see cref="WorkforceRules.Roll"/> sets them. Bulk-written with the big tables' secondary indexes dropped and rebuilt.
/// </summary>
sealed class WorkforceKind : IRecordKind
{
    public const int WorkerCount = 30_000;
    public const int CandidateCount = 200_000;
    public const int TrainingCount = 3_000;
    public const int EnrolmentCount = 150_000;
    public const int FirstYear = 2021, LastYear = 2025;
    /// <summary>The designated county with a lower pass line (55) for the assistant level's two subjects, every year.</summary>
    public const string DesignatedCounty = "520526000000";

    static readonly Type[] Tables = [typeof(SocialWorker), typeof(Qualification), typeof(Registration), typeof(EducationRecord), typeof(ExamCandidate), typeof(Training), typeof(TrainingEnrolment)];

    public string Name => "workforce: social workers + exams + trainings";

    static readonly string[] Posts = ["社工", "站长", "项目主管", "督导", "社工助理", "专职社工", "驻村社工"];
    static readonly string[] Topics = ["社会工作专业能力提升", "儿童关爱服务实务", "养老服务与社会工作", "个案管理实务", "社区治理与社会工作", "社会救助政策解读", "心理危机干预", "项目设计与评估",
        "社会工作伦理", "小组工作方法", "乡村振兴与社会工作", "志愿服务管理"];
    static readonly string[] OtherUnits = ["县人民医院", "县第一中学", "县残联", "县妇联", "团县委", "县养老院", "县儿童福利院"];

    sealed class Person
    {
        public required SocialWorker Worker;
        public required string County;
        public required string Township;
        public bool Employed;
        public List<Qualification> Quals = [];
        public List<EducationRecord> Education = [];
    }

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var today = ctx.Today;
        var f = ctx.Townships.Count() / 279.0;
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var villages = (await db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
                .OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync())
            .Select(v => (v.Code, v.Name)).ToList();
        var townships = ctx.Townships.ToList();
        var counties = ctx.Places.Where(p => p.Level == AreaLevel.County).ToList();
        // The township scale holds no county: the township's own (for the exam areas, county trainings and the talent definition).
        var rootCounty = ctx.Scale.RootCode[..6] + "000000";
        if (counties.Count == 0)
            counties = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.Code == rootCounty).ToListAsync();
        var stations = ctx.Stations.Where(s => s.Level == StationLevel.TownshipStation).ToList();
        var orgs = ctx.Organizations.Select(o => o.Organization).ToList();
        var swUsers = ctx.Users.Where(u => u.UserName!.StartsWith("sw.", StringComparison.Ordinal) && AreaCode.LevelOf(u.HomeAreaCode) == AreaLevel.Township)
            .OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
        var bureau = ctx.Users.FirstOrDefault(u => u.UserName == StaffUsers.BenchUser);
        var (byId, byName) = (bureau?.Id, bureau?.DisplayName ?? "市民政局");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long phone = 13_900_000_000;
        var people = new List<Person>();

        Person NewPerson(string area, bool employed, DateOnly enteredOn)
        {
            var age = r.Next(100) switch { < 35 => r.Next(22, 30), < 80 => r.Next(30, 45), _ => r.Next(45, 60) };
            var birth = today.AddYears(-age).AddDays(-r.Next(0, 365));
            var sex = r.Next(100) < 72 ? Sex.Female : Sex.Male;
            var id = NewId(r, ids, area[..6], birth, sex);
            var w = new SocialWorker(area, Names.Person(r), ctx.Sealer.Seal(SensitiveKind.IdNumber, id), birth, sex, byId, byName, ctx.At(enteredOn, r.Next(8, 19)));
            var edu = (Education)(r.Next(100) switch { < 5 => 2, < 45 => 3, < 93 => 4, _ => 5 });
            w.Describe(w.Name, employed || r.Next(3) == 0 ? ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString(CultureInfo.InvariantCulture)) : null, employed ? edu : null);
            var p = new Person { Worker = w, County = area[..6] + "000000", Township = area[..9] + "000", Employed = employed };
            people.Add(p);
            return p;
        }

        // 1. The employed register: by employer.
        var workerCount = (int)Math.Round(WorkerCount * f);
        var linked = 0;
        for (var i = 0; i < workerCount; i++)
        {
            var roll = r.Next(100);
            var started = today.AddDays(-r.Next(30, 10 * 365));
            var entered = started < new DateOnly(2021, 1, 1) ? new DateOnly(2021, 1, 1).AddDays(r.Next(0, 300)) : started.AddDays(r.Next(0, 30));
            if (entered > today) entered = today;
            Person p;
            if (roll < 35 && stations.Count > 0)
            {
                var s = stations[r.Next(stations.Count)];
                p = NewPerson(s.AreaCode, true, entered);
                p.Worker.Employ(s.AreaCode, EmployerKind.Station, s.Id, null, s.Name, Posts[r.Next(Posts.Length)], started);
            }
            else if (roll < 55 && orgs.Count > 0)
            {
                var o = orgs[r.Next(orgs.Count)];
                p = NewPerson(o.AreaCode, true, entered);
                p.Worker.Employ(o.AreaCode, EmployerKind.Organization, null, o.Id, o.Name, Posts[r.Next(Posts.Length)], started);
            }
            else if (roll < 90 && villages.Count > 0)
            {
                var v = villages[r.Next(villages.Count)];
                p = NewPerson(v.Code, true, entered);
                p.Worker.Employ(v.Code, EmployerKind.Community, null, null, v.Name + (v.Name.EndsWith('村') ? "村民委员会" : "居民委员会"), "社区社工", started);
            }
            else
            {
                var t = townships[r.Next(townships.Count)];
                p = NewPerson(t.Code, true, entered);
                var unit = OtherUnits[r.Next(OtherUnits.Length)];
                p.Worker.Employ(t.Code, EmployerKind.Other, null, null, Names.Short(counties.First(c => c.Code[..6] == t.Code[..6]).Name) + unit[1..], "社工", started);
            }
            if (r.Next(100) < 6) p.Worker.SetStatus(SocialWorkerStatus.Left, "离职");
            // The township workers' accounts: one social worker each, at their station.
            if (p.Worker.EmployerKind == EmployerKind.Station && linked < swUsers.Count && swUsers[linked].HomeAreaCode[..9] == p.Worker.AreaCode[..9])
                p.Worker.LinkAccount(swUsers[linked++].Id);
        }
        // The rest of the township accounts: a station worker each, where the station is.
        foreach (var u in swUsers.Skip(linked))
        {
            var s = stations.FirstOrDefault(x => x.AreaCode[..9] == u.HomeAreaCode[..9]);
            if (s is null) continue;
            var p = NewPerson(s.AreaCode, true, today.AddDays(-r.Next(30, 1500)));
            p.Worker.Employ(s.AreaCode, EmployerKind.Station, s.Id, null, s.Name, "社工", today.AddDays(-r.Next(400, 3000)));
            p.Worker.LinkAccount(u.Id);
        }
        var employed = people.ToList();

        // 2. Pass lines: a lower line (55) for the assistant level in the designated county, every year.
        var lines = new List<ExamPassLine>();
        if (counties.Any(c => c.Code == DesignatedCounty))
            for (var y = FirstYear; y <= LastYear; y++)
                for (var s = 1; s <= 2; s++) lines.Add(new ExamPassLine(y, SocialWorkLevel.Assistant, s, DesignatedCounty, 55, byId, byName, ctx.At(new DateOnly(y, 5, 20))));
        var passLines = lines.Select(l => l.Line).ToList();

        // 3. Exam sittings. Each person sits a level in consecutive years (from a first year) until passing or giving up.
        var candidates = new List<ExamCandidate>();
        var candidateTarget = (int)Math.Round(CandidateCount * f);
        var certSeq = 0;
        void Sit(Person p, SocialWorkLevel level, int firstYear, bool aimToPass)
        {
            var years = new List<int>();
            var maxTries = level == SocialWorkLevel.Intermediate ? 4 : 3;
            var sittings = new List<(int Year, int? S1, int? S2, int? S3, bool? Review)>();
            for (var y = firstYear; y <= LastYear && sittings.Count < maxTries; y++)
            {
                var last = y == LastYear || sittings.Count == maxTries - 1;
                int? Score(int subject)
                {
                    if (subject > ExamRules.SubjectCount(level)) return null;
                    if (r.Next(100) < 7) return null; // absent
                    var mean = level switch { SocialWorkLevel.Assistant => 58, SocialWorkLevel.Intermediate => 56, _ => 58 };
                    var sc = (int)Math.Round(mean + 12 * Gaussian(r));
                    if (aimToPass && (last || r.Next(3) == 0)) sc = Math.Max(sc, 60 + r.Next(0, 20));
                    return Math.Clamp(sc, 0, 100);
                }
                sittings.Add((y, Score(1), Score(2), Score(3), level == SocialWorkLevel.Senior ? r.Next(100) < 70 : null));
                var outcomes = ExamRules.Evaluate(level, [.. sittings.Select(s => new ExamRules.Sitting(s.Year, p.County, s.S1, s.S2, s.S3, s.Review))], passLines);
                if (outcomes[^1].Passed) break;
                if (!aimToPass && r.Next(100) < 35) break; // gives up
            }
            var final = ExamRules.Evaluate(level, [.. sittings.Select(s => new ExamRules.Sitting(s.Year, p.County, s.S1, s.S2, s.S3, s.Review))], passLines);
            for (var i = 0; i < sittings.Count; i++)
            {
                var s = sittings[i];
                var c = new ExamCandidate(s.Year, level, p.Worker.Id, p.Worker.IdNumber.Masked, p.County, p.Worker.Name, byId, byName, ctx.At(new DateOnly(s.Year, 9, 10).AddDays(r.Next(0, 40))));
                c.Score(p.County, p.Worker.Name, s.S1, s.S2, s.S3, s.Review);
                c.Result(final[i]);
                candidates.Add(c);
                // An employed person's pass becomes a qualification by exam (the certificate in the winter after the sitting).
                if (p.Employed && ExamRules.Qualifies(level, final[i].Passed, s.Review) && p.Quals.All(q => q.Level != level))
                {
                    var on = new DateOnly(s.Year, 12, 1).AddDays(r.Next(0, 40));
                    if (on <= today) p.Quals.Add(new Qualification(p.Worker, level, QualificationRoute.Exam, on, $"{(int)level}{s.Year}{p.County[..6]}{++certSeq:000000}"));
                }
            }
        }
        SocialWorkLevel PickLevel() => r.Next(100) switch { < 64 => SocialWorkLevel.Assistant, < 96 => SocialWorkLevel.Intermediate, _ => SocialWorkLevel.Senior };
        foreach (var p in employed)
        {
            var roll = r.Next(100);
            if (roll < 17)
            {
                // Qualified before 2021 (no exam records here): assistant or intermediate, some intermediates over an earlier assistant one.
                var level = r.Next(100) < 62 ? SocialWorkLevel.Assistant : r.Next(100) < 95 ? SocialWorkLevel.Intermediate : SocialWorkLevel.Senior;
                var year = r.Next(2010, 2021);
                if (level != SocialWorkLevel.Assistant && r.Next(3) == 0 && year > 2011)
                    p.Quals.Add(new Qualification(p.Worker, SocialWorkLevel.Assistant, QualificationRoute.Exam, new DateOnly(r.Next(2009, year), 12, 1).AddDays(r.Next(0, 40)), $"1{year}{p.County[..6]}{++certSeq:000000}"));
                p.Quals.Add(new Qualification(p.Worker, level, level == SocialWorkLevel.Senior ? QualificationRoute.Review : QualificationRoute.Exam,
                    new DateOnly(year, 12, 1).AddDays(r.Next(0, 40)), $"{(int)level}{year}{p.County[..6]}{++certSeq:000000}"));
                // Some of them sat the next level since.
                if (level == SocialWorkLevel.Assistant && r.Next(100) < 30) Sit(p, SocialWorkLevel.Intermediate, r.Next(FirstYear, LastYear + 1), r.Next(2) == 0);
            }
            else if (roll < 38) Sit(p, PickLevel(), r.Next(FirstYear, LastYear + 1), true);
            else if (roll < 62) Sit(p, SocialWorkLevel.Assistant, r.Next(FirstYear, LastYear + 1), false);
        }
        // People outside the register's employers (students, staff of other units): social workers without an employer, as the import enters them.
        while (candidates.Count < candidateTarget)
        {
            var t = townships[r.Next(townships.Count)];
            var p = NewPerson(t.Code[..6] + "000000", false, new DateOnly(r.Next(FirstYear, LastYear + 1), 9, 10).AddDays(r.Next(0, 40)));
            Sit(p, PickLevel(), r.Next(FirstYear, LastYear + 1), false);
        }

        // 4. Trainings, enrolments and attendance (credited to continuing education for register people).
        var trainings = new List<Training>();
        var enrolments = new List<TrainingEnrolment>();
        var byCounty = employed.Where(p => p.Worker.Status == SocialWorkerStatus.Active).GroupBy(p => p.County).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byTownship = employed.Where(p => p.Worker.Status == SocialWorkerStatus.Active).GroupBy(p => p.Township).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var allActive = byCounty.Values.SelectMany(x => x).ToList();
        var trainingCount = (int)Math.Round(TrainingCount * f);
        var perTraining = (double)EnrolmentCount / TrainingCount;
        var certificates = new HashSet<string>(StringComparer.Ordinal);
        var firstDay = new DateOnly(FirstYear, 1, 1);
        for (var i = 0; i < trainingCount; i++)
        {
            var roll = r.Next(100);
            var starts = firstDay.AddDays(r.Next(0, today.DayNumber - firstDay.DayNumber + 60));
            var days = r.Next(100) < 60 ? 1 : r.Next(2, 6);
            var ends = starts.AddDays(days - 1);
            var minutes = days * 60 * r.Next(5, 8);
            var t = new Training(ctx.Scale.RootCode, byId, byName, ctx.At(starts.AddDays(-r.Next(10, 40))));
            string area, organizer;
            TrainingOrganizerKind okind;
            Guid? orgId = null, stationId = null;
            List<Person> pool;
            if (roll < 6) { area = ctx.Scale.RootCode; organizer = ctx.Places[0].Name + "民政局"; okind = TrainingOrganizerKind.Bureau; pool = allActive; }
            else if (roll < 45)
            {
                var c = counties[r.Next(counties.Count)];
                area = c.Code; organizer = Names.Short(c.Name) + (r.Next(2) == 0 ? "民政局" : "社会工作服务总站"); okind = organizer.EndsWith('局') ? TrainingOrganizerKind.Bureau : TrainingOrganizerKind.Centre;
                pool = byCounty.GetValueOrDefault(c.Code) ?? allActive;
            }
            else if (roll < 88 && stations.Count > 0)
            {
                var s = stations[r.Next(stations.Count)];
                area = s.AreaCode; organizer = s.Name; okind = TrainingOrganizerKind.Station; stationId = s.Id;
                pool = byTownship.GetValueOrDefault(s.AreaCode[..9] + "000") is { Count: > 0 } l ? l : byCounty.GetValueOrDefault(s.AreaCode[..6] + "000000") ?? allActive;
            }
            else if (orgs.Count > 0)
            {
                var o = orgs[r.Next(orgs.Count)];
                area = o.AreaCode; organizer = o.Name; okind = TrainingOrganizerKind.Organization; orgId = o.Id;
                pool = byCounty.GetValueOrDefault(o.AreaCode[..6] + "000000") ?? allActive;
            }
            else { area = ctx.Scale.RootCode; organizer = ctx.Places[0].Name + "民政局"; okind = TrainingOrganizerKind.Bureau; pool = allActive; }
            var kind = okind is TrainingOrganizerKind.Bureau or TrainingOrganizerKind.Centre
                ? (TrainingKind)(r.Next(100) switch { < 45 => 1, < 75 => 2, < 90 => 3, _ => 4 })
                : r.Next(100) < 70 ? TrainingKind.Other : TrainingKind.Rotating;
            var capacity = r.Next(20, 101);
            var title = $"{starts.Year}年{Topics[r.Next(Topics.Length)]}{(kind == TrainingKind.EastWest ? "（东西部协作）" : "")}培训班";
            if (title.Length > 50) title = title[..50];
            t.Describe(area, title, kind, okind, organizer, orgId, stationId, starts, ends, minutes, Names.Place(r) + "会议中心", capacity);
            trainings.Add(t);
            var n = Math.Min(capacity, (int)Math.Round(perTraining * Math.Exp(0.35 * Gaussian(r)) * 1.15));
            var taken = new HashSet<Guid>();
            var done = ends < today;
            for (var k = 0; k < n; k++)
            {
                TrainingEnrolment e;
                Person? person = null;
                if (r.Next(100) < 80 && pool.Count > 0 && taken.Add((person = pool[r.Next(pool.Count)]).Worker.Id))
                    e = new TrainingEnrolment(t, person.Worker.Id, person.Worker.Name, person.Worker.Phone, person.Worker.EmployerName, byId, byName, ctx.At(starts.AddDays(-r.Next(1, 10))));
                else
                {
                    person = null;
                    e = new TrainingEnrolment(t, null, Names.Person(r), ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString(CultureInfo.InvariantCulture)),
                        Names.Place(r) + OtherUnits[r.Next(OtherUnits.Length)][1..], byId, byName, ctx.At(starts.AddDays(-r.Next(1, 10))));
                }
                enrolments.Add(e);
                if (!done || r.Next(100) < 8) continue;
                var attended = r.Next(100) < 88 ? minutes : minutes * r.Next(3, 10) / 10;
                e.Attend(attended);
                if (r.Next(100) < 40)
                {
                    string no;
                    do no = $"PXZM-{ends.Year}-{r.Next(100_000_000):00000000}"; while (!certificates.Add(no));
                    e.Certify(no, ends.AddDays(r.Next(0, 10)) > today ? today : ends.AddDays(r.Next(0, 10)));
                }
                if (person is not null)
                    person.Education.Add(new EducationRecord(person.Worker, EducationSource.Training, ends, attended, title, e.Id, byId, byName, ctx.At(ends, 17)));
            }
        }

        // 5. Other continuing education, and registrations (first within the year of qualifying; renewed when the period's hours suffice).
        var registrations = new List<Registration>();
        var regSeq = 0;
        foreach (var p in employed)
        {
            var top = p.Quals.MaxBy(q => q.Level);
            if (top is null) continue;
            // Other learning: 0–4 records a year since qualifying, 6–24 hours each (most reach the hours).
            var diligent = r.Next(100) < 75;
            for (var y = Math.Max(top.ObtainedOn.Year, 2012); y <= today.Year; y++)
                for (var k = diligent ? r.Next(2, 5) : r.Next(0, 2); k > 0; k--)
                {
                    var on = new DateOnly(y, 1, 1).AddDays(r.Next(0, 365));
                    if (on > today || on < top.ObtainedOn) continue;
                    p.Education.Add(new EducationRecord(p.Worker, EducationSource.Other, on, 60 * r.Next(6, 25), "继续教育网络学习", null, byId, byName, ctx.At(on, 20)));
                }
            if (r.Next(100) >= 75) continue; // never registered: due or overdue
            var registeredOn = top.ObtainedOn.AddDays(r.Next(10, 330));
            if (registeredOn > today) continue;
            var required = WorkforceRules.RequiredMinutes(top.Level);
            var from = registeredOn;
            var renewal = false;
            var period = 0;
            while (true)
            {
                var until = WorkforceRules.ValidUntil(from);
                registrations.Add(new Registration(p.Worker, top, renewal, from, until, $"DJ{p.County[..6]}{from.Year}{++regSeq:000000}", period, byId, byName, ctx.At(registeredOn, 10)));
                // Renewal within the 90 days before the end, if the hours of the period since registering reach the level's.
                registeredOn = until.AddDays(-r.Next(1, WorkforceRules.RenewalNoticeDays));
                if (registeredOn > today) break;
                var periodFrom = from;
                var minutes = p.Education.Where(e => e.On >= periodFrom && e.On <= registeredOn).Sum(e => e.Minutes);
                if (minutes < required || r.Next(100) < 10) break; // lapses
                (from, renewal, period) = (until.AddDays(1), true, minutes);
            }
        }
        // The roll-up as WorkforceRules.Roll: the highest level, its date, the latest validity of that level's registrations.
        var untilOf = registrations.GroupBy(x => (x.SocialWorkerId, x.Level)).ToDictionary(g => g.Key, g => g.Max(x => x.ValidUntil));
        foreach (var p in employed)
            if (p.Quals.MaxBy(q => q.Level) is { } top)
                p.Worker.Roll(top.Level, top.ObtainedOn, untilOf.TryGetValue((p.Worker.Id, top.Level), out var u) ? u : null);

        // 6. One new-talent definition per county: this year, newly qualified, employed or trained.
        var talents = counties.Select(c =>
        {
            var d = new TalentDefinition(c.Code, byId, byName, ctx.At(new DateOnly(today.Year, 1, 5)));
            d.Set($"{today.Year}年新增社会工作人才", new DateOnly(today.Year, 1, 1), null, true, true, true, "口径同市民政局年度报告");
            return d;
        }).ToList();

        var quals = people.SelectMany(p => p.Quals).ToList();
        var education = people.SelectMany(p => p.Education).ToList();
        Console.WriteLine($"    ({people.Count:N0} social workers ({employed.Count:N0} employed, {employed.Count(p => p.Worker.Level != null):N0} qualified, {linked + swUsers.Count - linked:N0} accounts), "
            + $"{quals.Count:N0} qualifications, {registrations.Count:N0} registrations ({registrations.Count(x => x.Renewal):N0} renewals), {education.Count:N0} education records, "
            + $"{candidates.Count:N0} exam results ({candidates.Count(c => c.Passed):N0} passed), {trainings.Count:N0} trainings, {enrolments.Count:N0} enrolments "
            + $"({enrolments.Count(e => e.AttendedMinutes != null):N0} attended), {talents.Count} talent definitions)");

        var written = await ctx.InsertAsync(lines) + await ctx.InsertAsync(talents);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        if (sqlite) await Households.Exec(connection, "PRAGMA cache_size=-524288;");
        var indexes = await Households.DropIndexesAsync(connection, sqlite, Tables.Select(t => db.Model.FindEntityType(t)!.GetTableName()!));
        var load = System.Diagnostics.Stopwatch.StartNew();
        written += await Write(connection, sqlite, new BulkTable<SocialWorker>(db), people.Select(p => p.Worker).ToList());
        written += await Write(connection, sqlite, new BulkTable<Qualification>(db), quals);
        written += await Write(connection, sqlite, new BulkTable<Registration>(db), registrations);
        written += await Write(connection, sqlite, new BulkTable<ExamCandidate>(db), candidates);
        written += await Write(connection, sqlite, new BulkTable<Training>(db), trainings);
        written += await Write(connection, sqlite, new BulkTable<TrainingEnrolment>(db), enrolments);
        written += await Write(connection, sqlite, new BulkTable<EducationRecord>(db), education);
        var rebuild = System.Diagnostics.Stopwatch.StartNew();
        foreach (var sql in indexes) await Households.Exec(connection, sql);
        Console.WriteLine($"    (rows written in {load.Elapsed.TotalSeconds:0.0} s; {indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:0.0} s)");
        await db.Database.CloseConnectionAsync();
        return written;
    }

    static async Task<int> Write<T>(DbConnection connection, bool sqlite, BulkTable<T> table, List<T> rows) where T : class
    {
        var n = 0;
        foreach (var chunk in rows.Chunk(50_000))
        {
            await using var tx = sqlite ? await connection.BeginTransactionAsync() : null;
            n += await table.WriteAsync(connection, tx, chunk);
            if (tx is not null) await tx.CommitAsync();
        }
        return n;
    }

    /// <summary>A valid 18-character ID (GB 11643), unique in the run.</summary>
    internal static string NewId(Random r, HashSet<string> ids, string county, DateOnly birth, Sex sex)
    {
        while (true)
        {
            var seq = r.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var first = $"{county}{birth:yyyyMMdd}{seq:000}";
            if (ids.Add(first)) return first + ResidentId.CheckChar(first);
        }
    }

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
