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

    /// <summary>One ranked application with what the notice prints of it (organization by its registered name: an organization is not a person).</summary>
    public sealed record Row(int Rank, Guid Id, string ApplicationNo, Guid? OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, string Title,
        string Focus, FocusArea FocusArea, long RequestedFen, long AwardFen, ApplicationStatus Status, decimal? Final, int Judges, int Scored, bool Complete);

    public static async Task<List<Row>> ReadAsync(AppDb db, Competition call, CancellationToken ct = default)
    {
        var apps = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter]).AsNoTracking()
            .Where(a => a.CompetitionId == call.Id && Passed.Contains(a.Status)).ToListAsync(ct);
        var marks = await db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => s.CompetitionId == call.Id)
            .Select(s => new { s.ApplicationId, s.JudgeId, s.Recused, s.Scores }).ToListAsync(ct);
        var ranked = CompetitionRanking.Rank(CompetitionRanking.Rules.Of(call),
            apps.Select(a => new CompetitionRanking.Entry(a.Id, a.ApplicationNo, a.SubmittedAt, a.RequestedFen, a.CoFundingFen)),
            marks.Where(m => m.Scores.Count == call.Rubric.Count || m.Recused || m.Scores.Count == 0)
                .Select(m => new CompetitionRanking.Mark(m.ApplicationId, m.JudgeId, m.Recused, m.Recused ? [] : m.Scores)));
        var byId = apps.ToDictionary(a => a.Id);
        return [.. ranked.Select(r => byId[r.Id] is var a
            ? new Row(r.Rank, a.Id, a.ApplicationNo, a.OrganizationId, a.OrganizationName, a.OrganizationKind, a.Title, a.FocusText, a.Focus, a.RequestedFen, a.AwardFen, a.Status,
                r.Final, r.Judges, r.Scored, r.Complete)
            : null!)];
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
