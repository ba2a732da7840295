using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Features.Volunteers.Teams;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>volunteers (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS]</c>: times the
/// volunteer reads of issue 9 against a database made by <c>generate</c> (the same <c>--today</c>; the clock at 20:00 China time):
/// the profile volunteer (<c>zy.000000</c>, five years of records) reading their hours (MyHours, page 1 with the stars) and their
/// registration (GetVolunteer.Mine); their final hours per year over five years (provisional: the shape of the credit record, which
/// has no use case yet); staff reading that volunteer's records (ListHourRecords by number); the statistics of the largest team
/// (TeamStatistics.OfAsync); the city's final hours by county for the year — from the roll-up (HourTotal; no use case yet, so a
/// provisional query of it) and, for comparison, from the records themselves; and the home page's volunteer figures
/// (VolunteerFigures). Then the reconciliation: the roll-up <see cref="HourTotal"/> equals the final records summed by area and
/// year, and every <see cref="Volunteer.FinalMinutes"/> equals that volunteer's final records summed (timed, once). Median, p95
/// (nearest rank), SQL commands per call, ratio to the baseline (<c>SELECT 1</c>) of the same run; plans of the slow ones.
/// </summary>
static class VolunteerMeasurer
{
    static readonly CurrentUser CityUser = TimedRounds.CityUser;

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = TimedRounds.From(options, reps: 30, warmup: 5);
        var target = rounds.Target;
        var today = rounds.Today;
        var clock = rounds.Clock;
        CurrentUser profile;
        string profileNo;
        Guid team;
        await using (var db = target.OpenAsSystem())
        {
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var user = await db.Users.Where(u => u.UserName == VolunteersKind.ProfileUser).Select(u => new { u.Id, u.HomeAreaCode }).SingleAsync();
            profile = new CurrentUser(user.Id, VolunteersKind.ProfileUser, [new Assignment(Role.Volunteer, user.HomeAreaCode, "", null)], null);
            var me = await db.Set<Volunteer>().IgnoreQueryFilters().SingleAsync(v => v.UserId == user.Id);
            profileNo = me.VolunteerNo;
            var records = await db.Set<HourRecord>().IgnoreQueryFilters().CountAsync(r => r.VolunteerId == me.Id);
            var top = await db.Set<TeamMember>().IgnoreQueryFilters().Where(m => m.Status == MembershipStatus.Active).GroupBy(m => m.TeamId)
                .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
            team = top.Key;
            var counts = new
            {
                Volunteers = await db.Set<Volunteer>().IgnoreQueryFilters().CountAsync(),
                Records = await db.Set<HourRecord>().IgnoreQueryFilters().CountAsync(),
                Totals = await db.Set<HourTotal>().IgnoreQueryFilters().CountAsync(),
            };
            Console.WriteLine($"Data: {counts.Volunteers:N0} volunteers, {counts.Records:N0} hour records, {counts.Totals:N0} HourTotal rows; the profile volunteer "
                + $"{profileNo} has {records:N0} records ({me.FinalMinutes / 60.0:N0} final hours); the largest team has {top.Count:N0} active members.");
        }
        var year = today.Year;

