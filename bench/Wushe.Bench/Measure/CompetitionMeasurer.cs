using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// <c>competitions (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--only CASE-NAME-PART]</c>:
/// times the reads of issue 12 (公益创投) against a database made by <c>generate</c> with the competitions kind (the same <c>--today</c>; the
/// clock at 20:00 China time): a call's ranking with all its scores (<see cref="GetRanking"/>) for the call with most scores, a call of median
/// size and a call still under review (scores missing), as the Bijie city bureau user (host permission: judges named); the public pages'
/// use cases, anonymous — the public list of calls (<see cref="PublicCompetitions"/>: all, the city, 七星关区, a keyword), a call's public
/// page (<see cref="GetPublicCompetition"/>) and the public notice (<see cref="PublicNotice"/>: the shortlist ranked from all scores) of a
/// decided call and of a call on notice; the host's application list (<see cref="ListApplications"/>, page 1 of the largest call, by number
/// and by request), the staff's call list (<see cref="ListCompetitions"/>), and the judge's own assignments (<see cref="ListMyReviews"/>, the
/// expert with most assignments, all and 待评分). Warm: <c>--warmup</c> (10) untimed rounds, then <c>--reps</c> (100) timed rounds, a round
/// calling every case once, each call on a fresh context. Median, p95 (nearest rank), max; SQL commands per call; ratio to the
/// baseline (<c>SELECT 1</c>) of the same run; the queries and plans of the cases whose p95 passes <c>--explain-over</c> (100 ms).
/// Goal of the issue: p95 &lt; 300 ms for the ranking and the public pages.
/// </summary>
static class CompetitionMeasurer
{
    static readonly CurrentUser CityUser = TimedRounds.CityUser;
    const string County = Scale.Qixingguan;

    /// <summary>The calls and the judge the cases read: chosen from the data, the same way for <c>competitions</c> and <c>competitions-prepare</c>.</summary>
    internal sealed record Chosen(Guid Largest, int LargestApplications, int LargestScores, Guid Typical, int TypicalApplications, int TypicalScores,
        Guid Review, int ReviewMissing, Guid Notice, Guid Decided, Guid JudgeUser, string JudgeLogin, int JudgeAssignments, int Calls, int Applications, int Scores,
        int Judges, int Awarded, Guid LedgerAward, int LedgerEntries, Guid Objected, int Objections, int Awards, int Movements);

