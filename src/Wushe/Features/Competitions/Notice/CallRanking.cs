using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;

namespace Wushe.Features.Competitions;

/// <summary>
/// A call's ranking as the notice and the awards read it: the applications that passed 初审 (初审通过, 入围, 获资助, 未获资助) with
/// their judges' marks, ranked by the one rule <see cref="CompetitionRanking.Rank"/>. Read by the call's id across the scope (the
/// caller found the call: in scope, or public on notice).
/// </summary>
public static class CallRanking
{
    public static readonly ApplicationStatus[] Passed = [ApplicationStatus.Eligible, ApplicationStatus.Shortlisted, ApplicationStatus.Awarded, ApplicationStatus.NotAwarded];

    /// <summary>
    /// One ranked application with what the notice prints of it (organization by its registered name: an organization is not a person);
    /// amounts in fen; <see cref="Score"/> the aggregated judges' score, <see cref="Bonus"/> the co-funding points, <see cref="Final"/> their sum.
    /// </summary>
    public sealed record Row(int Rank, Guid Id, string ApplicationNo, Guid? OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, string Title,
        string Focus, FocusArea FocusArea, long RequestedFen, long CoFundingFen, long AwardFen, ApplicationStatus Status, decimal? Score, decimal Bonus, decimal? Final,
        int Judges, int Scored, bool Complete);

    /// <summary>The ranking and the marks it was computed from (each judge's recusal or scores per criterion, in the rubric's order).</summary>
    public sealed record Read(List<Row> Rows, IReadOnlyList<CompetitionRanking.Mark> Marks);

    /// <summary>The call's ranking, best first (two queries: the passed applications, the call's marks).</summary>
    public static async Task<List<Row>> ReadAsync(AppDb db, Competition call, CancellationToken ct = default) => (await ReadWithMarksAsync(db, call, ct)).Rows;

    /// <summary>The call's ranking with its marks (the ranking page shows each judge's total).</summary>
    public static async Task<Read> ReadWithMarksAsync(AppDb db, Competition call, CancellationToken ct = default)
    {
        var apps = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter]).AsNoTracking()
            .Where(a => a.CompetitionId == call.Id && Passed.Contains(a.Status))
            .Select(a => new
            {
                a.Id, a.ApplicationNo, a.OrganizationId, a.OrganizationName, a.OrganizationKind, a.Title, a.Focus, a.FocusNote, a.SubmittedAt,
                a.RequestedFen, a.CoFundingFen, a.AwardFen, a.Status,
            }).ToListAsync(ct);
        // A mark counts once complete (every criterion scored) or recused; an assignment not yet scored is a judge still to score.
        var marks = (await db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => s.CompetitionId == call.Id)
                .Select(s => new { s.ApplicationId, s.JudgeId, s.Recused, s.Scores }).ToListAsync(ct))
            .Where(m => m.Scores.Count == call.Rubric.Count || m.Recused || m.Scores.Count == 0)
            .Select(m => new CompetitionRanking.Mark(m.ApplicationId, m.JudgeId, m.Recused, m.Recused ? [] : m.Scores)).ToList();
        var ranked = CompetitionRanking.Rank(CompetitionRanking.Rules.Of(call),
            apps.Select(a => new CompetitionRanking.Entry(a.Id, a.ApplicationNo, a.SubmittedAt, a.RequestedFen, a.CoFundingFen)), marks);
        var byId = apps.ToDictionary(a => a.Id);
        List<Row> rows = [.. ranked.Select(r => byId[r.Id] is var a
            ? new Row(r.Rank, a.Id, a.ApplicationNo, a.OrganizationId, a.OrganizationName, a.OrganizationKind, a.Title,
                a.Focus == FocusArea.Other && a.FocusNote.Length > 0 ? a.FocusNote : Organization.FocusLabel(a.Focus), a.Focus, a.RequestedFen, a.CoFundingFen,
                a.AwardFen, a.Status, r.Score, r.Bonus, r.Final, r.Judges, r.Scored, r.Complete)
            : null!)];
        return new Read(rows, marks);
    }

    /// <summary>
    /// The applications passed by 初审 that the review has not covered yet: none of its judges' scores complete, or fewer judges assigned
    /// than the call asks for (<see cref="Competition.JudgeCount"/>; a judge who declared a conflict counts as assigned — the recusal is
    /// excused, not a gap to fill). The notice waits for none (PostNotice), and the notice page says which (GetNotice).
    /// </summary>
    public static List<Row> UnderReviewed(Competition call, Read read)
    {
        var recused = read.Marks.Where(m => m.Recused).GroupBy(m => m.ApplicationId).ToDictionary(g => g.Key, g => g.Count());
        return [.. read.Rows.Where(r => r.Status == ApplicationStatus.Eligible && (r.Scored == 0 || r.Judges + recused.GetValueOrDefault(r.Id) < call.JudgeCount))];
    }

    /// <summary>Assignments neither scored nor recused among the call's passed applications (the notice waits for none).</summary>
    public static Task<int> MissingAsync(AppDb db, Guid callId, CancellationToken ct = default)
    {
        var passed = db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter])
            .Where(a => a.CompetitionId == callId && Passed.Contains(a.Status)).Select(a => a.Id);
        return db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .CountAsync(s => s.CompetitionId == callId && !s.Recused && s.ScoredAt == null && passed.Contains(s.ApplicationId), ct);
    }
}
