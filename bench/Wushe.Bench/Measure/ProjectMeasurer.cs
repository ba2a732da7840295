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
    static readonly CurrentUser CityUser = TimedRounds.CityUser;

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = TimedRounds.From(options, reps: 30, warmup: 5);
        var target = rounds.Target;
        var today = rounds.Today;
        var clock = rounds.Clock;
        var sealer = new Sealer(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));
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
            TimedRounds.SelectOne,
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
            }) { GoalMs = 1000 },
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
            }) { Explain = false },
        ];
        cases = TimedRounds.Only(cases, options.Get("only"));
        await rounds.DescribeAsync();
        var results = await rounds.RunAsync(cases);
        rounds.PrintTable(results);
        Console.WriteLine($"Load average at end {TimedRounds.LoadAverage()}.");
        await rounds.ExplainSlowAsync(results, timeAlone: true);
        return 0;
    }
}
