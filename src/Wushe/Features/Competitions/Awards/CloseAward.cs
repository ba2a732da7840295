using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 结项 (the host): an active award whose final evaluation passed and whose tranches are all released closes (已结项), and its project
/// completes through the projects' own step (<see cref="ChangeProjectStatus"/>: the user's part and the life cycle decide — a project
/// not in progress, or without a delivery record, is refused in its words), in one transaction under the award's row lock. Without a note
/// typed, the project's step carries the platform's note <see cref="ProjectStep.AwardClosed"/> (read in the reader's language).
/// </summary>
public static class CloseAward
{
    public sealed record Request
    {
        [Label("结项意见", "Note")] public string? Note { get; init; }
    }

    public static async Task<Result<AwardBalance>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid awardId, Request r, CancellationToken ct = default)
    {
        var opened = await AwardAction.OpenAsync(db, user, awardId, new Errors().Text("note", r.Note, "结项意见", "The note", 0, 500, required: false), ct);
        if (opened.Value is not { } action) return opened.Failure!;
        await using var _ = action;
        var award = action.Award;
        if (award.Status != AwardStatus.Active) return Failure.Conflict(Lang.T($"资助{CompetitionAward.StatusLabel(award.Status)}，不能结项", $"The award is {CompetitionAward.StatusLabel(award.Status)}: it cannot be closed"));
        var (_, states, _, evaluations) = await AwardTranches.ReadAsync(db, award, clock, ct);
        if (evaluations.FinalPassed != true) return Failure.Conflict(Lang.T("结项评估尚未合格，不能结项", "The final evaluation has not passed: the award cannot be closed"));
        if (states.Any(t => t.State != TrancheState.Released) || award.ReleasedFen != award.AmountFen)
            return Failure.Conflict(Lang.T("还有资金未拨付，全部拨付后才能结项", "Tranches remain to be released: close the award when all are released"));
        var status = await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.Id == award.ProjectId).Select(p => p.Status).SingleAsync(ct);
        if (status != ProjectStatus.Completed)
        {
            var completed = await ChangeProjectStatus.Handle(db, user, clock, award.ProjectId,
                new ChangeProjectStatus.Request { To = ProjectStatus.Completed, Note = string.IsNullOrWhiteSpace(r.Note) ? ProjectStep.AwardClosed : r.Note.Trim() }, ct);
            if (!completed.IsOk) return completed.Failure!.Kind == FailureKind.NotFound ? Failure.NotFound() : Failure.Conflict(Lang.T($"项目不能结项：{completed.Failure.Title}", $"The project cannot be completed: {completed.Failure.Title}"));
        }
        award.MoveTo(AwardStatus.Closed, string.IsNullOrWhiteSpace(r.Note) ? "" : r.Note.Trim());
        await action.CommitAsync(ct);
        return AwardMoney.Balance(award);
    }
}
