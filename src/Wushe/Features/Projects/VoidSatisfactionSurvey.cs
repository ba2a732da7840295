using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 作废满意度调查: a survey entered wrongly (answers mistyped, the wrong delivery record or date) is voided with a reason by whoever
/// may record one (<see cref="ProjectRules.SurveyVoidRefusal"/>: the implementing organization, the station or the bureau, while
/// the project is in progress or once completed; a suspended organization's staff do not, the station still does); the right survey
/// is then recorded anew (a survey is never edited, so what the rate counted and when stays traceable). The survey stays in the
/// project's list, struck out with the reason, who and when (audited as a state change), and leaves the satisfaction rate
/// (<see cref="ProjectRules.CountedSurveys"/>) and the answers' room of its record or project. Failures: not found (the project as
/// the user reaches it, the survey of that project); invalid (reason: 2 to <see cref="ProjectActivity.MaxVoidReason"/> characters);
/// conflict in words (already voided — also when voided by someone else meanwhile —, the project's status, no part in it).
/// </summary>
public static class VoidSatisfactionSurvey
{
    public sealed record Request
    {
        [Label("作废原因", "Reason")] public string? Reason { get; init; }
    }

    /// <summary>The survey voided and the project's satisfaction rate without it.</summary>
    public sealed record Voided(Guid Id, DateTimeOffset VoidedAt, SatisfactionRate ProjectRate);

    public static Errors Validate(Request r) => new Errors().Text("reason", r.Reason, "作废原因", "The reason", 2, ProjectActivity.MaxVoidReason);

    public static async Task<Result<Voided>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Guid surveyId, Request r,
        CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        // The survey by its project (reached above: an organization's staff reach it outside their scope).
        var survey = await db.Set<SatisfactionSurvey>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(s => s.Id == surveyId && s.ProjectId == project.Id, ct);
        if (survey is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var already = Failure.Conflict(Lang.T("该满意度调查已作废", "The survey is already voided"));
        if (survey.VoidedAt is not null) return already;
        if (ProjectRules.SurveyVoidRefusal(project.Status, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);

        var now = clock.GetUtcNow();
        survey.Void(r.Reason!.Trim(), user.Id, await Workers.NameAsync(db, user, ct), now);
        // Two voids at once: in one transaction the survey must still be standing when it is saved (the guard changes nothing; on
        // PostgreSQL it waits for a void in flight and then finds it voided).
        await using (var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            var standing = await db.Set<SatisfactionSurvey>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.Id == survey.Id && s.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RecordedAt, x => x.RecordedAt), ct);
            if (standing == 0)
            {
                db.ChangeTracker.Clear();
                return already;
            }
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        return new Voided(survey.Id, now, await ProjectRules.SatisfactionAsync(ProjectRules.CountedSurveys(db, project.Id), ct));
    }
}
