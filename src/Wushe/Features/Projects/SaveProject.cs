using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>
/// 设计项目 / 修改项目: a station social worker designs a project of their scope (a draft) or edits its draft — title, focus, target
/// groups, lead area (a county, township or community of the scope), implementing organization (one serving that area:
/// <see cref="ServingOrganizations"/>), period (China dates, at most 5 years), budget in yuan equal to the sum of its funding
/// lines (1–10 lines, each &gt; 0), indicators (1–20, target &gt; 0; Times and People over chosen service kinds, Beneficiaries over
/// all), and the needs it answers (open needs under the lead area: each gets a match of kind Project, both ways). Editing
/// replaces the lines and indicators and adds needs (a need once answered stays answered). Failures: invalid (each field named;
/// "预算与资金来源合计不一致" with both sums); not found; conflict (not a draft any more, or changed meanwhile). All or nothing.
/// </summary>
public static class SaveProject
{
    public sealed record FundingLine
    {
        [Label("资金来源", "Source")] public ProjectFundingSource? Source { get; init; }
        [Label("金额（元）", "Amount (yuan)")] public decimal? AmountYuan { get; init; }
        [Label("说明", "Note")] public string? Note { get; init; }
        [System.Text.Json.Serialization.JsonIgnore] public bool IsEmpty => Source is null && AmountYuan is null && string.IsNullOrWhiteSpace(Note);
    }

    public sealed record Indicator
    {
        [Label("指标名称", "Indicator")] public string? Name { get; init; }
        [Label("统计口径", "Measure")] public IndicatorMeasure? Measure { get; init; }
        [Label("服务类型", "Service kinds")] public List<ServiceKind>? Kinds { get; init; }
        [Label("目标值", "Target")] public int? Target { get; init; }
        [Label("单位", "Unit")] public string? Unit { get; init; }
        [System.Text.Json.Serialization.JsonIgnore] public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Target is null && string.IsNullOrWhiteSpace(Unit);
    }

