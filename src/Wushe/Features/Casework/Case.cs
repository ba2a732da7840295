using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Casework;

/// <summary>Where a case stands: intake → assessment → service plan → in service (service records, reviews) → closed.</summary>
public enum CaseStatus
{
    Intake = 1,
    Assessment = 2,
    Planning = 3,
    InService = 4,
    Closing = 5,
    Closed = 6,
}

/// <summary>
/// 个案: casework for one person (<see cref="ResidentId"/>), numbered per township and year (<see cref="CaseNo"/>:
/// GA + township code + year + sequence). Assessment, plan and closure are <see cref="CaseStep"/>s that a station head
/// approves or returns; service records and reviews are written while in service; a referral moves the case to another
/// station with the person's consent (<see cref="CaseReferral"/>).
/// </summary>
public sealed class Case : IAreaScoped
{
    private Case() { AreaCode = CaseNo = Problem = WorkerName = ClosureReason = ""; }

    public Case(string caseNo, string areaCode, Guid residentId, Guid householdId, Guid? stationId, string problem, Guid? workerId, string workerName,
        DateOnly openedOn, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        CaseNo = caseNo;
        AreaCode = areaCode;
        ResidentId = residentId;
        HouseholdId = householdId;
        StationId = stationId;
        Problem = problem;
        WorkerId = workerId;
        WorkerName = workerName;
        OpenedOn = openedOn;
        Status = CaseStatus.Intake;
        ClosureReason = "";
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    /// <summary>个案编号: unique.</summary>
    public string CaseNo { get; private set; }
    /// <summary>The person's community (the case follows the person; a referral to another station moves it).</summary>
    public string AreaCode { get; private set; }
    public Guid ResidentId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid? StationId { get; private set; }
    /// <summary>接案: the presenting problem (free text about a person: sensitive).</summary>
    public string Problem { get; private set; }
    public Guid? WorkerId { get; private set; }
    public string WorkerName { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public CaseStatus Status { get; private set; }
    /// <summary>The next action and when (shown on the case list).</summary>
    public string? NextAction { get; private set; }
    public DateOnly? NextActionOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string ClosureReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>
    /// The concurrency token: every change of the case below, and every change of its steps, notes, services and referrals
    /// (<see cref="Touch"/>, called by each use case that writes them), bumps it, so two saves of one case at once cannot both
    /// win — two heads deciding one step, a submit racing a decision, a note racing the closure: the second is 409
    /// (<see cref="CaseRules.SaveAsync"/>).
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Something of the case changed (a step submitted or decided, a note, a service, a referral): bumps <see cref="Version"/>.</summary>
    public void Touch() => Version++;

    public void MoveTo(CaseStatus status)
    {
        Version++;
        Status = status;
    }

    public void SetNextAction(string? action, DateOnly? on)
    {
        Version++;
        NextAction = action;
        NextActionOn = on;
    }

    public void AssignWorker(Guid? workerId, string workerName)
    {
        Version++;
        WorkerId = workerId;
        WorkerName = workerName;
    }

    public void Close(DateOnly on, string reason)
    {
        Version++;
        Status = CaseStatus.Closed;
        ClosedOn = on;
        ClosureReason = reason;
    }

    /// <summary>A referral accepted: the case now belongs to the receiving station's area.</summary>
    public void MoveToStation(Guid stationId, string areaCode)
    {
        Version++;
        StationId = stationId;
        AreaCode = areaCode;
    }

    public static string StatusLabel(CaseStatus s) => s switch
    {
        CaseStatus.Intake => Lang.T("接案", "Intake"),
        CaseStatus.Assessment => Lang.T("需求预估", "Assessment"),
        CaseStatus.Planning => Lang.T("服务计划", "Service plan"),
        CaseStatus.InService => Lang.T("服务中", "In service"),
        CaseStatus.Closing => Lang.T("结案审批中", "Closing"),
        _ => Lang.T("已结案", "Closed"),
    };
}

public enum CaseStepKind
{
    Assessment = 1,
    Plan = 2,
    Review = 3,
    Closure = 4,
}

public enum StepStatus
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// A step of a case that a station head decides: the assessment, the service plan (with its goals), a review, the closure.
/// Submitted → approved, or returned with comments (the worker then submits a new step). The approver is never the
/// worker who submitted it.
/// </summary>
public sealed class CaseStep : IAreaScoped
{
    private CaseStep() { AreaCode = Content = SubmittedByName = Comment = ""; Goals = []; }

    public CaseStep(Case c, CaseStepKind kind, string content, List<CaseGoal> goals, Guid? submittedById, string submittedByName, DateTimeOffset submittedAt)
    {
        Id = Guid.CreateVersion7();
        CaseId = c.Id;
        AreaCode = c.AreaCode;
        Kind = kind;
        Content = content;
        Goals = goals;
        Status = StepStatus.Submitted;
        SubmittedById = submittedById;
        SubmittedByName = submittedByName;
        SubmittedAt = submittedAt;
        Comment = "";
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string AreaCode { get; private set; }
    public CaseStepKind Kind { get; private set; }
    /// <summary>The step's text (assessment findings, plan, review, closure summary): sensitive.</summary>
    public string Content { get; private set; }
    /// <summary>The service plan's goals (empty for other steps).</summary>
    public List<CaseGoal> Goals { get; private set; }
    public StepStatus Status { get; private set; }
    public Guid? SubmittedById { get; private set; }
    public string SubmittedByName { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string Comment { get; private set; }

    public void Decide(bool approve, string comment, Guid? byId, string byName, DateTimeOffset at)
    {
        Status = approve ? StepStatus.Approved : StepStatus.Returned;
        Comment = comment;
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
    }

    /// <summary>The case moved to another station's area (an accepted referral): its steps go with it.</summary>
    public void MoveTo(string areaCode) => AreaCode = areaCode;

    public static string KindLabel(CaseStepKind k) => k switch
    {
        CaseStepKind.Assessment => Lang.T("需求预估", "Assessment"),
        CaseStepKind.Plan => Lang.T("服务计划", "Service plan"),
        CaseStepKind.Review => Lang.T("中期评估", "Review"),
        _ => Lang.T("结案", "Closure"),
    };

    public static string StatusLabel(StepStatus s) => s switch
    {
        StepStatus.Submitted => Lang.T("待审批", "Awaiting approval"),
        StepStatus.Approved => Lang.T("已批准", "Approved"),
        _ => Lang.T("已退回", "Returned"),
    };
}

/// <summary>A goal of a service plan, with a target date, and whether it was reached (marked at a review or the closure).</summary>
public sealed record CaseGoal(string Text, DateOnly? TargetOn, bool Reached);

/// <summary>个案记录: a dated note on a case (sensitive text), optionally with an attachment.</summary>
public sealed class CaseNote : IAreaScoped
{
    private CaseNote() { AreaCode = Text = WrittenByName = ""; }

    /// <summary>
    /// A note's attachment: downloaded only by those who may read cases (<see cref="CaseworkPermissions.View"/>) in the
    /// case's area, and every download audited — case files are the most sensitive records of vulnerable people.
    /// </summary>
    public static readonly Platform.Files.FileKind Attachment = new("case-note", CaseworkPermissions.View, AuditReads: true);

    public CaseNote(Case c, string text, Guid? fileId, Guid? writtenById, string writtenByName, DateTimeOffset writtenAt)
    {
        Id = Guid.CreateVersion7();
        CaseId = c.Id;
        AreaCode = c.AreaCode;
        Text = text;
        FileId = fileId;
        WrittenById = writtenById;
        WrittenByName = writtenByName;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string AreaCode { get; private set; }
    public string Text { get; private set; }
    /// <summary>An attachment (a <see cref="Platform.Files.StoredFile"/>), when one was uploaded.</summary>
    public Guid? FileId { get; private set; }
    public Guid? WrittenById { get; private set; }
    public string WrittenByName { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>The case moved to another station's area (an accepted referral): its notes go with it.</summary>
    public void MoveTo(string areaCode) => AreaCode = areaCode;
}

public enum ReferralStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// 转介: a case referred to another station, with the date of the person's consent; the receiver accepts (the case moves
/// to its area) or declines with a reason. Referrals to organizations come with the organizations of the linkage-loop issue.
/// </summary>
public sealed class CaseReferral : IAreaScoped
{
    private CaseReferral() { AreaCode = ToAreaCode = Reason = ReferredByName = DecisionNote = ""; }

    public CaseReferral(Case c, Guid toStationId, string toAreaCode, string reason, DateOnly consentOn, Guid? referredById, string referredByName, DateTimeOffset at)
        : this(c, toAreaCode, reason, consentOn, referredById, referredByName, at) => ToStationId = toStationId;

    /// <summary>
    /// A referral to a social organization serving the case's area (<see cref="Organizations.ServingOrganizations"/>): the case
    /// stays with its station and in its area (<see cref="ToAreaCode"/> is the case's area); once accepted the organization's
    /// staff read the case (client masked) and add notes and services to it (<see cref="ReferredCases"/>).
    /// </summary>
    public static CaseReferral ToOrganization(Case c, Guid organizationId, string reason, DateOnly consentOn, Guid? referredById, string referredByName, DateTimeOffset at) =>
        new(c, c.AreaCode, reason, consentOn, referredById, referredByName, at) { ToOrganizationId = organizationId };

    CaseReferral(Case c, string toAreaCode, string reason, DateOnly consentOn, Guid? referredById, string referredByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CaseId = c.Id;
        AreaCode = c.AreaCode;
        ToAreaCode = toAreaCode;
        Reason = reason;
        ConsentOn = consentOn;
        Status = ReferralStatus.Pending;
        ReferredById = referredById;
        ReferredByName = referredByName;
        ReferredAt = at;
        DecisionNote = "";
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>The referring side's area (the case's area when referred).</summary>
    public string AreaCode { get; private set; }
    /// <summary>The receiving station (a station referral: the case moves to it once accepted); null for an organization's.</summary>
    public Guid? ToStationId { get; private set; }
    /// <summary>The receiving social organization (the case stays where it is); null for a station's. Exactly one of the two is set.</summary>
    public Guid? ToOrganizationId { get; private set; }
    /// <summary>Where the case lies once accepted: the receiving station's township, or for an organization the case's own area.</summary>
    public string ToAreaCode { get; private set; }
    public string Reason { get; private set; }
    public DateOnly ConsentOn { get; private set; }
    public ReferralStatus Status { get; private set; }
    public Guid? ReferredById { get; private set; }
    public string ReferredByName { get; private set; }
    public DateTimeOffset ReferredAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string DecisionNote { get; private set; }

    public void Decide(bool accept, string note, DateTimeOffset at)
    {
        Status = accept ? ReferralStatus.Accepted : ReferralStatus.Declined;
        DecisionNote = note;
        DecidedAt = at;
    }

    public static string StatusLabel(ReferralStatus s) => s switch
    {
        ReferralStatus.Pending => Lang.T("待接收", "Pending"),
        ReferralStatus.Accepted => Lang.T("已接收", "Accepted"),
        _ => Lang.T("已拒收", "Declined"),
    };
}
