using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 新建申报通知 / 修改草稿: a host (bureau staff or a station worker) drafts a call of a city, county or township of their scope, or edits
/// its draft — the rules of <see cref="CompetitionRules.Validate"/> (every field named). The number (CT + the host area's first 9 digits +
/// the year in China + 2 digits) is given on creation; two drafts numbered at one moment meet at the unique index and the second is
/// numbered again. A micro-venture call may name the community fund that pays it (<see cref="Request.FundId"/>: <see cref="CallFund.ProblemAsync"/>,
/// 400 naming fundId — unknown or out of scope, outside the host area, not active). A call no longer a draft is 409; a stale version 409; another
/// area's call 404. A deadline already past is refused (400 naming closesAt: a draft is saved to be published). A call's public text
/// carries no mobile or ID number (<see cref="CompetitionRules.PersonalNumber"/>). All or nothing.
/// </summary>
public static class SaveCompetition
{
    public sealed record Criterion
    {
        [Label("指标名称", "Criterion")] public string? Name { get; init; }
        [Label("权重（%）", "Weight (%)")] public int? Weight { get; init; }
        [Label("满分", "Maximum score")] public int? MaxScore { get; init; }
        [System.Text.Json.Serialization.JsonIgnore] public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Weight is null && MaxScore is null;
    }

    public sealed record Tranche
    {
        [Label("拨付比例（%）", "Share (%)")] public int? Percent { get; init; }
        [Label("拨付节点", "Gate")] public TrancheGate? Gate { get; init; }
        [System.Text.Json.Serialization.JsonIgnore] public bool IsEmpty => Percent is null && Gate is null;
    }

