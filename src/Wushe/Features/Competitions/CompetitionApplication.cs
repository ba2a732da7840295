using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>
/// An application's life: 草稿 → 已提交 (a receipt number) → 初审: 初审通过, 初审未通过 (with the reason), or 退回补正 (once: the
/// organization corrects and submits again before the deadline) → 入围 (on the notice) → 获资助 / 未获资助. 已撤回: the organization
/// withdrew it before the deadline.
/// </summary>
public enum ApplicationStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Eligible = 4,
    Ineligible = 5,
    Shortlisted = 6,
    Awarded = 7,
    NotAwarded = 8,
    Withdrawn = 9,
}

/// <summary>What an automatic eligibility check checks (<see cref="ApplicationEligibility"/>).</summary>
public enum EligibilityRule
{
    /// <summary>登记状态: registered and not suspended.</summary>
    Registration = 1,
    /// <summary>机构类型: among the kinds the call admits.</summary>
    Kind = 2,
    /// <summary>登记时间: registered the call's months by its deadline.</summary>
    RegisteredFor = 3,
    /// <summary>服务区域: serves the project's area.</summary>
    ServiceArea = 4,
    /// <summary>未结项资助: no unfinished award of an earlier call of the host area.</summary>
    UnfinishedAward = 5,
}

/// <summary>
/// One automatic eligibility check as recorded at submission, in no language (stored as JSON on the application): the rule, whether it
/// passed, and the facts it decided by, as far as the rule reads them — the organization's <paramref name="Status"/> or
/// <paramref name="Kind"/>, the <paramref name="Kinds"/> the call admits, the <paramref name="Months"/> it asks, the organization's
/// <paramref name="RegisteredOn"/> (null: unknown) and the <paramref name="Deadline"/> (China dates). Its words are written when it is
/// read, in the reader's language (<see cref="ApplicationEligibility.Describe"/>): an English reader never meets the Chinese of a
/// submitter who worked in Chinese, nor the other way round. <paramref name="Name"/> and <paramref name="Detail"/> are the words of a
/// check recorded before the rule was kept (in the submitter's language, <paramref name="Rule"/> null): shown as they are.
/// </summary>
public sealed record EligibilityCheck(EligibilityRule? Rule, bool Passed, OrganizationStatus? Status = null, OrganizationKind? Kind = null,
    IReadOnlyList<OrganizationKind>? Kinds = null, int? Months = null, DateOnly? RegisteredOn = null, DateOnly? Deadline = null,
    string? Name = null, string? Detail = null);

/// <summary>
/// 申报书: an organization's application to a call — the project design (the projects issue's fields: title, focus, target groups,
/// the project's area in the call's host area, summary, planned activities, period, indicators with targets, budget with funding lines
/// in fen), the amount requested (≤ the call's cap) and the co-funding pledged, documents (<see cref="ApplicationDocument"/>). Held by
/// the organization (its staff see their own only) and lying in the project's area. Frozen from the call's deadline.
/// </summary>
public sealed class CompetitionApplication : IAreaScoped, IOrganizationHeld
{
    private CompetitionApplication() { AreaCode = ApplicationNo = OrganizationName = Title = FocusNote = TargetGroups = Summary = PlannedActivities = ScreeningNote = ScreenedByName = DefencePlace = CreatedByName = ""; Funding = []; Indicators = []; Checks = []; }

