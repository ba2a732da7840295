using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 发起评估: the reviewer (the township station's head or the bureau: <see cref="ProjectRules.OpenEvaluationRefusal"/>) opens a
/// project's mid-term or final evaluation with its criteria — 1 to 10, each named (2–30 characters, no two alike) and worth 1–100
/// points; the default <see cref="ProjectEvaluation.DefaultCriteria"/> when none are given — and the pass mark (1 to the total;
/// 60 by default, or the total's 60% when the total is not 100). One per stage per project. Failures: invalid (each field named);
/// not found; conflict (the user's part or the project's status does not allow it, or the stage is already open).
/// </summary>
public static class OpenProjectEvaluation
{
    public sealed record Criterion
    {
        [Label("指标名称", "Criterion")] public string? Name { get; init; }
        [Label("分值", "Points")] public int? MaxScore { get; init; }
    }

    public sealed record Request
    {
        [Label("评估阶段", "Stage")] public EvaluationStage? Stage { get; init; }
        [Label("评估指标", "Criteria")] public List<Criterion>? Criteria { get; init; }
        [Label("合格线", "Pass mark")] public int? PassScore { get; init; }
    }

    /// <summary>The evaluation opened; <c>Version</c> is what the self-assessment (PUT …/self) sends back.</summary>
    public sealed record Opened(Guid Id, EvaluationStage Stage, int MaxTotal, int PassScore, int Version);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.Stage is not { } stage || !Enum.IsDefined(stage)) errors.Add("stage", Lang.T("请选择评估阶段：中期评估或结项评估", "Choose the stage: mid-term or final"));
        var criteria = r.Criteria ?? [];
        if (criteria.Count > ProjectEvaluation.MaxCriteria)
            errors.Add("criteria", Lang.T($"评估指标最多 {ProjectEvaluation.MaxCriteria} 项", $"At most {ProjectEvaluation.MaxCriteria} criteria"));
        else
            for (var i = 0; i < criteria.Count; i++)
            {
                if (criteria[i] is not { } c)
                {
                    errors.Add($"criteria[{i}]", Lang.T($"第 {i + 1} 项评估指标为空，请填写名称和分值", $"Criterion {i + 1} is empty: give its name and points"));
                    continue;
                }
                var name = c.Name?.Trim() ?? "";
                if (name.Length is < 2 or > 30)
                    errors.Add($"criteria[{i}].name", Lang.T($"第 {i + 1} 项评估指标的名称须为 2 到 30 个字", $"The name of criterion {i + 1} is 2 to 30 characters"));
                else if (criteria.Take(i).Any(o => string.Equals(o?.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase)))
                    errors.Add($"criteria[{i}].name", Lang.T($"评估指标“{name}”重复", $"Criterion \"{name}\" is listed twice"));
                if (c.MaxScore is not (>= 1 and <= 100))
                    errors.Add($"criteria[{i}].maxScore", Lang.T($"第 {i + 1} 项评估指标的分值须在 1 到 100 之间", $"Criterion {i + 1} is worth 1 to 100 points"));
            }
        // The pass mark against the total only once every criterion is sound (a total of bad rows means nothing, and may overflow).
        var criteriaSound = !criteria.Select((_, i) => i).Any(i => errors.Has($"criteria[{i}]") || errors.Has($"criteria[{i}].name") || errors.Has($"criteria[{i}].maxScore")) && !errors.Has("criteria");
        var total = criteriaSound ? Total(r) : 0;
        if (r.PassScore is { } pass && criteriaSound && (pass < 1 || pass > total))
            errors.Add("passScore", Lang.T($"合格线须在 1 到总分 {total} 之间", $"The pass mark is 1 to the total of {total}"));
        return errors;
    }

    static List<EvaluationCriterion> CriteriaOf(Request r) => r.Criteria is { Count: > 0 } list
        ? [.. list.Select(c => new EvaluationCriterion(c.Name!.Trim(), c.MaxScore!.Value))]
        : ProjectEvaluation.DefaultCriteria();

    static int Total(Request r) => r.Criteria is { Count: > 0 } list ? list.Sum(c => Math.Max(0, c.MaxScore ?? 0)) : ProjectEvaluation.DefaultCriteria().Sum(c => c.MaxScore);

    public static async Task<Result<Opened>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Request r, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var stage = r.Stage!.Value;
        if (ProjectRules.OpenEvaluationRefusal(project.Status, stage, await ProjectRules.ActorAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        var already = Failure.Conflict(Lang.T($"该项目已发起{ProjectEvaluation.StageLabel(stage)}", $"The project's {ProjectEvaluation.StageLabel(stage).ToLowerInvariant()} is already open"));
        if (await db.Set<ProjectEvaluation>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(e => e.ProjectId == project.Id && e.Stage == stage, ct)) return already;

        var criteria = CriteriaOf(r);
        var total = criteria.Sum(c => c.MaxScore);
        var pass = r.PassScore ?? (int)Math.Ceiling(total * ProjectEvaluation.DefaultPassScore / 100.0);
        var evaluation = new ProjectEvaluation(project, stage, criteria, pass, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(evaluation);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return already;
        return new Opened(evaluation.Id, stage, total, pass, evaluation.Version);
    }
}
