using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>charity (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--checks N]</c>: times the
/// charity reads of issue 10 against a database made by <c>generate</c> with the charity kind (the same <c>--today</c>; the clock at 20:00
/// China time): a fund's public page (<see cref="PublicFund"/>: the fund with most donations, its donations and its spending, and a fund of
/// median size), an area's fund totals (<see cref="PublicFunds"/> for the city and a county, <see cref="ListFunds"/> for the city user), the
/// 慈善资金统计 report (<see cref="CharityReport"/>, this year to this month) for the city, 七星关区 and 市西街道, and the home page's charity
/// figures (<see cref="CharityFigures"/>). Then the invariant check over the whole city (<see cref="CheckFundLedgers"/>, <c>--checks</c>
/// (3) times, each timed; it must find nothing). <c>--only</c>: the cases whose name contains the text (and the baseline). Median, p95 (nearest rank), SQL commands per call, ratio to the baseline (<c>SELECT 1</c>)
/// of the same run; plans of the slow ones.
/// </summary>
static class CharityMeasurer
{
    static readonly CurrentUser CityUser = TimedRounds.CityUser;
    const string County = Scale.Qixingguan;
    const string Township = "520502001000";

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = TimedRounds.From(options, reps: 30, warmup: 5);
        var target = rounds.Target;
        var checks = options.Get("checks", 3);
        var today = rounds.Today;
        var clock = rounds.Clock;
        Guid largest, median;
        await using (var db = target.OpenAsSystem())
        {
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var perFund = await db.Set<Donation>().IgnoreQueryFilters().GroupBy(d => d.FundId).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Count).ToListAsync();
            if (perFund.Count == 0) throw new UsageException("No donations: generate the charity kind first (generate … --only charity).");
            largest = perFund[^1].Key;
            median = perFund[perFund.Count / 2].Key;
            var payments = await db.Set<DisbursementPayment>().IgnoreQueryFilters().CountAsync(p => p.FundId == largest);
            var counts = new
            {
                Funds = await db.Set<CommunityFund>().IgnoreQueryFilters().CountAsync(),
                Donations = perFund.Sum(p => p.Count),
                Entries = await db.Set<FundEntry>().IgnoreQueryFilters().CountAsync(),
                Requests = await db.Set<DisbursementRequest>().IgnoreQueryFilters().CountAsync(),
                Wishes = await db.Set<Wushe.Features.Charity.Wishes.Wish>().IgnoreQueryFilters().CountAsync(),
            };
            Console.WriteLine($"Data: {counts.Funds:N0} funds, {counts.Donations:N0} donations, {counts.Entries:N0} ledger entries, {counts.Requests:N0} disbursement requests, "
                + $"{counts.Wishes:N0} wishes; the largest fund has {perFund[^1].Count:N0} donations and {payments:N0} payments, the median fund {perFund[perFund.Count / 2].Count:N0} donations.");
        }

        Case[] cases =
        [
            TimedRounds.SelectOne,
            new("public fund page, largest fund: donations (PublicFund)", "anyone: the fund, its money, page 1 of its donations newest first + counts", CityUser, async db =>
            {
                if (!(await PublicFund.Handle(db, clock, new CharityOptions(), largest, new PublicFund.Query())).IsOk) throw new InvalidOperationException("PublicFund refused");
            }),
            new("public fund page, largest fund: spending (PublicFund ?view=spending)", "anyone: the fund, page 1 of its payments with what they paid for + counts", CityUser, async db =>
            {
                if (!(await PublicFund.Handle(db, clock, new CharityOptions(), largest, new PublicFund.Query(View: "spending"))).IsOk) throw new InvalidOperationException("PublicFund refused");
            }),
            new("public fund page, median fund (PublicFund)", "anyone: a fund of median size, page 1 of its donations", CityUser, async db =>
            {
                if (!(await PublicFund.Handle(db, clock, new CharityOptions(), median, new PublicFund.Query())).IsOk) throw new InvalidOperationException("PublicFund refused");
            }),
            new("public fund totals, city (PublicFunds)", "anyone: every fund of the city summed + page 1 of funds", CityUser, async db =>
                await PublicFunds.Handle(db, clock, new CharityOptions(), new PublicFunds.Query(Area: Scale.BijieCity))),
            new("public fund totals, county (PublicFunds)", "anyone: 七星关区's funds summed + page 1", CityUser, async db =>
                await PublicFunds.Handle(db, clock, new CharityOptions(), new PublicFunds.Query(Area: County))),
            new("staff fund list, city (ListFunds)", "city user: every fund of the scope summed + page 1", CityUser, async db =>
                await ListFunds.Handle(db, new ListFunds.Query())),
            new("慈善资金统计, city (CharityReport)", "city user: this year to this month, by donor type, campaign, purpose, county", CityUser, async db =>
            {
                if (!(await CharityReport.Handle(db, CityUser, clock, new CharityReport.Query(Area: Scale.BijieCity))).IsOk) throw new InvalidOperationException("CharityReport refused");
            }),
            new("慈善资金统计, county (CharityReport)", "city user: 七星关区, by township", CityUser, async db =>
            {
                if (!(await CharityReport.Handle(db, CityUser, clock, new CharityReport.Query(Area: County))).IsOk) throw new InvalidOperationException("CharityReport refused");
            }),
            new("慈善资金统计, township (CharityReport)", "city user: 市西街道, by community and by fund", CityUser, async db =>
            {
                if (!(await CharityReport.Handle(db, CityUser, clock, new CharityReport.Query(Area: Township))).IsOk) throw new InvalidOperationException("CharityReport refused");
            }),
            new("home: charity figures, city (CharityFigures)", "city user: funds' money, this year's raising, running campaigns, requests, wish figures", CityUser, async db =>
                await CharityFigures.Handle(db, CityUser, clock)),
        ];

        cases = TimedRounds.Only(cases, options.Get("only"));
        await rounds.DescribeAsync(stamp: true);
        var results = await rounds.RunAsync(cases);
        rounds.PrintTable(results);
        Console.WriteLine($"Load average at end {TimedRounds.LoadAverage()}.");

        // The invariant check over the whole city, as the bureau runs it (台账核对): timed, and it must find nothing.
        Console.WriteLine();
        for (var i = 0; i < checks; i++)
        {
            var sent = target.Commands.Count;
            var watch = Stopwatch.StartNew();
            await using var db = target.Open(CityUser);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var report = await CheckFundLedgers.Handle(db, clock, new CheckFundLedgers.Query());
            Console.WriteLine($"Ledger check, city (CheckFundLedgers), run {i + 1}: {watch.Elapsed.TotalSeconds:0.00} s, {target.Commands.Count - sent} SQL commands; {report.Funds:N0} funds, "
                + $"{report.Entries:N0} entries, {report.Donations:N0} donations: {(report.Discrepancies.Count == 0 ? "CLEAN" : $"{report.Discrepancies.Count:N0} DISCREPANCIES")} "
                + $"(goal < 10 s: {(watch.Elapsed.TotalSeconds < 10 ? "met" : "MISSED")}); load {TimedRounds.LoadAverage()}");
            foreach (var d in report.Discrepancies.Take(10)) Console.WriteLine($"  {d.FundNo} {d.Problem}");
        }
        if (options.Get("explain-check") is not null)
        {
            await rounds.ExplainAsync("ledger check", CityUser, async db => await CheckFundLedgers.Handle(db, clock, new CheckFundLedgers.Query()));
        }

        // --record N: N donations recorded one after another in process (RecordDonation.Handle, a fresh context each, no HTTP, no
        // idempotency record, no concurrency) on the largest fund, as its township's worker: SQL commands and time per donation.
        if (options.Get("record") is not null)
        {
            var n = options.Get("record", 200);
            CurrentUser worker;
            await using (var db = target.OpenAsSystem())
            {
                var area = await db.Set<CommunityFund>().IgnoreQueryFilters().Where(x => x.Id == largest).Select(x => x.AreaCode).SingleAsync();
                var township = area[..9] + "000";
                var userName = "sw." + area[..9] + ".1";
                var u = await db.Users.Where(x => x.UserName == userName).Select(x => new { x.Id, x.UserName }).SingleAsync();
                worker = new CurrentUser(u.Id, u.UserName!, [new Assignment(Role.StationWorker, township, "", null)], null);
            }
            var ms = new List<double>();
            long sent = 0;
            for (var i = 0; i < n; i++)
            {
                var before = target.Commands.Count;
                var watch = Stopwatch.StartNew();
                await using (var db = target.Open(worker))
                {
                    var r = await RecordDonation.Handle(db, worker, TimeProvider.System, largest, new RecordDonation.Request(DonorKind.Individual, "bench-local", false, null,
                        DonationChannel.WeChat, 88.5m, null, new DateOnly(2026, 11, 1), null));
                    if (!r.IsOk) throw new InvalidOperationException($"RecordDonation refused: {r.Failure}");
                }
                if (i >= n / 4) { ms.Add(watch.Elapsed.TotalMilliseconds); sent += target.Commands.Count - before; }
            }
            var st = new Stats("record", ms);
            Console.WriteLine();
            Console.WriteLine($"RecordDonation in process, {n} one after another on the largest fund (the last {ms.Count} timed): {(double)sent / ms.Count:0.0} SQL commands each, "
                + $"median {st.Median:0.0} ms, p95 {st.P95:0.0} ms; load {TimedRounds.LoadAverage()}");
            if (options.Get("log-sql") is null)
            {
                target.Commands.Recording = [];
                await using (var db = target.Open(worker))
                    await RecordDonation.Handle(db, worker, TimeProvider.System, largest, new RecordDonation.Request(DonorKind.Individual, "bench-local", false, null,
                        DonationChannel.WeChat, 88.5m, null, new DateOnly(2026, 11, 1), null));
                foreach (var (sql, _) in target.Commands.Recording) Console.WriteLine("  " + string.Join(' ', sql.Split('\n', StringSplitOptions.TrimEntries))[..Math.Min(160, sql.Length)]);
                target.Commands.Recording = null;
            }
        }

        await rounds.ExplainSlowAsync(results);
        return 0;
    }
}
