using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Projects;

/// <summary>
/// 评审: the township station's head or the bureau (<see cref="ProjectRules.ReviewRefusal"/>) scores a self-assessed evaluation
/// criterion by criterion and writes the reviewer's comments; the total against the pass mark gives 合格 / 不合格, and the
/// evaluation is final. Failures: invalid (scores[i], comment); not found; conflict (the user's part, no self-assessment yet,
/// already reviewed, or changed since <c>version</c>).
/// </summary>
public static class ReviewProjectEvaluation
{
    public sealed record Reviewed(Guid Id, int Total, int PassScore, bool Passed, int Version);

    public static async Task<Result<Reviewed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Guid evaluationId,
        ScoreProjectEvaluation.Request r, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        var evaluation = await ScoreProjectEvaluation.FindAsync(db, project, evaluationId, ct);
        if (evaluation is null) return Failure.NotFound();
        var errors = ScoreProjectEvaluation.Validate(r, "评审意见", "The reviewer's comments");
        ScoreProjectEvaluation.CheckScores(evaluation, r, errors);
        if (errors.Any) return errors.ToFailure();
        if (ProjectRules.ReviewRefusal(project.Status, evaluation, await ProjectRules.ActorAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        if (r.Version is { } v && v != evaluation.Version) return ScoreProjectEvaluation.Stale();

        evaluation.Review([.. r.Scores!.Select(s => s!.Value)], r.Comment!.Trim(), user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        if (await ScoreProjectEvaluation.SaveAsync(db, ct) is { } failure) return failure;
        return new Reviewed(evaluation.Id, evaluation.ReviewTotal!.Value, evaluation.PassScore, evaluation.Passed!.Value, evaluation.Version);
    }
}