    public sealed record Request
    {
        /// <summary>12-digit code of the lead area: a county, township or community of the user's scope.</summary>
        [Label("项目区划", "Area")] public string? AreaCode { get; init; }
        [Label("项目名称", "Title")] public string? Title { get; init; }
        [Label("服务领域", "Focus")] public FocusArea? Focus { get; init; }
        [Label("其他领域", "Other focus")] public string? FocusNote { get; init; }
        [Label("服务对象", "Target groups")] public string? TargetGroups { get; init; }
        [Label("项目简介", "Summary")] public string? Summary { get; init; }
        [Label("计划活动", "Planned activities")] public string? PlannedActivities { get; init; }
        [Label("实施机构", "Implementing organization")] public Guid? OrganizationId { get; init; }
        [Label("开始日期", "Starts on")] public DateOnly? StartOn { get; init; }
        [Label("结束日期", "Ends on")] public DateOnly? EndOn { get; init; }
        /// <summary>Yuan with at most 2 decimals; must equal the sum of <see cref="Funding"/>.</summary>
        [Label("项目预算（元）", "Budget (yuan)")] public decimal? BudgetYuan { get; init; }
        [Label("资金来源", "Funding")] public List<FundingLine>? Funding { get; init; }
        [Label("项目指标", "Indicators")] public List<Indicator>? Indicators { get; init; }
        [Label("回应的需求", "Needs answered")] public List<Guid>? NeedIds { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Saved(Guid Id, string ProjectNo, int Version);

    public const int MaxFunding = 10, MaxIndicators = 20, MaxNeeds = 50;

    /// <summary>The request's own rules (no database).</summary>
    /// <summary>The years a project's dates lie in.</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    public static Errors Validate(Request r)
    {
        var errors = new Errors()
            .Text("title", r.Title, "项目名称", "Title", 2, 100)
            .Text("targetGroups", r.TargetGroups, "服务对象", "Target groups", 0, 200, required: false)
            .Text("summary", r.Summary, "项目简介", "Summary", 0, 2000, required: false)
            .Text("plannedActivities", r.PlannedActivities, "计划活动", "Planned activities", 0, 2000, required: false);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择项目所在区划", "Choose the project's area"));
        if (r.Focus is not { } focus || !Enum.IsDefined(focus)) errors.Add("focus", Lang.T("请选择一个服务领域", "Choose one focus"));
        else if (focus == FocusArea.Other) errors.Text("focusNote", r.FocusNote, "其他领域名称", "The other focus", 2, 50);
        if (r.OrganizationId is null) errors.Add("organizationId", Lang.T("请选择实施机构", "Choose the implementing organization"));
        if (r.StartOn is null) errors.Add("startOn", Lang.T("请填写开始日期", "Give the start date"));
        if (r.EndOn is null) errors.Add("endOn", Lang.T("请填写结束日期", "Give the end date"));
        // Dates a project can have: the platform's years (a far date would overflow the period's arithmetic, and means a typing slip).
        if (r.StartOn is { Year: < MinYear or > MaxYear }) errors.Add("startOn", Lang.T($"开始日期须在 {MinYear} 至 {MaxYear} 年之间", $"The start lies between {MinYear} and {MaxYear}"));
        if (r.EndOn is { Year: < MinYear or > MaxYear }) errors.Add("endOn", Lang.T($"结束日期须在 {MinYear} 至 {MaxYear} 年之间", $"The end lies between {MinYear} and {MaxYear}"));
        if (r.StartOn is { } s && r.EndOn is { } e && !errors.Has("startOn") && !errors.Has("endOn"))
        {
            if (e < s) errors.Add("endOn", Lang.T("结束日期不能早于开始日期", "The end cannot be before the start"));
            else if (e > s.AddYears(5)) errors.Add("endOn", Lang.T("项目周期不能超过 5 年", "A project runs at most 5 years"));
        }
        // A JSON list may hold null where a line belongs: named as a line to fill, never a crash.
        for (var i = 0; i < (r.Funding?.Count ?? 0); i++)
            if (r.Funding![i] is null) errors.Add($"funding[{i}]", Lang.T($"第 {i + 1} 条资金来源为空，请填写或删去", $"Funding line {i + 1} is empty: fill it in or leave it out"));
        for (var i = 0; i < (r.Indicators?.Count ?? 0); i++)
            if (r.Indicators![i] is null) errors.Add($"indicators[{i}]", Lang.T($"第 {i + 1} 项指标为空，请填写或删去", $"Indicator {i + 1} is empty: fill it in or leave it out"));
        var lines = (r.Funding ?? []).Where(l => l is not null && !l.IsEmpty).ToList();
        if (lines.Count == 0) errors.Add("funding", Lang.T("请至少填写一条资金来源", "Give at least one funding line"));
        else if (lines.Count > MaxFunding) errors.Add("funding", Lang.T($"资金来源最多 {MaxFunding} 条", $"At most {MaxFunding} funding lines"));
        var linesOk = true;
        for (var i = 0; i < (r.Funding?.Count ?? 0); i++)
        {
            var l = r.Funding![i];
            if (l is null || l.IsEmpty) continue;
            if (l.Source is not { } src || !Enum.IsDefined(src)) { errors.Add($"funding[{i}].source", Lang.T($"第 {i + 1} 条：请选择资金来源", $"Line {i + 1}: choose the source")); linesOk = false; }
            if (l.AmountYuan is not { } y || !Money.IsYuan(y)) { errors.Add($"funding[{i}].amountYuan", Lang.T($"第 {i + 1} 条：金额须大于 0、不超过 1 亿元，最多两位小数", $"Line {i + 1}: the amount is above 0 and at most 100 million yuan, with at most 2 decimals")); linesOk = false; }
            errors.Text($"funding[{i}].note", l.Note, "说明", "The note", 0, 100, required: false);
        }
        if (r.BudgetYuan is not { } budget || !Money.IsYuan(budget))
            errors.Add("budgetYuan", Lang.T("项目预算须大于 0、不超过 1 亿元，最多两位小数", "The budget is above 0 and at most 100 million yuan, with at most 2 decimals"));
        else if (linesOk && lines.Count > 0 && lines.Sum(l => l.AmountYuan!.Value) is var sum && sum != budget)
            errors.Add("budgetYuan", Lang.T($"预算与资金来源合计不一致：预算 {Money.Yuan(Money.Fen(budget))}，资金来源合计 {Money.Yuan(Money.Fen(sum))}",
                $"The budget and the funding lines differ: budget {Money.Yuan(Money.Fen(budget))}, lines {Money.Yuan(Money.Fen(sum))}"));
        var indicators = (r.Indicators ?? []).Where(x => x is not null && !x.IsEmpty).ToList();
        if (indicators.Count == 0) errors.Add("indicators", Lang.T("请至少设定一项指标", "Set at least one indicator"));
        else if (indicators.Count > MaxIndicators) errors.Add("indicators", Lang.T($"指标最多 {MaxIndicators} 项", $"At most {MaxIndicators} indicators"));
        for (var i = 0; i < (r.Indicators?.Count ?? 0); i++)
        {
            var x = r.Indicators![i];
            if (x is null || x.IsEmpty) continue;
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(x.Name) || x.Name.Trim().Length is < 2 or > 50)
                errors.Add($"indicators[{i}].name", Lang.T($"第 {n} 项指标：名称须为 2–50 个字", $"Indicator {n}: the name is 2–50 characters"));
            else if (r.Indicators.Take(i).Any(o => o is not null && !o.IsEmpty && string.Equals(o.Name?.Trim(), x.Name.Trim(), StringComparison.Ordinal)))
                errors.Add($"indicators[{i}].name", Lang.T($"第 {n} 项指标：“{x.Name.Trim()}”与前面的指标重复", $"Indicator {n}: \"{x.Name.Trim()}\" is listed twice"));
            if (x.Measure is not { } m || !Enum.IsDefined(m)) errors.Add($"indicators[{i}].measure", Lang.T($"第 {n} 项指标：请选择统计口径", $"Indicator {n}: choose the measure"));
            else if (m != IndicatorMeasure.Beneficiaries && (x.Kinds is null || x.Kinds.Count == 0 || x.Kinds.Any(k => !Enum.IsDefined(k))))
                errors.Add($"indicators[{i}].kinds", Lang.T($"第 {n} 项指标：请选择统计的服务类型", $"Indicator {n}: choose the service kinds it counts"));
            if (x.Target is not { } t || t <= 0 || t > 1_000_000)
                errors.Add($"indicators[{i}].target", Lang.T($"第 {n} 项指标：目标值须为大于 0 的整数（不超过 100 万）", $"Indicator {n}: the target is a whole number above 0 (at most 1,000,000)"));
            if (string.IsNullOrWhiteSpace(x.Unit) || x.Unit.Trim().Length > 10)
                errors.Add($"indicators[{i}].unit", Lang.T($"第 {n} 项指标：请填写单位（如 场、次、人）", $"Indicator {n}: give the unit (场, 次, 人)"));
        }
        if ((r.NeedIds?.Count ?? 0) > MaxNeeds) errors.Add("needIds", Lang.T($"一个项目最多关联 {MaxNeeds} 条需求", $"A project answers at most {MaxNeeds} needs"));
        return errors;
    }


