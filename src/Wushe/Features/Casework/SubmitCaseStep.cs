using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 提交审批: the worker submits the assessment, the service plan (with its goals and target dates), a review or the closure
/// (its content is the reason) for the station head's decision. The stage does not move until a head approves
/// (<see cref="DecideCaseStep"/>); one step waits at a time; a returned step is submitted again as a new step.
/// 400 naming goals[i].targetOn (目标日期) when a goal's target day is before the case opened; 409 when the stage does not
/// allow the step, a step already waits, or a referral of the case waits for the receiver.
/// </summary>
public static class SubmitCaseStep
{
    public sealed record Goal([Label("目标", "Goal")] string? Text, [Label("目标日期", "Target date")] DateOnly? TargetOn);

    public sealed record Request
    {
        [Label("环节", "Step")] public CaseStepKind? Kind { get; init; }
        [Label("内容", "Content")] public string? Content { get; init; }
        /// <summary>The plan's goals (1–10, each with a target date); ignored for other steps.</summary>
        [Label("服务目标", "Goals")] public List<Goal>? Goals { get; init; }
    }

    public const int MaxGoals = 10;

    public static Errors Validate(Request r)
    {
        var errors = new Errors().Text("content", r.Content, "内容", "Content", 2, 4000);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) { errors.Add("kind", Lang.T("请选择环节", "Please choose the step")); return errors; }
        if (kind == CaseStepKind.Plan)
        {
            var goals = (r.Goals ?? []).Where(g => g is not null && (!string.IsNullOrWhiteSpace(g.Text) || g.TargetOn is not null)).ToList();
            if (goals.Count == 0) errors.Add("goals", Lang.T("服务计划须至少有一个目标", "A service plan needs at least one goal"));
            else if (goals.Count > MaxGoals) errors.Add("goals", Lang.T($"服务目标不能超过 {MaxGoals} 个", $"At most {MaxGoals} goals"));
            for (var i = 0; i < goals.Count && i < MaxGoals; i++)
            {
                errors.Text($"goals[{i}].text", goals[i].Text, "目标", "The goal", 2, 200);
                if (goals[i].TargetOn is null) errors.Add($"goals[{i}].targetOn", Lang.T("目标日期不能为空", "The target date is required"));
            }
        }
        // A closure's content is its reason (结案原因), which the case keeps when the head approves.
        if (kind == CaseStepKind.Closure && !errors.Has("content")) errors.Text("content", r.Content, "结案原因", "The closure reason", 2, 500);
        return errors;
    }

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid caseId, Request r, CancellationToken ct = default)
    {
        var c = await db.Cases().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return Failure.NotFound();
        var errors = Validate(r);
        // A plan's goal is reached after the case opened: a target day before it is a typing slip (2020 for 2026).
        if (r.Kind == CaseStepKind.Plan)
        {
            var given = (r.Goals ?? []).Where(g => g is not null && (!string.IsNullOrWhiteSpace(g.Text) || g.TargetOn is not null)).ToList();
            for (var i = 0; i < given.Count && i < MaxGoals; i++)
                if (given[i].TargetOn is { } on && on < c.OpenedOn)
                    errors.Add($"goals[{i}].targetOn", Lang.T($"目标日期不能早于开案日期（{ChinaTime.Format(c.OpenedOn)}）",
                        $"The target date cannot be before the case was opened ({ChinaTime.Format(c.OpenedOn)})"));
        }
        if (errors.Any) return errors.ToFailure();
        var kind = r.Kind!.Value;
        if (!CaseRules.MaySubmit(c.Status, kind))
            return Failure.Conflict(Lang.T($"个案处于“{Case.StatusLabel(c.Status)}”阶段，不能提交{CaseStep.KindLabel(kind)}",
                $"The case is at the stage \"{Case.StatusLabel(c.Status)}\"; a {CaseStep.KindLabel(kind).ToLowerInvariant()} cannot be submitted"));
        if (await db.Set<CaseStep>().AnyAsync(s => s.CaseId == c.Id && s.Status == StepStatus.Submitted, ct))
            return Failure.Conflict(Lang.T("该个案已有待审批的环节，请等待站长审批", "A step of this case already awaits the head's decision"));
        // A step submitted while a referral waits would wait on the head of the station the case is leaving (ReferCase).
        if (await db.Set<CaseReferral>().AnyAsync(x => x.CaseId == c.Id && x.Status == ReferralStatus.Pending, ct))
            return Failure.Conflict(Lang.T("该个案正在转介，待接收方接收或拒收后才能提交审批", "The case is being referred: submit steps once the receiver has accepted or declined it"));
        var goals = kind == CaseStepKind.Plan
            ? (r.Goals ?? []).Where(g => g is not null && !string.IsNullOrWhiteSpace(g.Text)).Select(g => new CaseGoal(g.Text!.Trim(), g.TargetOn, false)).ToList()
            : [];
        var step = new CaseStep(c, kind, r.Content!.Trim(), goals, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(step);
        c.Touch();
        // Two submits at once, or a submit racing the head's decision of the step before, both pass the checks above: the
        // case's version lets one through.
        if (await CaseRules.SaveAsync(db, ct) is { } conflict) return conflict;
        return new CreatedId(step.Id);
    }
}
