using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审排名: a call's ranking by its stated rules (<see cref="CompetitionRanking"/>) over the applications that passed 初审 (and those
/// since shortlisted, awarded or not), with each application's request, co-funding, judges assigned / recused / scored, each judge's
/// total (named for the host; 评委1 … for other staff), score, bonus, final score and rank, and how many scores are still missing.
/// Read by the one reader of a ranking (<see cref="CallRanking"/>, as the notice and the awards read it) plus the call and its panel:
/// four queries whatever the size, none per application.
/// Host and area staff in scope; organization staff are refused (403) and judges hold no permission to it.
/// </summary>
public static class GetRanking
{
    public sealed record JudgeColumn(Guid Id, string Name);

    /// <summary>One judge's part in a row: recused, or their total out of 100 (null while not scored); null when not assigned.</summary>
    public sealed record JudgeTotal(Guid JudgeId, bool Recused, decimal? Total);

    public sealed record Row(int Rank, Guid ApplicationId, string ApplicationNo, string Title, string OrganizationName, string Focus, ApplicationStatus Status,
        string StatusName, long RequestedFen, long CoFundingFen, int Assigned, int Recused, int Scored, IReadOnlyList<JudgeTotal?> Totals,
        decimal? Score, decimal Bonus, decimal? Final, bool Complete);

    public sealed record Ranking(Guid CallId, string CallNo, string Title, string HostName, CompetitionStatus Status, string Phase, ScoreAggregation Aggregation,
        string AggregationName, TieBreak TieBreak, string TieBreakName, CoFundingRule CoFunding, string CoFundingName, int BonusMaxPoints, int BonusFullPercent,
        IReadOnlyList<RubricCriterion> Rubric, int JudgeCount, bool JudgeNamesShown, IReadOnlyList<JudgeColumn> Judges, IReadOnlyList<Row> Rows, int MissingScores, bool Complete);

    public static Failure NotForOrganizations => Failure.Forbidden(Lang.T("评审排名仅供主办单位和管辖范围内的工作人员查看", "The ranking is for the host and the area's staff only"));

    public static async Task<Result<Ranking>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, CancellationToken ct = default)
    {
        if (user.ActingOrganization is not null || !user.Has(CompetitionsPermissions.View)) return NotForOrganizations;
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var names = user.Has(CompetitionsPermissions.Host);
        // The call was found in the user's scope, and every row of it lies under its area (judges carry the call's area, applications an
        // area the call's covers, scores their application's): the reads below go by the call's id alone. With the scope's range as well,
        // SQLite's planner took the range's AreaCode index and read every score of the scope (the city's 19,432 for a call's 434: 3× the
        // time at city scale, growing with every call of the area; docs/PERFORMANCE.md, "Competitions at city scale").
        var panel = await db.Set<CompetitionJudge>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(j => j.CompetitionId == callId).OrderBy(j => j.AddedAt).ThenBy(j => j.Id)
            .Select(j => new { j.Id, j.Name }).ToListAsync(ct);
        var judges = panel.Select((j, i) => new JudgeColumn(j.Id, names ? j.Name : Lang.T($"评委{i + 1}", $"Judge {i + 1}"))).ToList();

        var (ranked, marks) = await CallRanking.ReadWithMarksAsync(db, call, ct);
        var marksOf = marks.ToLookup(m => m.ApplicationId);
        var rows = new List<Row>(ranked.Count);
        foreach (var r in ranked)
        {
            var mine = marksOf[r.Id].ToDictionary(m => m.JudgeId);
            var totals = judges.Select(j => mine.TryGetValue(j.Id, out var m)
                ? new JudgeTotal(j.Id, m.Recused, !m.Recused && m.Scores.Count == call.Rubric.Count ? CompetitionRanking.Total(call.Rubric, m.Scores) : null)
                : null).ToList();
            rows.Add(new Row(r.Rank, r.Id, r.ApplicationNo, r.Title, r.OrganizationName, r.Focus, r.Status, CompetitionApplication.StatusLabel(r.Status), r.RequestedFen,
                r.CoFundingFen, mine.Count, mine.Values.Count(m => m.Recused), r.Scored, totals, r.Score, r.Bonus, r.Final, r.Complete));
        }
        var missing = ranked.Sum(r => r.Judges - r.Scored);
        var now = clock.GetUtcNow();
        return new Ranking(call.Id, call.CallNo, call.Title, call.HostName, call.Status, call.PhaseLabel(now), call.Aggregation, Competition.AggregationLabel(call.Aggregation),
            call.TieBreak, Competition.TieBreakLabel(call.TieBreak), call.CoFunding, Competition.CoFundingLabel(call.CoFunding), call.BonusMaxPoints, call.BonusFullPercent,
            call.Rubric, call.JudgeCount, names, judges, rows, missing, rows.Count > 0 && rows.All(r => r.Complete));
    }
}
