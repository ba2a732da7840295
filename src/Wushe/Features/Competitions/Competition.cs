using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>
/// A call's life: 草稿 → 已发布 (申报 from <see cref="Competition.OpensAt"/> to <see cref="Competition.ClosesAt"/>, then 初审 and 评审)
/// → 公示中 (the shortlist posted for <see cref="Competition.NoticeDays"/> days) → 已确定资助 (awards confirmed within the pool); a draft
/// or a published call before its deadline may be withdrawn (已撤回). DOMAIN.md "Venture-philanthropy competitions".
/// </summary>
public enum CompetitionStatus
{
    Draft = 1,
    Published = 2,
    Notice = 3,
    Decided = 4,
    Withdrawn = 9,
}

/// <summary>评分汇总方式: how the judges' totals of one application make its score.</summary>
public enum ScoreAggregation
{
    /// <summary>算术平均: the mean of the totals of the judges who scored it.</summary>
    Mean = 1,
    /// <summary>去掉一个最高分和一个最低分后取平均 (with at least three totals; fewer: the mean).</summary>
    TrimmedMean = 2,
}

/// <summary>同分排序规则: the stated rule that orders applications of equal final score (then the earlier submission, then the number).</summary>
public enum TieBreak
{
    /// <summary>按评分指标顺序比较各项平均分: the first criterion's mean decides, then the second …</summary>
    CriteriaInOrder = 1,
    /// <summary>申请金额少者在前.</summary>
    LowerRequest = 2,
    /// <summary>提交在先者在前.</summary>
    EarlierSubmission = 3,
}

/// <summary>配套资金: whether an application's co-funding (money it brings besides the award) is asked for.</summary>
public enum CoFundingRule
{
    None = 0,
    /// <summary>必须配套: at least <see cref="Competition.CoFundingMinPercent"/>% of the amount requested; less is ineligible.</summary>
    Required = 1,
    /// <summary>配套加分: bonus points rising linearly to <see cref="Competition.BonusMaxPoints"/> at <see cref="Competition.BonusFullPercent"/>%.</summary>
    Rewarded = 2,
}

/// <summary>拨付节点: what releases a tranche.</summary>
public enum TrancheGate
{
    /// <summary>签订协议后.</summary>
    Signing = 1,
    /// <summary>中期评估合格后 (a failed or late mid-term evaluation stops this tranche and the ones after it).</summary>
    MidTermPassed = 2,
    /// <summary>结项评估合格后.</summary>
    FinalPassed = 3,
}

/// <summary>评分指标: a criterion of the rubric — its weight in percent (the weights add up to 100) and the highest score a judge may give.</summary>
public sealed record RubricCriterion(string Name, int Weight, int MaxScore);

/// <summary>拨付计划: one tranche — its share of the award in percent (the shares add up to 100) and its gate.</summary>
public sealed record TranchePlan(int Percent, TrancheGate Gate);

/// <summary>
/// 公益创投 申报通知: a call for applications, held by its host area (a county or city bureau, a station, or a community fund's committee
/// for a micro-venture call). Carries the focus areas, the eligibility rules (as data: organization kinds, registration age, serving the
/// host area, no unfinished award of an earlier call of the host area), the pool and the per-project cap in fen, the co-funding rule,
/// the rubric, the number of judges, the aggregation and tie rules, the timetable (instants, shown in China time), the documents an
/// application must carry and the tranche plan. <see cref="AwardedFen"/> is the sum of its confirmed awards, kept under the call's row
/// lock so that it never exceeds <see cref="PoolFen"/>.
/// </summary>
public sealed class Competition : IAreaScoped
{
    private Competition() { AreaCode = CallNo = Title = HostName = Description = OtherConditions = CreatedByName = StatusNote = ""; Focuses = []; EligibleKinds = []; Rubric = []; RequiredDocuments = []; Tranches = []; }

    public Competition(string areaCode, string callNo, Guid? createdById, string createdByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        CallNo = callNo;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = at;
        Status = CompetitionStatus.Draft;
        Title = HostName = Description = OtherConditions = StatusNote = "";
        Focuses = [];
        EligibleKinds = [];
        Rubric = [];
        RequiredDocuments = [];
        Tranches = [];
    }

