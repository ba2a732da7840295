using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 填写申报书 / 修改: an organization's staff draft their organization's application to a call that accepts now, or edit the draft (or a
/// returned one before its 补正期限). The design is the projects form's (<see cref="SaveProject.Validate"/>, one rule in one place: title,
/// focus, target groups, summary, planned activities, period, budget = Σ funding lines, indicators) plus: the focus one of the call's,
/// the period starting on or after the deadline's China date (<see cref="EarliestStart"/>: awards follow the review),
/// the project's area a county, township or community under the call's host area that the organization serves
/// (<see cref="ApplicationRules.ServedAreasAsync"/>, the areas the apply form offers; any other: 400 naming areaCode), the request = the lines of source 公益创投资助 (at least one; ≤ the call's cap), co-funding =
/// the other lines (a call requiring it: at least its share of the request). One application per organization and call (not
/// withdrawn), also when two first saves race (the organization's row lock): 409. The organization must be able to act
/// (<see cref="OrganizationAccess.ActingRefusalAsync"/>). From the deadline: 409.
/// </summary>
public static class SaveApplication
{
    public sealed record Request
    {
        /// <summary>12-digit code of the project's area: a county, township or community under the call's host area, served by the organization.</summary>
        [Label("项目区划", "Area")] public string? AreaCode { get; init; }
        [Label("项目名称", "Title")] public string? Title { get; init; }
        [Label("服务领域", "Focus")] public FocusArea? Focus { get; init; }
        [Label("其他领域", "Other focus")] public string? FocusNote { get; init; }
        [Label("服务对象", "Target groups")] public string? TargetGroups { get; init; }
        [Label("项目简介", "Summary")] public string? Summary { get; init; }
        [Label("计划活动", "Planned activities")] public string? PlannedActivities { get; init; }
        [Label("开始日期", "Starts on")] public DateOnly? StartOn { get; init; }
        [Label("结束日期", "Ends on")] public DateOnly? EndOn { get; init; }
        /// <summary>Yuan with at most 2 decimals; must equal the sum of <see cref="Funding"/>.</summary>
        [Label("项目预算（元）", "Budget (yuan)")] public decimal? BudgetYuan { get; init; }
        /// <summary>The lines of source CompetitionAward are the request; the others the co-funding.</summary>
        [Label("资金来源", "Funding")] public List<SaveProject.FundingLine>? Funding { get; init; }
        [Label("项目指标", "Indicators")] public List<SaveProject.Indicator>? Indicators { get; init; }
        /// <summary>Editing: the version read (409 when someone saved in between).</summary>
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Saved(Guid Id, int Version, long RequestedFen, long CoFundingFen);

    /// <summary>The request's own rules (no database): the projects form's, then the call's focus, request, cap and co-funding.</summary>
    public static Errors Validate(Competition call, Guid organizationId, Request r)
    {
        var errors = SaveProject.Validate(AsProject(organizationId, r));
        if (!errors.Has("startOn") && r.StartOn is { } start && start < EarliestStart(call))
            errors.Add("startOn", Lang.T($"项目开始日期不能早于申报截止日（{ChinaTime.Format(EarliestStart(call))}）：资助在评审之后才确定",
                $"The project starts on or after the call's deadline ({ChinaTime.Format(EarliestStart(call))}): awards follow the review"));
        if (r.Focus is { } focus && Enum.IsDefined(focus) && call.Focuses.Count > 0 && !call.Focuses.Contains(focus))
            errors.Add("focus", Lang.T($"服务领域须为本次公益创投的资助领域之一：{string.Join("、", call.Focuses.Select(Organization.FocusLabel))}",
                $"The focus is one of the call's: {string.Join(", ", call.Focuses.Select(Organization.FocusLabel))}"));
        if (errors.Has("budgetYuan") || errors.Has("funding") || (r.Funding ?? []).Any(l => l is null)) return errors;
        var lines = r.Funding!.Where(l => !l.IsEmpty).ToList();
        if (lines.Any(l => l.Source is null || l.AmountYuan is not { } y || !Money.IsYuan(y))) return errors;
        var (requested, coFunding) = Amounts(lines);
        if (requested == 0)
            errors.Add("funding", Lang.T("请至少填写一条来源为“公益创投资助”的资金（即申请资助金额）", "Give at least one line of source Competition award: the amount requested"));
        else if (requested > call.CapFen)
            errors.Add("funding", Lang.T($"申请资助金额 {Money.Yuan(requested)} 超过单个项目资助上限 {Money.Yuan(call.CapFen)}",
                $"The amount requested, {Money.Yuan(requested)}, is above the cap per project, {Money.Yuan(call.CapFen)}"));
        if (requested > 0 && call.CoFunding == CoFundingRule.Required && coFunding * 100 < requested * call.CoFundingMinPercent)
            errors.Add("funding", Lang.T($"本次公益创投须配套不少于申请金额 {call.CoFundingMinPercent}% 的资金：申请 {Money.Yuan(requested)}，须配套至少 {Money.Yuan(MinCoFunding(call, requested))}，现配套 {Money.Yuan(coFunding)}",
                $"The call requires co-funding of at least {call.CoFundingMinPercent}% of the request: requested {Money.Yuan(requested)}, at least {Money.Yuan(MinCoFunding(call, requested))} needed, {Money.Yuan(coFunding)} pledged"));
        return errors;
    }

    /// <summary>The first day a project of the call may start: the China date of its deadline (awards follow the review).</summary>
    public static DateOnly EarliestStart(Competition call) => DateOnly.FromDateTime(call.ClosesAt.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>The least co-funding a call requiring it asks of a request (fen, rounded up).</summary>
    public static long MinCoFunding(Competition call, long requestedFen) => (requestedFen * call.CoFundingMinPercent + 99) / 100;

    /// <summary>The request (lines of source CompetitionAward) and the co-funding (the rest), in fen.</summary>
    public static (long Requested, long CoFunding) Amounts(IEnumerable<SaveProject.FundingLine> lines)
    {
        long requested = 0, other = 0;
        foreach (var l in lines)
        {
            var fen = Money.Fen(l.AmountYuan!.Value);
            if (l.Source == ProjectFundingSource.CompetitionAward) requested += fen; else other += fen;
        }
        return (requested, other);
    }

    /// <summary>The design as the projects form takes it (the organization is the applicant; no needs).</summary>
    static SaveProject.Request AsProject(Guid organizationId, Request r) => new()
    {
        AreaCode = r.AreaCode, Title = r.Title, Focus = r.Focus, FocusNote = r.FocusNote, TargetGroups = r.TargetGroups, Summary = r.Summary,
        PlannedActivities = r.PlannedActivities, OrganizationId = organizationId, StartOn = r.StartOn, EndOn = r.EndOn, BudgetYuan = r.BudgetYuan,
        Funding = r.Funding, Indicators = r.Indicators, NeedIds = [],
    };

    /// <summary>Editing by the application's id alone (the API's PUT): its call is the one it was made for.</summary>
    public static async Task<Result<Saved>> Edit(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default) =>
        OrganizationAccess.Own(user) is not null && await ApplicationRules.Readable(db, user).Where(a => a.Id == id).Select(a => (Guid?)a.CompetitionId).FirstOrDefaultAsync(ct) is { } callId
            ? await Handle(db, user, clock, callId, id, r, ct)
            : Failure.NotFound();

    public static async Task<Result<Saved>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, Guid? id, Request r, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is not { } organizationId) return Failure.Forbidden(Lang.T("只有社会组织工作人员可以为本机构申报", "Only an organization's staff apply for it"));
        if (await ApplicationRules.CallAsync(db, user, callId, ct) is not { } call) return Failure.NotFound();
        CompetitionApplication? application = null;
        if (id is { } aid && (application = await ApplicationRules.Readable(db, user).FirstOrDefaultAsync(a => a.Id == aid && a.CompetitionId == callId, ct)) is null)
            return Failure.NotFound();
        var now = clock.GetUtcNow();
        if (ApplicationRules.ChangeRefusal(call, application, now) is { } refusal) return ApplicationRules.Frozen(refusal);
        if (await OrganizationAccess.ActingRefusalAsync(db, organizationId, ct) is { } acting) return Failure.Conflict(acting);

        var errors = Validate(call, organizationId, r);
        var code = AreaCode.Normalize(r.AreaCode);
        if (!errors.Has("areaCode"))
        {
            var level = code is null ? null : await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == code && a.ValidTo == null).Select(a => (AreaLevel?)a.Level).FirstOrDefaultAsync(ct);
            if (level is null || !AreaCode.Covers(call.AreaCode, code!))
                errors.Add("areaCode", Lang.T("项目区划须为本次公益创投主办地区内的区划", "The project's area lies in the call's host area"));
            else if (level is not (AreaLevel.County or AreaLevel.Township or AreaLevel.Village))
                errors.Add("areaCode", Lang.T("项目应设在县（区）、镇（街道）或社区（村）", "A project belongs to a county, a township or a community"));
            else if (!ApplicationRules.Serves(await ApplicationRules.ServedAreasAsync(db, call, organizationId, ct), code!))
                errors.Add("areaCode", Lang.T("本机构不服务所选区域：请选择本机构服务区域内的区划，或先在“本机构”中补充服务区域", "Your organization does not serve this area: choose one it serves, or add it to the organization's service areas"));
        }
        if (errors.Any) return errors.ToFailure();
        if (application is not null && r.Version is { } v && v != application.Version) return ApplicationRules.Stale;

        var organization = await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(o => o.Id == organizationId, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (application is null)
        {
            // One application per organization and call: the organization's row taken first, then looked for (a racing first save waits here).
            await ApplicationRules.LockOrganizationAsync(db, organizationId, ct);
            if (await ApplicationRules.CurrentOfAsync(db, call.Id, organizationId, ct) is { } existing)
                return Failure.Conflict(Lang.T($"本机构已申报本次公益创投（{(existing.ApplicationNo.Length > 0 ? existing.ApplicationNo : CompetitionApplication.StatusLabel(existing.Status))}），每个机构限申报一个项目；如需重新申报，请先撤回原申报",
                    $"Your organization has applied to this call already ({(existing.ApplicationNo.Length > 0 ? existing.ApplicationNo : CompetitionApplication.StatusLabel(existing.Status))}): one application per organization; withdraw it first to apply again"));
            application = new CompetitionApplication(call, organization, user.Id, await Workers.NameAsync(db, user, ct), now);
            db.Add(application);
        }
        var lines = r.Funding!.Where(l => !l.IsEmpty).Select(l => l with { Note = l.Note?.Trim() ?? "" }).ToList();
        var (requested, coFunding) = Amounts(lines);
        var oldArea = application.AreaCode;
        application.Describe(code!, r.Title!.Trim(), r.Focus!.Value, r.Focus == FocusArea.Other ? r.FocusNote!.Trim() : "", r.TargetGroups?.Trim() ?? "",
            r.Summary?.Trim() ?? "", r.PlannedActivities?.Trim() ?? "", r.StartOn!.Value, r.EndOn!.Value, lines,
            [.. r.Indicators!.Where(x => !x.IsEmpty).Select(x => x with { Name = x.Name!.Trim(), Unit = x.Unit!.Trim(), Kinds = x.Measure == IndicatorMeasure.Beneficiaries ? [] : x.Kinds })],
            requested + coFunding, requested);
        if (oldArea != code && db.Entry(application).State != EntityState.Added) await MoveDocumentsAsync(db, application, ct);
        ApplicationRules.ActInCall(db, user, call);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ApplicationRules.Stale;
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new Saved(application.Id, application.Version, requested, coFunding);
    }

    /// <summary>The documents (and their files) lie where the application lies: a new project area takes them along.</summary>
    static async Task MoveDocumentsAsync(AppDb db, CompetitionApplication application, CancellationToken ct)
    {
        var documents = await db.Set<ApplicationDocument>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => d.ApplicationId == application.Id).ToListAsync(ct);
        var fileIds = documents.Select(d => d.FileId).ToList();
        foreach (var file in await db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(f => fileIds.Contains(f.Id)).ToListAsync(ct)) file.MoveTo(application.AreaCode);
        foreach (var d in documents)
        {
            db.Remove(d);
            db.Add(new ApplicationDocument(application, d.Name, d.FileId, d.FileName, d.UploadedAt));
        }
    }
}
