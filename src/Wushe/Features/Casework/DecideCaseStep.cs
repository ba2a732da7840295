using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 审批: a station head approves a submitted step or returns it with comments. The decider must head the station of the
/// case's township (<see cref="CaseRules.IsHeadAsync"/>: 403 otherwise, also for a head of another township) and must not
/// be the worker who submitted it (403). Approval moves the case's stage (<see cref="CaseRules.AfterApproval"/>; an
/// approved closure closes the case with the step's reason); a return leaves the stage as it was, and the worker submits again.
/// 409 when the step was decided already, also by a head deciding at the same moment (<see cref="Case.Version"/>).
/// </summary>
public static class DecideCaseStep
{
    public sealed record Request
    {
        /// <summary>true: approve (批准); false: return (退回), which needs a comment.</summary>
        [Label("审批结果", "Decision")] public bool? Approve { get; init; }
        [Label("审批意见", "Comment")] public string? Comment { get; init; }
    }

    /// <summary>The answer: the case, its stage after the decision, and its version (for the next write's concurrency check).</summary>
    public sealed record Decided(Guid CaseId, CaseStatus Status, int CaseVersion);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.Approve is null) errors.Add("approve", Lang.T("请选择审批结果", "Please choose approve or return"));
        else if (r.Approve == false) errors.Text("comment", r.Comment, "退回意见", "The comment of a return", 2, 1000);
        errors.Text("comment", r.Comment, "审批意见", "The comment", 0, 1000, required: false);
        return errors;
    }

    public static async Task<Result<Decided>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid stepId, Request r, CancellationToken ct = default)
    {
        // The step and its case in one statement, so one snapshot: read apart, a step read before another head's decision
        // and a case read after it would pass both the "still submitted" check and the case's version.
        var pair = await (from s in db.Set<CaseStep>()
                          join x in db.Cases() on s.CaseId equals x.Id
                          where s.Id == stepId
                          select new { Step = s, Case = x }).FirstOrDefaultAsync(ct);
        if (pair is null) return Failure.NotFound();
        var (step, c) = (pair.Step, pair.Case);
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (step.Status != StepStatus.Submitted)
            return Failure.Conflict(Lang.T("该环节已审批", "This step has been decided already"));
        if (!await CaseRules.IsHeadAsync(db, user, c, ct))
            return Failure.Forbidden(Lang.T("只有本个案所在社工站的站长可以审批", "Only the head of the case's station may decide"));
        if (step.SubmittedById == user.Id)
            return Failure.Forbidden(Lang.T("不能审批本人提交的环节", "You cannot decide a step you submitted"));

        step.Decide(r.Approve!.Value, r.Comment?.Trim() ?? "", user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        c.Touch();
        if (r.Approve == true)
        {
            var next = CaseRules.AfterApproval(c.Status, step.Kind);
            if (next == CaseStatus.Closed) c.Close(ChinaTime.Today(clock), step.Content.Length > 500 ? step.Content[..500] : step.Content);
            else c.MoveTo(next);
        }
        // Two heads deciding this step at once both read it as submitted: the case's version lets one through.
        if (await CaseRules.SaveAsync(db, ct, "该环节刚被他人审批，您的审批未保存，请刷新查看结果",
                "Someone else decided this step a moment ago; your decision was not saved: reload to see the result") is { } conflict)
            return conflict;
        return new Decided(c.Id, c.Status, c.Version);
    }
}
