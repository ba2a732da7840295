using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Projects;

/// <summary>
/// 机构自评: the implementing organization (or a station worker on its behalf: <see cref="ProjectRules.SelfAssessRefusal"/>) scores
/// an open evaluation criterion by criterion and writes its self-assessment (<see cref="ScoreProjectEvaluation.Request"/>); it may
/// submit again until the review. Failures: invalid (scores[i], comment); not found (the project or the evaluation); conflict
/// (the user's part, the evaluation already reviewed, or changed since <c>version</c>).
/// </summary>
public static class SelfAssessProject
{
    public sealed record Assessed(Guid Id, int Total, int Version);

    public static async Task<Result<Assessed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Guid evaluationId,
        ScoreProjectEvaluation.Request r, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        var evaluation = await ScoreProjectEvaluation.FindAsync(db, project, evaluationId, ct);
        if (evaluation is null) return Failure.NotFound();
        var errors = ScoreProjectEvaluation.Validate(r, "自评说明", "The self-assessment");
        ScoreProjectEvaluation.CheckScores(evaluation, r, errors);
        if (errors.Any) return errors.ToFailure();
        if (ProjectRules.SelfAssessRefusal(project.Status, evaluation, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        if (r.Version is { } v && v != evaluation.Version) return ScoreProjectEvaluation.Stale();

        evaluation.SelfAssess([.. r.Scores!.Select(s => s!.Value)], r.Comment!.Trim(), await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        if (await ScoreProjectEvaluation.SaveAsync(db, ct) is { } failure) return failure;
        return new Assessed(evaluation.Id, evaluation.SelfTotal!.Value, evaluation.Version);
    }
}
