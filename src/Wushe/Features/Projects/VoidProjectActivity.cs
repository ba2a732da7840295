using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 作废服务记录: a delivery record entered wrongly (the wrong day, residents, kind or project) is voided with a reason, by the
/// implementing organization's staff or a station worker while the project is in progress (<see cref="ProjectRules.VoidRefusal"/>:
/// a suspended organization's staff do not, the station still does); the right record is then entered anew (作废重录 — a record is never edited, so what was counted
/// and when stays traceable). The record stays in the project's list, struck out with the reason, who and when (audited as a state
/// change); its service record and beneficiaries are removed in the same save, so the indicator actuals, the area's outcomes and
/// statistics (<see cref="ServiceTallies"/> takes the months back) no longer count it. Its photos stay with it. Failures: not
/// found (the project as the user reaches it, the record of that project); invalid (reason: 2 to <see cref="ProjectActivity.MaxVoidReason"/>
/// characters); conflict in words (already voided, the project not in progress, no part in it, voided by someone else meanwhile). Surveys of a voided record
/// leave the satisfaction rate (<see cref="ProjectRules.CountedSurveys"/>).
/// </summary>
public static class VoidProjectActivity
{
    public sealed record Request
    {
        [Label("作废原因", "Reason")] public string? Reason { get; init; }
    }

    public sealed record Voided(Guid Id, DateTimeOffset VoidedAt);

    public static Errors Validate(Request r) => new Errors().Text("reason", r.Reason, "作废原因", "The reason", 2, ProjectActivity.MaxVoidReason);

    public static async Task<Result<Voided>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Guid activityId, Request r,
        CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        // The record by its project (reached above: an organization's staff reach it outside their scope).
        var activity = await db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == project.Id, ct);
        if (activity is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (activity.VoidedAt is not null) return Failure.Conflict(Lang.T("该服务记录已作废", "The record is already voided"));
        if (ProjectRules.VoidRefusal(project.Status, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);

        var now = clock.GetUtcNow();
        activity.Void(r.Reason!.Trim(), user.Id, await Workers.NameAsync(db, user, ct), now);
        // The service record and its people go: every figure reads them (the tallies take their months back in this save). A record
        // voided meanwhile by someone else has no service record left to remove: the save fails as a concurrency conflict.
        var record = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(x => x.Id == activity.ServiceRecordId, ct);
        if (record is null) return Failure.Conflict(Lang.T("该服务记录已作废", "The record is already voided"));
        db.RemoveRange(await db.Set<ServiceBeneficiary>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(b => b.ServiceRecordId == record.Id).ToListAsync(ct));
        db.Remove(record);
        if (await RecordProjectActivity.SaveWhileInProgressAsync(db, project.Id, ct) is { } conflict) return conflict;
        return new Voided(activity.Id, now);
    }
}