    /// <summary>
    /// Saves; two new projects of one area numbered at one moment take the same number: the unique index refuses the second, whose
    /// whole request is then read and numbered again (nothing of the refused attempt is kept).
    /// </summary>
    public static async Task<Result<Saved>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (result, renumber) = await Attempt(db, user, clock, id, r, ct);
            if (!renumber) return result;
            if (attempt >= 8) return UniqueKeys.Conflict();
        }
    }

    static async Task<(Result<Saved> Result, bool Renumber)> Attempt(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct)
    {
        Project? project = null;
        if (id is { } pid)
        {
            project = await ProjectRules.FindAsync(db, user, pid, ct);
            if (project is null) return (Failure.NotFound(), false);
        }
        var errors = Validate(r);
        var code = AreaCode.Normalize(r.AreaCode);
        if (!errors.Has("areaCode"))
        {
            var level = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => (AreaLevel?)a.Level).FirstOrDefaultAsync(ct);
            if (level is null) errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
            else if (level is not (AreaLevel.County or AreaLevel.Township or AreaLevel.Village))
                errors.Add("areaCode", Lang.T("项目应设在县（区）、镇（街道）或社区（村）", "A project belongs to a county, a township or a community"));
            else if (project is not null && project.AreaCode != code)
                errors.Add("areaCode", Lang.T("项目区划创建后不能更改", "A project's area does not change once created"));
        }
        ServingOrganizations.Serving? organization = null;
        if (!errors.Has("areaCode") && r.OrganizationId is { } oid)
        {
            organization = await ServingOrganizations.Find(db, code!, oid, ct);
            if (organization is null) errors.Add("organizationId", Lang.T("所选社会组织不存在、已暂停或注销，或不服务该项目所在区域", "The organization does not exist, is suspended or deregistered, or does not serve the project's area"));
        }
        var needIds = (r.NeedIds ?? []).Distinct().ToList();
        var needs = needIds.Count == 0 ? [] : await db.Set<Need>().Where(n => needIds.Contains(n.Id)).ToListAsync(ct);
        if (needs.Count < needIds.Count) errors.Add("needIds", Lang.T("所选需求不存在或不在您的管辖范围内", "A need chosen does not exist or lies outside your area"));
        else if (code is not null && !errors.Has("areaCode"))
        {
            var prefix = AreaCode.Prefix(code);
            var outside = needs.Where(n => !n.AreaCode.StartsWith(prefix)).Select(n => n.NeedNo).ToList();
            if (outside.Count > 0) errors.Add("needIds", Lang.T($"需求 {string.Join("、", outside)} 不在项目区划内", $"Needs {string.Join(", ", outside)} lie outside the project's area"));
        }
        var answered = project is null ? [] : await db.Set<ProjectNeed>().Where(x => x.ProjectId == project.Id).Select(x => x.NeedId).ToListAsync(ct);
        var closed = needs.Where(n => !answered.Contains(n.Id) && !NeedRules.MayMatch(n.Status)).Select(n => n.NeedNo).ToList();
        if (closed.Count > 0) errors.Add("needIds", Lang.T($"需求 {string.Join("、", closed)} 未受理或已解决，不能纳入项目", $"Needs {string.Join(", ", closed)} are not accepted or are resolved: they cannot join a project"));
        if (errors.Any) return (errors.ToFailure(), false);

        var now = clock.GetUtcNow();
        var name = await Workers.NameAsync(db, user, ct);
        if (project is null)
        {
            project = new Project(code!, await ProjectRules.NextNumberAsync(db, code!, now.ToOffset(ChinaTime.Offset).Year, ct), user.Id, name, now);
            db.Add(project);
            db.Add(new ProjectStep(project, ProjectStatus.Draft, now, user.Id, name, ""));
        }
        else
        {
            if (r.Version is { } v && v != project.Version) return (Stale(), false);
            if (ProjectRules.EditRefusal(project.Status, await ProjectRules.ActorAsync(db, user, project, ct)) is { } refusal) return (Failure.Conflict(refusal), false);
            // Who saves the design is one of its designers (the timeline says so; none of them approves it: ProjectRules.Standing).
            db.Add(new ProjectStep(project, ProjectStatus.Draft, now, user.Id, name, ""));
            db.RemoveRange(await db.Set<ProjectFunding>().Where(f => f.ProjectId == project.Id).ToListAsync(ct));
            db.RemoveRange(await db.Set<ProjectIndicator>().Where(f => f.ProjectId == project.Id).ToListAsync(ct));
        }
        var title = r.Title!.Trim();
        project.Describe(title, r.Focus!.Value, r.Focus == FocusArea.Other ? r.FocusNote!.Trim() : "", r.TargetGroups?.Trim() ?? "", r.Summary?.Trim() ?? "",
            r.PlannedActivities?.Trim() ?? "", organization!.Id, organization.Name, r.StartOn!.Value, r.EndOn!.Value, Money.Fen(r.BudgetYuan!.Value));
        AddLines(db, project, r.Funding!, r.Indicators!);
        foreach (var need in needs.Where(n => !answered.Contains(n.Id)))
        {
            db.Add(new ProjectNeed(project, need.Id));
            MatchNeed.Link(db, need, NeedMatchKind.Project, project.Id, title, "", now, user.Id, name);
        }
        foreach (var need in needs.Where(n => NeedRules.Open.Contains(n.Status))) need.AwaitProject(ProjectRules.EndsAt(project.EndOn));
        try
        {
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) return (new Saved(project.Id, project.ProjectNo, project.Version), false);
            return columns.Contains(nameof(Project.ProjectNo)) ? (default, true) : (UniqueKeys.Conflict(), false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (Stale(), false);
        }
    }

    /// <summary>The project's funding lines and indicators from validated request lines (empty ones skipped): the design's, and a competition award's.</summary>
    internal static void AddLines(AppDb db, Project project, IEnumerable<FundingLine> funding, IEnumerable<Indicator> indicators)
    {
        foreach (var l in funding.Where(l => !l.IsEmpty)) db.Add(new ProjectFunding(project, l.Source!.Value, Money.Fen(l.AmountYuan!.Value), l.Note?.Trim() ?? ""));
        var order = 0;
        foreach (var x in indicators.Where(x => !x.IsEmpty))
            db.Add(new ProjectIndicator(project, ++order, x.Name!.Trim(), x.Measure!.Value,
                x.Measure == IndicatorMeasure.Beneficiaries ? 0 : ProjectIndicator.Mask(x.Kinds!), x.Target!.Value, x.Unit!.Trim()));
    }

    static Failure Stale() => Failure.Conflict(Lang.T("项目或所选需求刚被他人修改，您的操作未保存，请刷新后再试", "The project or a need chosen changed a moment ago; nothing was saved: reload and try again"));
}