    public Guid Id { get; private set; }
    /// <summary>The host area (12 digits): whose staff run the call; applications' projects lie in it.</summary>
    public string AreaCode { get; private set; }
    /// <summary>CT + the host area's first 9 digits + year + 2 digits.</summary>
    public string CallNo { get; private set; }
    public string Title { get; private set; }
    /// <summary>主办单位: as printed on the call (九原区民政局).</summary>
    public string HostName { get; private set; }
    public string Description { get; private set; }
    /// <summary>A micro-venture call's community fund (its pool is that fund's money); null for a bureau's call.</summary>
    public Guid? FundId { get; private set; }
    public List<FocusArea> Focuses { get; private set; }
    /// <summary>Organization kinds that may apply; empty: any registered kind.</summary>
    public List<OrganizationKind> EligibleKinds { get; private set; }
    /// <summary>At least this many months registered by the deadline (0: none).</summary>
    public int MinRegisteredMonths { get; private set; }
    /// <summary>The organization serves the project's area (its service areas cover it).</summary>
    public bool MustServeArea { get; private set; }
    /// <summary>No award of an earlier call of this host area still open (neither closed nor stopped).</summary>
    public bool NoUnfinishedAward { get; private set; }
    /// <summary>Conditions a reviewer checks at 初审 (as written).</summary>
    public string OtherConditions { get; private set; }
    /// <summary>资金池 in fen.</summary>
    public long PoolFen { get; private set; }
    /// <summary>单个项目资助上限 in fen.</summary>
    public long CapFen { get; private set; }
    public CoFundingRule CoFunding { get; private set; }
    public int CoFundingMinPercent { get; private set; }
    public int BonusMaxPoints { get; private set; }
    public int BonusFullPercent { get; private set; }
    public List<RubricCriterion> Rubric { get; private set; }
    /// <summary>评审专家人数: the judges each application is assigned.</summary>
    public int JudgeCount { get; private set; }
    public ScoreAggregation Aggregation { get; private set; }
    public TieBreak TieBreak { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    /// <summary>申报截止: nothing of an application changes from this instant.</summary>
    public DateTimeOffset ClosesAt { get; private set; }
    /// <summary>公示期 in days (at least 5).</summary>
    public int NoticeDays { get; private set; }
    public List<string> RequiredDocuments { get; private set; }
    public List<TranchePlan> Tranches { get; private set; }
    /// <summary>中期评估 due this many months after signing; not passed by then = failed (DOMAIN.md: late = fail).</summary>
    public int MidTermMonths { get; private set; }
    public CompetitionStatus Status { get; private set; }
    public string StatusNote { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? NoticeFrom { get; private set; }
    public DateTimeOffset? NoticeUntil { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>Σ confirmed awards in fen (≤ <see cref="PoolFen"/>).</summary>
    public long AwardedFen { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Describe(string title, string hostName, string description, Guid? fundId, List<FocusArea> focuses, List<OrganizationKind> eligibleKinds,
        int minRegisteredMonths, bool mustServeArea, bool noUnfinishedAward, string otherConditions, long poolFen, long capFen,
        CoFundingRule coFunding, int coFundingMinPercent, int bonusMaxPoints, int bonusFullPercent, List<RubricCriterion> rubric, int judgeCount,
        ScoreAggregation aggregation, TieBreak tieBreak, DateTimeOffset opensAt, DateTimeOffset closesAt, int noticeDays,
        List<string> requiredDocuments, List<TranchePlan> tranches, int midTermMonths)
    {
        Title = title; HostName = hostName; Description = description; FundId = fundId; Focuses = focuses; EligibleKinds = eligibleKinds;
        MinRegisteredMonths = minRegisteredMonths; MustServeArea = mustServeArea; NoUnfinishedAward = noUnfinishedAward; OtherConditions = otherConditions;
        PoolFen = poolFen; CapFen = capFen; CoFunding = coFunding; CoFundingMinPercent = coFundingMinPercent; BonusMaxPoints = bonusMaxPoints;
        BonusFullPercent = bonusFullPercent; Rubric = rubric; JudgeCount = judgeCount; Aggregation = aggregation; TieBreak = tieBreak;
        OpensAt = opensAt; ClosesAt = closesAt; NoticeDays = noticeDays; RequiredDocuments = requiredDocuments; Tranches = tranches; MidTermMonths = midTermMonths;
        Version++;
    }

    public void Publish(DateTimeOffset at) { Status = CompetitionStatus.Published; PublishedAt = at; Version++; }

    public void Withdraw(string reason) { Status = CompetitionStatus.Withdrawn; StatusNote = reason; Version++; }

    public void PostNotice(DateTimeOffset from) { Status = CompetitionStatus.Notice; NoticeFrom = from; NoticeUntil = from.AddDays(NoticeDays); Version++; }

    public void Decide(DateTimeOffset at) { Status = CompetitionStatus.Decided; DecidedAt = at; Version++; }

    /// <summary>A confirmed award's amount joins the sum (the caller holds the call's row lock and has checked the pool).</summary>
    public void Award(long amountFen)
    {
        if (AwardedFen + amountFen > PoolFen) throw new InvalidOperationException($"Call {Id}: awards {AwardedFen + amountFen} would exceed the pool {PoolFen}.");
        AwardedFen += amountFen;
        Version++;
    }

    /// <summary>Applications are taken (drafted, changed, submitted) from the opening to the deadline of a published call.</summary>
    public bool Accepting(DateTimeOffset now) => Status == CompetitionStatus.Published && now >= OpensAt && now < ClosesAt;

    /// <summary>The phase a visitor reads: 即将开始, 申报中, 评审中, 公示中, 公示期满, 已确定资助, 草稿, 已撤回.</summary>
    public string PhaseLabel(DateTimeOffset now) => Status switch
    {
        CompetitionStatus.Draft => Lang.T("草稿", "Draft"),
        CompetitionStatus.Published when now < OpensAt => Lang.T("即将开始申报", "Opening soon"),
        CompetitionStatus.Published when now < ClosesAt => Lang.T("申报中", "Open for applications"),
        CompetitionStatus.Published => Lang.T("评审中", "Under review"),
        CompetitionStatus.Notice when now < NoticeUntil => Lang.T("公示中", "Shortlist on notice"),
        CompetitionStatus.Notice => Lang.T("公示期满，待确定资助", "Notice ended, awards to confirm"),
        CompetitionStatus.Decided => Lang.T("已确定资助", "Awards confirmed"),
        CompetitionStatus.Withdrawn => Lang.T("已撤回", "Withdrawn"),
        _ => Status.ToString(),
    };

    public static string StatusLabel(CompetitionStatus s) => s switch
    {
        CompetitionStatus.Draft => Lang.T("草稿", "Draft"),
        CompetitionStatus.Published => Lang.T("已发布", "Published"),
        CompetitionStatus.Notice => Lang.T("公示中", "On notice"),
        CompetitionStatus.Decided => Lang.T("已确定资助", "Awards confirmed"),
        CompetitionStatus.Withdrawn => Lang.T("已撤回", "Withdrawn"),
        _ => s.ToString(),
    };

    public static string AggregationLabel(ScoreAggregation a) => a switch
    {
        ScoreAggregation.Mean => Lang.T("算术平均", "Mean"),
        ScoreAggregation.TrimmedMean => Lang.T("去掉一个最高分和一个最低分后取平均", "Mean after dropping the highest and the lowest"),
        _ => a.ToString(),
    };

    public static string TieBreakLabel(TieBreak t) => t switch
    {
        TieBreak.CriteriaInOrder => Lang.T("按评分指标顺序比较单项平均分", "Criterion means in the rubric's order"),
        TieBreak.LowerRequest => Lang.T("申请资助金额少者在前", "The smaller request first"),
        TieBreak.EarlierSubmission => Lang.T("提交在先者在前", "The earlier submission first"),
        _ => t.ToString(),
    };

    public static string CoFundingLabel(CoFundingRule c) => c switch
    {
        CoFundingRule.None => Lang.T("不要求配套", "No co-funding"),
        CoFundingRule.Required => Lang.T("必须配套", "Co-funding required"),
        CoFundingRule.Rewarded => Lang.T("配套加分", "Co-funding earns bonus points"),
        _ => c.ToString(),
    };

    public static string GateLabel(TrancheGate g) => g switch
    {
        TrancheGate.Signing => Lang.T("签订协议后", "On signing"),
        TrancheGate.MidTermPassed => Lang.T("中期评估合格后", "After a passed mid-term evaluation"),
        TrancheGate.FinalPassed => Lang.T("结项评估合格后", "After a passed final evaluation"),
        _ => g.ToString(),
    };
}