    public sealed record Request
    {
        /// <summary>主办地区: the 12-digit code of a city, county or township of the user's scope (fixed once created).</summary>
        [Label("主办地区", "Host area")] public string? AreaCode { get; init; }
        [Label("名称", "Title")] public string? Title { get; init; }
        [Label("主办单位", "Host")] public string? HostName { get; init; }
        [Label("申报通知", "Call text")] public string? Description { get; init; }
        /// <summary>
        /// 出资的社区慈善基金 (a micro-venture call, ADR 0018): an active fund of the scope whose community or township lies within the host
        /// area; null: the host's own budget. The pool is then checked against what the fund can pay when the call is published.
        /// </summary>
        [Label("社区慈善基金", "Community fund")] public Guid? FundId { get; init; }
        [Label("资助领域", "Focus areas")] public List<FocusArea>? Focuses { get; init; }
        /// <summary>Empty: any registered kind.</summary>
        [Label("可申报的组织类型", "Organization kinds")] public List<OrganizationKind>? EligibleKinds { get; init; }
        [Label("登记满（月）", "Registered at least (months)")] public int? MinRegisteredMonths { get; init; }
        [Label("须服务项目所在区域", "Must serve the area")] public bool? MustServeArea { get; init; }
        [Label("无未结项的资助", "No unfinished award")] public bool? NoUnfinishedAward { get; init; }
        [Label("其他申报条件", "Other conditions")] public string? OtherConditions { get; init; }
        [Label("资金池（元）", "Pool (yuan)")] public decimal? PoolYuan { get; init; }
        [Label("单个项目资助上限（元）", "Cap per project (yuan)")] public decimal? CapYuan { get; init; }
        [Label("配套资金", "Co-funding")] public CoFundingRule? CoFunding { get; init; }
        [Label("最低配套比例（%）", "Minimum co-funding (%)")] public int? CoFundingMinPercent { get; init; }
        [Label("配套加分上限", "Bonus points")] public int? BonusMaxPoints { get; init; }
        [Label("满分配套比例（%）", "Co-funding for the full bonus (%)")] public int? BonusFullPercent { get; init; }
        [Label("评分指标", "Rubric")] public List<Criterion>? Rubric { get; init; }
        [Label("评审专家人数", "Judges")] public int? JudgeCount { get; init; }
        [Label("汇总方式", "Aggregation")] public ScoreAggregation? Aggregation { get; init; }
        [Label("同分排序", "Tie rule")] public TieBreak? TieBreak { get; init; }
        /// <summary>申报开始: an instant (ISO 8601 with its offset, e.g. 2026-05-01T09:00:00+08:00); pages enter it in China time.</summary>
        [Label("申报开始时间", "Opens")] public DateTimeOffset? OpensAt { get; init; }
        /// <summary>申报截止: after the opening, at most a year after it.</summary>
        [Label("申报截止时间", "Closes")] public DateTimeOffset? ClosesAt { get; init; }
        [Label("公示天数", "Notice days")] public int? NoticeDays { get; init; }
        [Label("申报材料", "Documents")] public List<string>? RequiredDocuments { get; init; }
        [Label("拨付计划", "Tranches")] public List<Tranche>? Tranches { get; init; }
        [Label("中期评估期限（月）", "Mid-term due (months)")] public int? MidTermMonths { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Saved(Guid Id, string CallNo, int Version);

    /// <summary>The request's own rules (no database): <see cref="CompetitionRules.Validate"/>.</summary>
    public static Errors Validate(Request r) => CompetitionRules.Validate(r);

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
        Competition? call = null;
        if (id is { } cid && (call = await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == cid, ct)) is null) return (Failure.NotFound(), false);
        var errors = Validate(r);
        var code = AreaCode.Normalize(r.AreaCode);
        if (!errors.Has("areaCode"))
        {
            var level = code is null || !user.Scope.Covers(code) ? null
                : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => (AreaLevel?)a.Level).FirstOrDefaultAsync(ct);
            if (level is null) errors.Add("areaCode", Lang.T("主办地区不存在或不在您的管辖范围内", "The host area does not exist or lies outside your area"));
            else if (level is not (AreaLevel.City or AreaLevel.County or AreaLevel.Township))
                errors.Add("areaCode", Lang.T("主办地区应为市、县（区）或乡镇（街道）", "The host area is a city, a county or a township"));
            else if (call is not null && call.AreaCode != code)
                errors.Add("areaCode", Lang.T("主办地区创建后不能更改", "A call's host area does not change once created"));
            else if (r.FundId is { } fundId && await CallFund.ProblemAsync(db, code!, fundId, ct) is { } fundProblem)
                errors.Add("fundId", fundProblem);
        }
        // A draft is saved to be published: a deadline already behind it takes no application (a published call is not edited: 409 below).
        if (!errors.Has("closesAt") && r.ClosesAt is { } closes && closes <= clock.GetUtcNow() && call is null or { Status: CompetitionStatus.Draft })
            errors.Add("closesAt", Lang.T($"申报截止时间（{ChinaTime.Format(closes)}）已过，请填写今后的时间", $"The deadline ({ChinaTime.Format(closes)}) has passed: give a time to come"));
        if (errors.Any) return (errors.ToFailure(), false);
        if (call is not null)
        {
            if (call.Status != CompetitionStatus.Draft)
                return (Failure.Conflict(Lang.T($"该申报通知{Competition.StatusLabel(call.Status)}，只有草稿可以修改", $"This call is {Competition.StatusLabel(call.Status).ToLowerInvariant()}: only a draft can be edited")), false);
            if (r.Version is { } v && v != call.Version) return (CompetitionRules.Stale, false);
        }
        else
        {
            var now = clock.GetUtcNow();
            call = new Competition(code!, await CompetitionRules.NextNumberAsync(db, code!, now.ToOffset(ChinaTime.Offset).Year, ct), user.Id,
                await Workers.NameAsync(db, user, ct), now);
            db.Add(call);
        }
        call.Describe(r.Title!.Trim(), r.HostName!.Trim(), r.Description?.Trim() ?? "", r.FundId, [.. r.Focuses!.Distinct().Order()], [.. (r.EligibleKinds ?? []).Distinct().Order()],
            r.MinRegisteredMonths ?? 0, r.MustServeArea ?? false, r.NoUnfinishedAward ?? false, r.OtherConditions?.Trim() ?? "",
            Money.Fen(r.PoolYuan!.Value), Money.Fen(r.CapYuan!.Value), r.CoFunding!.Value,
            r.CoFunding == CoFundingRule.Required ? r.CoFundingMinPercent!.Value : 0,
            r.CoFunding == CoFundingRule.Rewarded ? r.BonusMaxPoints!.Value : 0,
            r.CoFunding == CoFundingRule.Rewarded ? r.BonusFullPercent!.Value : 0,
            [.. r.Rubric!.Where(c => c is not null && !c.IsEmpty).Select(c => new RubricCriterion(c.Name!.Trim(), c.Weight!.Value, c.MaxScore!.Value))],
            r.JudgeCount!.Value, r.Aggregation!.Value, r.TieBreak!.Value, r.OpensAt!.Value.ToUniversalTime(), r.ClosesAt!.Value.ToUniversalTime(), r.NoticeDays!.Value,
            [.. (r.RequiredDocuments ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim())],
            [.. r.Tranches!.Where(t => t is not null && !t.IsEmpty).Select(t => new TranchePlan(t.Percent!.Value, t.Gate!.Value))],
            r.Tranches!.Any(t => t is { Gate: TrancheGate.MidTermPassed }) ? r.MidTermMonths!.Value : 0);
        try
        {
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) return (new Saved(call.Id, call.CallNo, call.Version), false);
            return columns.Contains(nameof(Competition.CallNo)) ? (default, true) : (UniqueKeys.Conflict(), false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (CompetitionRules.Stale, false);
        }
    }
}