        Case[] cases =
        [
            TimedRounds.SelectOne,
            new("profile: my hours (MyHours)", "the volunteer: final and posted minutes, stars and progress, records page 1 of 20 newest first + total", profile, async db =>
            {
                var r = await MyHours.Handle(db, profile, clock, null, null);
                if (!r.IsOk) throw new InvalidOperationException($"MyHours refused: {r.Failure}");
            }),
            new("profile: my registration (GetVolunteer.Mine)", "the volunteer: registration with area path, masked ID and phone", profile, async db =>
            {
                var r = await GetVolunteer.Mine(db, profile, clock);
                if (!r.IsOk) throw new InvalidOperationException($"GetVolunteer.Mine refused: {r.Failure}");
            }),
            new("profile: final hours per year, 5 years (provisional)", "the volunteer: final minutes and records by year (the credit record's shape; no use case yet)", profile, async db =>
            {
                var me = await SignUpForShift.MineAsync(db, profile, default) ?? throw new InvalidOperationException("no registration");
                var from = today.AddYears(-5);
                await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.VolunteerId == me.Id && r.Status == HourRecordStatus.Final && r.ServiceDate >= from)
                    .GroupBy(r => r.ServiceDate.Year).Select(g => new { g.Key, Minutes = g.Sum(r => r.Minutes), Records = g.Count() }).ToListAsync();
            }),
            new("staff: the volunteer's records (ListHourRecords by number)", "city user: page 1 of the profile volunteer's records + totals", CityUser, async db =>
                await ListHourRecords.Handle(db, new ListHourRecords.Query(Keyword: profileNo))),
            new("team statistics, largest team (TeamStatistics)", "city user: members, active in 12 months, activities this year, final hours this year of members", CityUser, async db =>
                await TeamStatistics.OfAsync(db, team, clock, default)),
            new("city hours by county, year (HourTotal roll-up, provisional)", "city user: final minutes and records per county this year from the roll-up", CityUser, async db =>
                await db.Set<HourTotal>().Where(h => h.Year == year).GroupBy(h => h.AreaCode.Substring(0, 6))
                    .Select(g => new { g.Key, Minutes = g.Sum(h => h.Minutes), Records = g.Sum(h => h.Records) }).ToListAsync()),
            new("city hours by county, year, from the records (no roll-up)", "city user: the same summed over the year's final records", CityUser, async db =>
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year, 12, 31);
                await db.Set<HourRecord>().Where(r => r.Status == HourRecordStatus.Final && r.ServiceDate >= from && r.ServiceDate <= to).GroupBy(r => r.AreaCode.Substring(0, 6))
                    .Select(g => new { g.Key, Minutes = g.Sum(r => (long)r.Minutes), Records = g.Count() }).ToListAsync();
            }) { GoalMs = double.MaxValue },
            new("home: volunteer figures, city (VolunteerFigures)", "city user: active/self/staff/suspended, teams, year's minutes (roll-up), posted and disputed", CityUser, async db =>
                await Wushe.Features.Home.VolunteerFigures.Handle(db, clock)),
            new("home: the volunteer counts from the register (no roll-up)", "city user: the same four counts read from every volunteer of the scope, as before VolunteerTally", CityUser, async db =>
                await db.Set<Volunteer>().GroupBy(v => new { v.Status, v.Source }).Select(g => new { g.Key.Status, g.Key.Source, Count = g.Count() }).ToListAsync())
            { GoalMs = double.MaxValue },
        ];

        await rounds.DescribeAsync();
        var results = await rounds.RunAsync(cases);
        rounds.PrintTable(results);
        Console.WriteLine($"Load average at end {TimedRounds.LoadAverage()}.");

        // Reconciliation: the roll-ups against the records they sum.
        {
            await using var db = target.OpenAsSystem();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var watch = Stopwatch.StartNew();
            var fromRecords = await db.Set<HourRecord>().IgnoreQueryFilters().Where(r => r.Status == HourRecordStatus.Final)
                .GroupBy(r => new { r.AreaCode, r.ServiceDate.Year }).Select(g => new { g.Key.AreaCode, g.Key.Year, Minutes = g.Sum(r => (long)r.Minutes), Records = g.Count() })
                .ToListAsync();
            var rollup = await db.Set<HourTotal>().IgnoreQueryFilters().ToListAsync();
            var byKey = rollup.ToDictionary(h => (h.AreaCode, h.Year));
            var wrong = fromRecords.Count(x => !byKey.TryGetValue((x.AreaCode, x.Year), out var h) || h.Minutes != x.Minutes || h.Records != x.Records)
                + rollup.Count(h => !fromRecords.Any(x => x.AreaCode == h.AreaCode && x.Year == h.Year) && (h.Minutes != 0 || h.Records != 0));
            var totalsTime = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var volunteersWrong = await db.Set<Volunteer>().IgnoreQueryFilters().CountAsync(v => v.FinalMinutes != db.Set<HourRecord>().IgnoreQueryFilters()
                .Where(r => r.VolunteerId == v.Id && r.Status == HourRecordStatus.Final).Sum(r => r.Minutes));
            var volunteersTime = watch.Elapsed.TotalMilliseconds;
            var cityYear = rollup.Where(h => h.Year == year).Sum(h => h.Minutes);
            Console.WriteLine();
            Console.WriteLine($"Reconciliation: HourTotal ({rollup.Count:N0} rows) against the final records grouped by area and year ({fromRecords.Count:N0} groups): "
                + $"{(wrong == 0 ? "equal" : $"{wrong:N0} DIFFER")} ({totalsTime:0} ms); Volunteer.FinalMinutes against each volunteer's final records: "
                + $"{(volunteersWrong == 0 ? "equal for every volunteer" : $"{volunteersWrong:N0} DIFFER")} ({volunteersTime:0} ms). City, {year}: {cityYear / 60.0:N0} final hours.");
            watch.Restart();
            var register = await db.Set<Volunteer>().IgnoreQueryFilters().GroupBy(v => new { v.AreaCode, v.Status, v.Source })
                .Select(g => new { g.Key.AreaCode, g.Key.Status, g.Key.Source, Count = g.Count() }).ToListAsync();
            var tallies = (await db.Set<VolunteerTally>().ToListAsync()).Where(t => t.Count != 0).ToDictionary(t => (t.AreaCode, t.Status, t.Source), t => t.Count);
            var talliesWrong = register.Count(r => tallies.GetValueOrDefault((r.AreaCode, r.Status, r.Source)) != r.Count) + Math.Max(0, tallies.Count - register.Count);
            Console.WriteLine($"Reconciliation: VolunteerTally ({tallies.Count:N0} rows) against the register grouped by area, status and source ({register.Count:N0} groups): "
                + $"{(talliesWrong == 0 ? "equal" : $"{talliesWrong:N0} DIFFER")} ({watch.Elapsed.TotalMilliseconds:0} ms).");
        }

        await rounds.ExplainSlowAsync(results);
        return 0;
    }
}
