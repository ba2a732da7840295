using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// What a self-assessment and a review both give (<see cref="SelfAssessProject"/>, <see cref="ReviewProjectEvaluation"/>): a whole
/// score per criterion, in the criteria's order, each from 0 to the criterion's points, and the written assessment (2–2000
/// characters); <c>version</c> optional (409 when the evaluation changed since).
/// </summary>
public static class ScoreProjectEvaluation
{
    public sealed record Request
    {
        [Label("得分", "Scores")] public List<int?>? Scores { get; init; }
        [Label("评估意见", "Comments")] public string? Comment { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    /// <summary>The checks that need no database (the comment, the scores' shape).</summary>
    public static Errors Validate(Request r, string commentZh, string commentEn)
    {
        var errors = new Errors().Text("comment", r.Comment, commentZh, commentEn, 2, 2000);
        if (r.Scores is not { Count: > 0 }) errors.Add("scores", Lang.T("请为每项评估指标打分", "Score every criterion"));
        return errors;
    }

    /// <summary>The scores against the evaluation's criteria: one per criterion, each 0 to its points.</summary>
    public static void CheckScores(ProjectEvaluation evaluation, Request r, Errors errors)
    {
        var scores = r.Scores ?? [];
        if (scores.Count != evaluation.Criteria.Count)
        {
            if (!errors.Has("scores")) errors.Add("scores", Lang.T($"须为全部 {evaluation.Criteria.Count} 项评估指标打分", $"Score all {evaluation.Criteria.Count} criteria"));
            return;
        }
        for (var i = 0; i < scores.Count; i++)
        {
            var c = evaluation.Criteria[i];
            if (scores[i] is not { } s) errors.Add($"scores[{i}]", Lang.T($"请为“{c.Name}”打分", $"Score \"{c.Name}\""));
            else if (s < 0 || s > c.MaxScore) errors.Add($"scores[{i}]", Lang.T($"“{c.Name}”的得分须在 0 到 {c.MaxScore} 之间", $"\"{c.Name}\" scores 0 to {c.MaxScore}"));
        }
    }

    /// <summary>The evaluation <paramref name="evaluationId"/> of a project the caller reached; null otherwise.</summary>
    public static Task<ProjectEvaluation?> FindAsync(AppDb db, Project project, Guid evaluationId, CancellationToken ct) =>
        db.Set<ProjectEvaluation>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(e => e.Id == evaluationId && e.ProjectId == project.Id, ct);

    /// <summary>Saves the scored evaluation; a racing change answers 409 and saves nothing.</summary>
    public static async Task<Failure?> SaveAsync(AppDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("评估刚被他人修改，您的操作未保存，请刷新后查看", "Someone else changed this evaluation a moment ago; nothing of yours was saved: reload to see it"));
        }
    }

    public static Failure Stale() => Failure.Conflict(Lang.T("评估已被他人修改，请刷新后查看", "The evaluation changed since you opened it; reload to see it"));
}
