using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审项目: what a judge reads to score an application assigned to them — the project design (title, organization, focus, target
/// groups, summary, activities, period, indicators, budget with its lines, the amount requested and the co-funding), the list of its
/// documents, the call's rubric with weights and maxima, the defence session once scheduled (<see cref="DefenceSlot"/>), and the judge's own scores and comment. Never another judge's scores.
/// Another judge's assignment is 404; recused, 404 saying so.
/// </summary>
public static class GetReview
{
    public sealed record Criterion(string Name, int Weight, int MaxScore, int? Score);
    public sealed record FundingLine(string Source, long AmountFen, string Note);
    public sealed record Indicator(string Name, string Measure, int Target, string Unit);
    public sealed record Document(Guid Id, string Name, string FileName, Guid FileId);

    public sealed record Details(Guid Id, Guid CallId, string CallNo, string CallTitle, string HostName, DateTimeOffset ClosesAt, bool CanScore, string Phase,
        Guid ApplicationId, string ApplicationNo, string Title, string OrganizationName, string Focus, string TargetGroups, string Summary, string PlannedActivities,
        DateOnly StartOn, DateOnly EndOn, long BudgetFen, long RequestedFen, long CoFundingFen, IReadOnlyList<FundingLine> Funding, IReadOnlyList<Indicator> Indicators,
        IReadOnlyList<Document> Documents, IReadOnlyList<Criterion> Rubric, string Comment, DateTimeOffset? ScoredAt, decimal? Total, int Version)
    {
        /// <summary>答辩安排: the application's defence session (time and place) once the host sets one, else null.</summary>
        public DefenceSlot? Defence { get; init; }
    }

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid scoreId, CancellationToken ct = default)
    {
        if (await ReviewRules.Mine(db, user).AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoreId, ct) is not { } score) return Failure.NotFound();
        if (score.Recused) return ReviewRules.Recused;
        var call = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstAsync(c => c.Id == score.CompetitionId, ct);
        var a = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstAsync(x => x.Id == score.ApplicationId, ct);
        var documents = await db.Set<ApplicationDocument>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(d => d.ApplicationId == a.Id)
            .OrderBy(d => d.UploadedAt).Select(d => new Document(d.Id, d.Name, d.FileName, d.FileId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var scored = score.ScoredAt is not null && score.Scores.Count == call.Rubric.Count;
        return new Details(score.Id, call.Id, call.CallNo, call.Title, call.HostName, call.ClosesAt,
            ReviewRules.UnderReview(call, now) && a.Status == ApplicationStatus.Eligible, call.PhaseLabel(now),
            a.Id, a.ApplicationNo, a.Title, a.OrganizationName, a.FocusText, a.TargetGroups, a.Summary, a.PlannedActivities, a.StartOn, a.EndOn,
            a.BudgetFen, a.RequestedFen, a.CoFundingFen,
            [.. a.Funding.Select(f => new FundingLine(f.Source is { } s ? Project.SourceLabel(s) : "", Platform.Money.Fen(f.AmountYuan ?? 0), f.Note ?? ""))],
            [.. a.Indicators.Select(i => new Indicator(i.Name ?? "", i.Measure is { } m ? Project.MeasureLabel(m) : "", i.Target ?? 0, i.Unit ?? ""))],
            documents,
            [.. call.Rubric.Select((c, i) => new Criterion(c.Name, c.Weight, c.MaxScore, scored ? score.Scores[i] : null))],
            score.Comment, score.ScoredAt, scored ? CompetitionRanking.Total(call.Rubric, score.Scores) : null, score.Version) { Defence = DefenceSlot.Of(a.DefenceAt, a.DefencePlace) };
    }
}