    public CompetitionApplication(Competition call, Organization organization, Guid? createdById, string createdByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CompetitionId = call.Id;
        AreaCode = call.AreaCode;
        OrganizationId = organization.Id;
        OrganizationName = organization.Name;
        OrganizationKind = organization.Kind;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = at;
        Status = ApplicationStatus.Draft;
        ApplicationNo = Title = FocusNote = TargetGroups = Summary = PlannedActivities = ScreeningNote = ScreenedByName = DefencePlace = "";
        Funding = [];
        Indicators = [];
        Checks = [];
    }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    /// <summary>The project's area (a county, township or community under the call's host area).</summary>
    public string AreaCode { get; private set; }
    /// <summary>The applying organization (never null: nullable as <see cref="IOrganizationHeld"/> has it).</summary>
    public Guid? OrganizationId { get; private set; }
    public string OrganizationName { get; private set; }
    public OrganizationKind OrganizationKind { get; private set; }
    /// <summary>申报编号 (the receipt's number): the call's number + 3 digits, given at the first submission; "" for a draft.</summary>
    public string ApplicationNo { get; private set; }
    public string Title { get; private set; }
    public FocusArea Focus { get; private set; }
    public string FocusNote { get; private set; }
    public string TargetGroups { get; private set; }
    public string Summary { get; private set; }
    public string PlannedActivities { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    /// <summary>项目总预算 in fen = Σ <see cref="Funding"/>.</summary>
    public long BudgetFen { get; private set; }
    /// <summary>申请资助金额 in fen: the budget's lines of source "公益创投资助" (≤ the call's cap).</summary>
    public long RequestedFen { get; private set; }
    /// <summary>配套资金 in fen: the budget's other lines.</summary>
    public long CoFundingFen { get; private set; }
    public List<SaveProject.FundingLine> Funding { get; private set; }
    public List<SaveProject.Indicator> Indicators { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Whether 初审 returned it for correction once already (a second return is not offered).</summary>
    public bool WasReturned { get; private set; }
    /// <summary>补正期限: a returned application may be corrected and submitted again until this instant (after the call's deadline too).</summary>
    public DateTimeOffset? CorrectBy { get; private set; }
    /// <summary>拟资助金额 in fen: the amount proposed on the notice (0 until shortlisted; ≤ the request and the call's cap).</summary>
    public long AwardFen { get; private set; }
    /// <summary>The automatic eligibility checks of the last submission.</summary>
    public List<EligibilityCheck> Checks { get; private set; }
    /// <summary>初审意见: the reason of a fail or a return, or the reviewer's note.</summary>
    public string ScreeningNote { get; private set; }
    public string ScreenedByName { get; private set; }
    public DateTimeOffset? ScreenedAt { get; private set; }
    /// <summary>答辩 time and place, when the call holds defence sessions.</summary>
    public DateTimeOffset? DefenceAt { get; private set; }
    public string DefencePlace { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Describe(string areaCode, string title, FocusArea focus, string focusNote, string targetGroups, string summary, string plannedActivities,
        DateOnly startOn, DateOnly endOn, List<SaveProject.FundingLine> funding, List<SaveProject.Indicator> indicators, long budgetFen, long requestedFen)
    {
        AreaCode = areaCode; Title = title; Focus = focus; FocusNote = focusNote; TargetGroups = targetGroups; Summary = summary; PlannedActivities = plannedActivities;
        StartOn = startOn; EndOn = endOn; Funding = funding; Indicators = indicators; BudgetFen = budgetFen; RequestedFen = requestedFen; CoFundingFen = budgetFen - requestedFen;
        Version++;
    }

    public void Submit(string applicationNo, List<EligibilityCheck> checks, DateTimeOffset at)
    {
        if (ApplicationNo.Length == 0) ApplicationNo = applicationNo;
        Checks = checks;
        SubmittedAt = at;
        Status = ApplicationStatus.Submitted;
        Version++;
    }

    /// <summary>初审: pass, fail (with the reason) or return for correction (once).</summary>
    public void Screen(ApplicationStatus outcome, string note, string byName, DateTimeOffset at, DateTimeOffset? correctBy = null)
    {
        if (outcome == ApplicationStatus.Returned) { WasReturned = true; CorrectBy = correctBy; }
        Status = outcome;
        ScreeningNote = note;
        ScreenedByName = byName;
        ScreenedAt = at;
        Version++;
    }

    public void ScheduleDefence(DateTimeOffset? at, string place) { DefenceAt = at; DefencePlace = place; Version++; }

    public void MoveTo(ApplicationStatus status) { Status = status; Version++; }

    /// <summary>入围: on the shortlist with the amount proposed (fen); leaving it (an upheld objection) sets 0.</summary>
    public void Shortlist(long awardFen) { Status = awardFen > 0 ? ApplicationStatus.Shortlisted : ApplicationStatus.NotAwarded; AwardFen = awardFen; Version++; }

    public string FocusText => Focus == FocusArea.Other && FocusNote.Length > 0 ? FocusNote : Organization.FocusLabel(Focus);

    public static string StatusLabel(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Draft => Lang.T("草稿", "Draft"),
        ApplicationStatus.Submitted => Lang.T("已提交，待初审", "Submitted"),
        ApplicationStatus.Returned => Lang.T("退回补正", "Returned for correction"),
        ApplicationStatus.Eligible => Lang.T("初审通过", "Eligible"),
        ApplicationStatus.Ineligible => Lang.T("初审未通过", "Ineligible"),
        ApplicationStatus.Shortlisted => Lang.T("入围公示", "Shortlisted"),
        ApplicationStatus.Awarded => Lang.T("获得资助", "Awarded"),
        ApplicationStatus.NotAwarded => Lang.T("未获资助", "Not awarded"),
        ApplicationStatus.Withdrawn => Lang.T("已撤回", "Withdrawn"),
        _ => s.ToString(),
    };
}

/// <summary>申报材料: one document of an application — which required document it is (or 其他材料), and the stored file (jpg/png/pdf ≤ 5 MB).</summary>
public sealed class ApplicationDocument : IAreaScoped, IOrganizationHeld
{
    private ApplicationDocument() { AreaCode = Name = FileName = ""; }

    public ApplicationDocument(CompetitionApplication application, string name, Guid fileId, string fileName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = application.Id;
        AreaCode = application.AreaCode;
        OrganizationId = application.OrganizationId;
        Name = name;
        FileId = fileId;
        FileName = fileName;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The applying organization (never null: nullable as <see cref="IOrganizationHeld"/> has it).</summary>
    public Guid? OrganizationId { get; private set; }
    /// <summary>The required document's name as the call lists it (项目申报书, 登记证书 …), or 其他材料.</summary>
    public string Name { get; private set; }
    public Guid FileId { get; private set; }
    public string FileName { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>
/// 答辩安排 of one application as the host sets it (<see cref="ScheduleDefence"/>): the instant (UTC; shown in China time) and the place.
/// Read by the host (<see cref="ListDefences"/>), the application's own organization (<see cref="GetApplication"/>) and the judges
/// assigned to it and not recused (<see cref="ListMyReviews"/>, <see cref="GetReview"/>); never by another organization.
/// </summary>
public sealed record DefenceSlot(DateTimeOffset At, string Place)
{
    public static DefenceSlot? Of(DateTimeOffset? at, string place) => at is { } t ? new(t, place) : null;
}