    internal static async Task<Chosen> ChooseAsync(AppDb db)
    {
        var calls = await db.Set<Competition>().IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.Status, c.ClosesAt, c.CallNo }).ToListAsync();
        if (calls.Count == 0) throw new UsageException("No calls: generate the competitions kind first (generate … --only competitions).");
        var scores = (await db.Set<CompetitionScore>().IgnoreQueryFilters().GroupBy(s => s.CompetitionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var applications = (await db.Set<CompetitionApplication>().IgnoreQueryFilters().GroupBy(a => a.CompetitionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var missing = (await db.Set<CompetitionScore>().IgnoreQueryFilters().Where(s => !s.Recused && s.ScoredAt == null).GroupBy(s => s.CompetitionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).ToDictionary(x => x.Key, x => x.Count);
        var scored = calls.Where(c => scores.ContainsKey(c.Id)).OrderBy(c => scores[c.Id]).ThenBy(c => c.CallNo, StringComparer.Ordinal).ToList();
        var largest = scored[^1].Id;
        var typical = scored[scored.Count / 2].Id;
        var review = scored.Where(c => c.Status == CompetitionStatus.Published).OrderByDescending(c => missing.GetValueOrDefault(c.Id)).ThenBy(c => c.CallNo, StringComparer.Ordinal)
            .Select(c => c.Id).FirstOrDefault();
        var awardedBy = (await db.Set<CompetitionApplication>().IgnoreQueryFilters()
                .Where(a => a.Status == ApplicationStatus.Awarded || a.Status == ApplicationStatus.Shortlisted).GroupBy(a => a.CompetitionId)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).ToDictionary(x => x.Key, x => x.Count);
        Guid Most(CompetitionStatus status) => calls.Where(c => c.Status == status).OrderByDescending(c => awardedBy.GetValueOrDefault(c.Id))
            .ThenByDescending(c => scores.GetValueOrDefault(c.Id)).ThenBy(c => c.CallNo, StringComparer.Ordinal).Select(c => c.Id).FirstOrDefault();
        var notice = Most(CompetitionStatus.Notice);
        var decided = Most(CompetitionStatus.Decided);
        if (review == Guid.Empty || notice == Guid.Empty || decided == Guid.Empty)
            throw new UsageException("The data lacks a call under review, on notice or decided: generate the competitions kind at county or city scale.");
        // The judge with most assignments (one account may sit on several panels).
        var busiest = await (from s in db.Set<CompetitionScore>().IgnoreQueryFilters()
                             join j in db.Set<CompetitionJudge>().IgnoreQueryFilters() on s.JudgeId equals j.Id
                             group s by j.UserId into g
                             select new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key).FirstAsync();
        var login = await db.Users.Where(u => u.Id == busiest.Key).Select(u => u.UserName!).SingleAsync();
        // The award with the longest ledger (a closed one: three releases; or stopped with a claw-back), the call on notice with most objections.
        var ledger = await db.Set<CompetitionAward>().IgnoreQueryFilters().OrderByDescending(a => a.Entries).ThenBy(a => a.AgreementNo).Select(a => new { a.Id, a.Entries }).FirstOrDefaultAsync();
        var objected = (await db.Set<CompetitionObjection>().IgnoreQueryFilters().GroupBy(o => o.CompetitionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var objectedNotice = calls.Where(x => x.Status == CompetitionStatus.Notice).OrderByDescending(x => objected.GetValueOrDefault(x.Id)).ThenBy(x => x.CallNo, StringComparer.Ordinal)
            .Select(x => x.Id).First();
        return new Chosen(largest, applications.GetValueOrDefault(largest), scores[largest], typical, applications.GetValueOrDefault(typical), scores[typical],
            review, missing.GetValueOrDefault(review), notice, decided, busiest.Key, login, busiest.Count, calls.Count, applications.Values.Sum(), scores.Values.Sum(),
            await db.Set<CompetitionJudge>().IgnoreQueryFilters().CountAsync(), awardedBy.Values.Sum(), ledger?.Id ?? Guid.Empty, ledger?.Entries ?? 0,
            objectedNotice, objected.GetValueOrDefault(objectedNotice), await db.Set<CompetitionAward>().IgnoreQueryFilters().CountAsync(),
            await db.Set<AwardMovement>().IgnoreQueryFilters().CountAsync());
    }

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = TimedRounds.From(options, reps: 100, warmup: 10);
        var target = rounds.Target;
        var today = rounds.Today;
        var clock = rounds.Clock;
        Chosen c;
        await using (var db = target.OpenAsSystem())
        {
            await db.Database.MigrateAsync();
            c = await ChooseAsync(db);
        }
        Console.WriteLine($"Data: {c.Calls:N0} calls, {c.Applications:N0} applications, {c.Judges:N0} panel seats, {c.Scores:N0} score rows (recusals included), "
            + $"{c.Awarded:N0} shortlisted or awarded. Largest call: {c.LargestApplications} applications, {c.LargestScores} scores; typical (median) call: "
            + $"{c.TypicalApplications} applications, {c.TypicalScores} scores; the call under review: {c.ReviewMissing} scores missing; the judge {c.JudgeLogin}: "
            + $"{c.JudgeAssignments} assignments. Awards: {c.Awards:N0} with {c.Movements:N0} ledger entries (the longest ledger {c.LedgerEntries}); "
            + $"the call on notice with most objections: {c.Objections}.");
        var countyUser = new CurrentUser(Guid.Empty, "bench.county", [new Assignment(Role.BureauStaff, County, "七星关区", null)], null);
        var judge = new CurrentUser(c.JudgeUser, c.JudgeLogin, [new Assignment(Role.Expert, Scale.BijieCity, "毕节市", null)], null);
        var anonymous = CurrentUser.Anonymous;

        Case[] cases =
        [
            TimedRounds.SelectOne,
            new("ranking, largest call (GetRanking)", $"city user (host): {c.LargestApplications} applications, {c.LargestScores} scores, ranked with every judge's total", CityUser, async db =>
                TimedRounds.Ok(await GetRanking.Handle(db, CityUser, clock, c.Largest))),
            new("ranking, typical call (GetRanking)", $"city user: the median call, {c.TypicalApplications} applications, {c.TypicalScores} scores", CityUser, async db =>
                TimedRounds.Ok(await GetRanking.Handle(db, CityUser, clock, c.Typical))),
            new("ranking, call under review (GetRanking)", $"city user: a call past its deadline, {c.ReviewMissing} scores missing", CityUser, async db =>
                TimedRounds.Ok(await GetRanking.Handle(db, CityUser, clock, c.Review))),
            new("public list, all (PublicCompetitions)", "anyone: every published call, newest first, page 1 of 20 + count", anonymous, async db =>
                TimedRounds.Ok(await PublicCompetitions.Handle(db, clock, new PublicCompetitions.Query()))),
            new("public list, city (PublicCompetitions ?area=)", "anyone: the calls hosted under 毕节市, page 1", anonymous, async db =>
                TimedRounds.Ok(await PublicCompetitions.Handle(db, clock, new PublicCompetitions.Query(Area: Scale.BijieCity)))),
            new("public list, county (PublicCompetitions ?area=)", "anyone: the calls hosted under 七星关区", anonymous, async db =>
                TimedRounds.Ok(await PublicCompetitions.Handle(db, clock, new PublicCompetitions.Query(Area: County)))),
            new("public list, keyword (PublicCompetitions ?keyword=)", "anyone: calls whose title, number or host holds 公益创投", anonymous, async db =>
                TimedRounds.Ok(await PublicCompetitions.Handle(db, clock, new PublicCompetitions.Query(Keyword: "公益创投")))),
            new("public call page (GetPublicCompetition)", "anyone: the largest call as a notice, with its rules and area path", anonymous, async db =>
                TimedRounds.Ok(await GetPublicCompetition.Handle(db, clock, c.Largest))),
            new("public notice, decided call (PublicNotice)", "anyone: the shortlist of the decided call with most awards, ranked from all its scores", anonymous, async db =>
                TimedRounds.Ok(await PublicNotice.Handle(db, clock, c.Decided))),
            new("public notice, call on notice (PublicNotice)", "anyone: the shortlist of a call on notice", anonymous, async db =>
                TimedRounds.Ok(await PublicNotice.Handle(db, clock, c.Notice))),
            new("host: applications, largest call (ListApplications)", "city user: page 1 of 20 by number + counts by status", CityUser, async db =>
                TimedRounds.Ok(await ListApplications.Handle(db, CityUser, c.Largest, new ListApplications.Query()))),
            new("host: applications by request (ListApplications)", "city user: the largest call, largest request first", CityUser, async db =>
                TimedRounds.Ok(await ListApplications.Handle(db, CityUser, c.Largest, new ListApplications.Query(Sort: "requested")))),
            new("staff: calls, city (ListCompetitions)", "city user: every call of the scope, page 1", CityUser, async db =>
                await ListCompetitions.Handle(db, CityUser, clock, new ListCompetitions.Query())),
            new("judge: my reviews (ListMyReviews)", $"the busiest judge ({c.JudgeAssignments} assignments): page 1, under review first", judge, async db =>
                await ListMyReviews.Handle(db, judge, clock, new ListMyReviews.Query())),
            new("judge: my reviews to score (ListMyReviews ?state=Pending)", "the same judge: 待评分 only", judge, async db =>
                await ListMyReviews.Handle(db, judge, clock, new ListMyReviews.Query(State: ReviewState.Pending))),
        ];
        if (c.Awards > 0)
            cases =
            [
                .. cases,
                new("host: awards, city (ListAwards)", $"city user: every award of the scope ({c.Awards}), newest first, page 1 of 20 + count", CityUser, async db =>
                    await ListAwards.Handle(db, new ListAwards.Query())),
                new("host: awards, largest first (ListAwards ?sort=amount)", "city user: the same, largest award first", CityUser, async db =>
                    await ListAwards.Handle(db, new ListAwards.Query(Sort: "amount"))),
                new("host: awards of one call (ListAwards ?callId=)", "city user: the awards of the decided call with most awards", CityUser, async db =>
                    await ListAwards.Handle(db, new ListAwards.Query(CallId: c.Decided))),
                new("host: awards, county (ListAwards)", "七星关区 user: the awards whose projects lie in the county, page 1", countyUser, async db =>
                    await ListAwards.Handle(db, new ListAwards.Query())),
                new("award with its ledger (GetAward)", $"city user: the award with the longest ledger ({c.LedgerEntries} entries), tranches by AwardRules", CityUser, async db =>
                    TimedRounds.Ok(await GetAward.Handle(db, clock, c.LedgerAward))),
                new("call figures, decided call (CompetitionFigures)", "city user: the decided call with most awards, by focus and kind, with every project's outcome", CityUser, async db =>
                    TimedRounds.Ok(await CompetitionFigures.Handle(db, c.Decided))),
                new("host notice with objections (GetNotice)", $"city user: a call on notice, its ranking, unscored, {c.Objections} objections", CityUser, async db =>
                    TimedRounds.Ok(await GetNotice.Handle(db, clock, c.Objected))),
            ];

        cases = TimedRounds.Only(cases, options.Get("only"));
        await rounds.DescribeAsync(stamp: true);
        var results = await rounds.RunAsync(cases);
        rounds.PrintTable(results, ratio: true, TimedRounds.Max);
        var goal = results.Skip(1).Where(x => x.Case.Name.StartsWith("ranking", StringComparison.Ordinal) || x.Case.Name.StartsWith("public", StringComparison.Ordinal)).ToList();
        if (goal.Count > 0)
            Console.WriteLine($"Goal (the ranking and the public pages, p95 < 300 ms): {(goal.All(x => x.Stats.P95 < 300) ? "met" : "MISSED")}; worst p95 {goal.Max(x => x.Stats.P95):0.0} ms "
                + $"({goal.MaxBy(x => x.Stats.P95)!.Case.Name}).");
        Console.WriteLine($"Load average at end {TimedRounds.LoadAverage()}.");

        await rounds.ExplainSlowAsync(results);
        return 0;
    }

    /// <summary>
    /// <c>competitions-prepare (--db|--postgres) --out DIR</c>: the ids <c>bench/competitions.sh</c> requests, one "name value" a line in
    /// DIR/competitions.txt — the largest, typical, under-review, on-notice and decided calls (<see cref="ChooseAsync"/>) and the busiest
    /// judge's login (who signs in with the generated password).
    /// </summary>
    public static async Task<int> PrepareAsync(Options options)
    {
        var target = BenchDb.From(options);
        var dir = options.Get("out") ?? throw new UsageException("Give --out DIR.");
        Directory.CreateDirectory(dir);
        await using var db = target.OpenAsSystem();
        await db.Database.MigrateAsync();
        var c = await ChooseAsync(db);
        await File.WriteAllLinesAsync(Path.Combine(dir, "competitions.txt"),
        [
            $"largest {c.Largest}", $"typical {c.Typical}", $"review {c.Review}", $"notice {c.Notice}", $"decided {c.Decided}", $"judge {c.JudgeLogin}",
            $"award {c.LedgerAward}", $"objected {c.Objected}",
            $"describe {c.Calls}_calls,{c.Applications}_applications,{c.Scores}_scores;largest_{c.LargestApplications}_applications_{c.LargestScores}_scores;typical_{c.TypicalApplications}_applications_{c.TypicalScores}_scores;judge_{c.JudgeAssignments}_assignments",
        ]);
        var (panel, all, judges) = await CompetitionHttp.PrepareScoringAsync(target, db, dir);
        await File.AppendAllLinesAsync(Path.Combine(dir, "competitions.txt"), [$"scoring {panel}_assignments_on_one_panel;{all}_on_{judges}_judges_of_the_calls_under_review"]);
        Console.WriteLine($"Wrote {Path.Combine(dir, "competitions.txt")}, panel.txt ({panel} assignments of one call), review.txt ({all} of {judges} judges)");
        return 0;
    }
}
