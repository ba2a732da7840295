using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Projects;

/// <summary>
/// draft → approved → in progress → completed, or terminated (with a reason) from any but a final one (the life cycle;
/// <see cref="ProjectRules.Refusal"/> says which step may follow which). Completed and Terminated are final.
/// </summary>
public enum ProjectStatus
{
    Draft = 1,
    Approved = 2,
    InProgress = 3,
    Completed = 4,
    Terminated = 5,
}

/// <summary>资金来源: where a funding line's money comes from (the seven sources).</summary>
public enum ProjectFundingSource
{
    CommunityFund = 1,
    GovernmentPurchase = 2,
    WelfareLottery = 3,
    UnitedFront = 4,
    EnterpriseDonation = 5,
    CompetitionAward = 6,
    Other = 9,
}

/// <summary>
/// What an indicator counts, always from the delivery records (<see cref="ProjectActivity"/>), never typed: <c>Times</c> — records
/// of its service kinds (场/次); <c>People</c> — unique registered residents served by records of its kinds (人); <c>Beneficiaries</c>
/// — unique registered residents over all records plus the open events' declared head counts (人, "约" when head counts are in it).
/// </summary>
public enum IndicatorMeasure
{
    Times = 1,
    People = 2,
    Beneficiaries = 3,
}

/// <summary>
/// 项目: a service project designed by a station's social worker from the needs it answers (<see cref="ProjectNeed"/>), carried out
/// by an implementing organization serving its area (<see cref="ServingOrganizations"/>), over a period (China dates), with a
/// budget in fen equal to the sum of its funding lines (<see cref="ProjectFunding"/>), indicators with targets
/// (<see cref="ProjectIndicator"/>) and delivery records (<see cref="ProjectActivity"/>). Lies in its lead area (a township, a
/// community, or a county for a county project); its number is XM + the area's first 9 digits + year + 4 digits.
/// </summary>
public sealed class Project : IAreaScoped
{
    private Project() { AreaCode = ProjectNo = Title = TargetGroups = Summary = OrganizationName = DesignedByName = StatusNote = FocusNote = PlannedActivities = ""; }

    public Project(string areaCode, string projectNo, Guid? designedById, string designedByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        ProjectNo = projectNo;
        DesignedById = designedById;
        DesignedByName = designedByName;
        CreatedAt = StatusChangedAt = at;
        Status = ProjectStatus.Draft;
        Title = TargetGroups = Summary = OrganizationName = StatusNote = FocusNote = PlannedActivities = "";
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public string ProjectNo { get; private set; }
    public string Title { get; private set; }
    public FocusArea Focus { get; private set; }
    /// <summary>The focus named when <see cref="Focus"/> is Other (a configurable focus: 乡村振兴, 社区治理创新 …).</summary>
    public string FocusNote { get; private set; }
    /// <summary>服务对象: the groups served, as written (困境儿童、独居老人 …).</summary>
    public string TargetGroups { get; private set; }
    public string Summary { get; private set; }
    /// <summary>计划开展的活动: the activities planned, as written.</summary>
    public string PlannedActivities { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    /// <summary>预算 in fen: the sum of the funding lines, checked on every save.</summary>
    public long BudgetFen { get; private set; }
    public ProjectStatus Status { get; private set; }
    /// <summary>The last step's note (the reason of a termination).</summary>
    public string StatusNote { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public Guid? DesignedById { get; private set; }
    public string DesignedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Describe(string title, FocusArea focus, string focusNote, string targetGroups, string summary, string plannedActivities,
        Guid organizationId, string organizationName, DateOnly startOn, DateOnly endOn, long budgetFen)
    {
        Title = title;
        Focus = focus;
        FocusNote = focusNote;
        TargetGroups = targetGroups;
        Summary = summary;
        PlannedActivities = plannedActivities;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        StartOn = startOn;
        EndOn = endOn;
        BudgetFen = budgetFen;
        Version++;
    }

    public void MoveTo(ProjectStatus status, string note, DateTimeOffset at)
    {
        Status = status;
        StatusNote = note;
        StatusChangedAt = at;
        Version++;
    }

    /// <summary>A need joined the project (Needs.MatchNeed): the project changed (a racing termination or completion fails on the new version).</summary>
    public void Touch() => Version++;

    public void Renumber(string projectNo) => ProjectNo = projectNo;

    public static string StatusLabel(ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => Lang.T("草稿", "Draft"),
        ProjectStatus.Approved => Lang.T("已立项", "Approved"),
        ProjectStatus.InProgress => Lang.T("实施中", "In progress"),
        ProjectStatus.Completed => Lang.T("已结项", "Completed"),
        ProjectStatus.Terminated => Lang.T("已终止", "Terminated"),
        _ => s.ToString(),
    };

    /// <summary>The step that leads to a status, as the timeline and the buttons say it.</summary>
    public static string StepLabel(ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => Lang.T("设计项目", "Designed"),
        ProjectStatus.Approved => Lang.T("审核立项", "Approve"),
        ProjectStatus.InProgress => Lang.T("开始实施", "Start"),
        ProjectStatus.Completed => Lang.T("结项", "Complete"),
        ProjectStatus.Terminated => Lang.T("终止项目", "Terminate"),
        _ => s.ToString(),
    };

    public static string SourceLabel(ProjectFundingSource s) => s switch
    {
        ProjectFundingSource.CommunityFund => Lang.T("社区慈善基金", "Community fund"),
        ProjectFundingSource.GovernmentPurchase => Lang.T("政府购买服务", "Government purchase of services"),
        ProjectFundingSource.WelfareLottery => Lang.T("福彩公益金", "Welfare-lottery funds"),
        ProjectFundingSource.UnitedFront => Lang.T("统战帮扶资金", "United-front assistance"),
        ProjectFundingSource.EnterpriseDonation => Lang.T("企业捐赠", "Enterprise donation"),
        ProjectFundingSource.CompetitionAward => Lang.T("公益创投资助", "Competition award"),
        _ => Lang.T("其他", "Other"),
    };

    public static string MeasureLabel(IndicatorMeasure m) => m switch
    {
        IndicatorMeasure.Times => Lang.T("服务次数（场/次）", "Services (times)"),
        IndicatorMeasure.People => Lang.T("服务对象人数（去重）", "People served (unique)"),
        _ => Lang.T("受益人数（登记去重＋开放活动人次）", "Beneficiaries (unique registered + open-event head counts)"),
    };

    public string FocusText => Focus == FocusArea.Other && FocusNote.Length > 0 ? FocusNote : Organization.FocusLabel(Focus);
}

/// <summary>资金来源明细: one funding line of a project — its source and amount in fen (&gt; 0), with a note (the fund's or company's name).</summary>
public sealed class ProjectFunding : IAreaScoped
{
    private ProjectFunding() { AreaCode = Note = ""; }

    public ProjectFunding(Project project, ProjectFundingSource source, long amountFen, string note)
    {
        Id = Guid.CreateVersion7();
        ProjectId = project.Id;
        AreaCode = project.AreaCode;
        Source = source;
        AmountFen = amountFen;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    public ProjectFundingSource Source { get; private set; }
    public long AmountFen { get; private set; }
    public string Note { get; private set; }
}

/// <summary>
/// 指标: a project's indicator — its name as the reports write it ("开展文化类社区活动"), what it counts (<see cref="Measure"/>)
/// over which service kinds (<see cref="KindMask"/>: bit <c>1 &lt;&lt; (int)kind</c>; none for Beneficiaries), the target (&gt; 0)
/// and its unit (场, 次, 人). Its actual is computed (<see cref="ProjectRules.ActualsAsync"/>). <see cref="Order"/> is the
/// narrative's order.
/// </summary>
public sealed class ProjectIndicator : IAreaScoped
{
    private ProjectIndicator() { AreaCode = Name = Unit = ""; }

    public ProjectIndicator(Project project, int order, string name, IndicatorMeasure measure, int kindMask, int target, string unit)
    {
        Id = Guid.CreateVersion7();
        ProjectId = project.Id;
        AreaCode = project.AreaCode;
        Order = order;
        Name = name;
        Measure = measure;
        KindMask = kindMask;
        Target = target;
        Unit = unit;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; }
    public IndicatorMeasure Measure { get; private set; }
    public int KindMask { get; private set; }
    public int Target { get; private set; }
    public string Unit { get; private set; }

    public static int Mask(IEnumerable<ServiceKind> kinds) => kinds.Aggregate(0, (m, k) => m | (1 << (int)k));
    public static IReadOnlyList<ServiceKind> Kinds(int mask) => [.. Enum.GetValues<ServiceKind>().Where(k => (mask & (1 << (int)k)) != 0)];
}

/// <summary>项目回应的需求: a need the project answers (both ways: the need's <c>NeedMatch</c> of kind Project names the project).</summary>
public sealed class ProjectNeed : IAreaScoped
{
    private ProjectNeed() { AreaCode = ""; }

    public ProjectNeed(Project project, Guid needId)
    {
        ProjectId = project.Id;
        NeedId = needId;
        AreaCode = project.AreaCode;
    }

    public Guid ProjectId { get; private set; }
    public Guid NeedId { get; private set; }
    public string AreaCode { get; private set; }
}

/// <summary>
/// 服务活动记录: one activity or service the implementing organization (or the station) delivered for a project — its service
/// kind (DOMAIN.md), China date within the project's period, place, the 党工+社工+志工 who served (counts, names optional), the
/// registered residents who took part (its <see cref="ServiceRecord"/>'s beneficiaries, so the area's service statistics
/// count them too) and the open event's head count. Lies in the project's area.
/// </summary>
public sealed class ProjectActivity : IAreaScoped
{
    private ProjectActivity() { AreaCode = Title = Place = StaffNames = Notes = RecordedByName = VoidedByName = VoidReason = ""; }

    public ProjectActivity(Project project, ServiceKind kind, DateOnly heldOn, string title, string place, int partyWorkers, int socialWorkers,
        int volunteers, string staffNames, int registered, int headCount, string notes, Guid serviceRecordId, Guid? recordedById, string recordedByName,
        DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = project.Id;
        AreaCode = project.AreaCode;
        Kind = kind;
        HeldOn = heldOn;
        Title = title;
        Place = place;
        PartyWorkers = partyWorkers;
        SocialWorkers = socialWorkers;
        Volunteers = volunteers;
        StaffNames = staffNames;
        Registered = registered;
        HeadCount = headCount;
        Notes = notes;
        ServiceRecordId = serviceRecordId;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
        VoidedByName = VoidReason = "";
    }

    /// <summary>The longest reason a void gives.</summary>
    public const int MaxVoidReason = 200;

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    public ServiceKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Title { get; private set; }
    public string Place { get; private set; }
    /// <summary>党工: party workers who served.</summary>
    public int PartyWorkers { get; private set; }
    /// <summary>社工: social workers who served.</summary>
    public int SocialWorkers { get; private set; }
    /// <summary>志工: volunteers who served.</summary>
    public int Volunteers { get; private set; }
    public string StaffNames { get; private set; }
    /// <summary>Registered residents who took part (their ids are the service record's beneficiaries).</summary>
    public int Registered { get; private set; }
    /// <summary>An open event's declared head count (人次, not people: not de-duplicated).</summary>
    public int HeadCount { get; private set; }
    public string Notes { get; private set; }
    public Guid ServiceRecordId { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>When the record was voided (作废, UTC), or null: a voided record stays in the list, struck out, and counts nowhere.</summary>
    public DateTimeOffset? VoidedAt { get; private set; }
    public Guid? VoidedById { get; private set; }
    public string VoidedByName { get; private set; }
    /// <summary>Why it was voided (a wrong date, residents, kind …: the right record is entered anew).</summary>
    public string VoidReason { get; private set; }

    /// <summary>Voids the record (<see cref="VoidProjectActivity"/>: its service record and beneficiaries are removed in the same save).</summary>
    public void Void(string reason, Guid? byId, string byName, DateTimeOffset at)
    {
        VoidedAt = at;
        VoidedById = byId;
        VoidedByName = byName;
        VoidReason = reason;
    }
}

/// <summary>The one rule of which delivery records count (actuals, outcomes, lists, completion): those not voided.</summary>
public static class ProjectActivityQueries
{
    /// <summary>The records of <paramref name="set"/> that count: not voided (<see cref="ProjectActivity.VoidedAt"/> null).</summary>
    public static IQueryable<ProjectActivity> Counted(this IQueryable<ProjectActivity> set) => set.Where(a => a.VoidedAt == null);
}

/// <summary>
/// 服务记录照片: a photo of a delivery record (the activity's scene, a sign-in sheet), stored in the project's area. Read by who reads
/// the project (<see cref="ProjectRules.FindAsync"/>: the implementing organization's staff outside their scope too); every download
/// is audited (they may show the people served).
/// </summary>
public sealed class ProjectActivityPhoto : IAreaScoped
{
    /// <summary>How many photos one delivery record holds: the photos' one rule.</summary>
    public const int MaxPerRecord = Platform.Files.Photos.MaxPerRecord;

    /// <summary>Read by who reaches the project (its organization's staff outside their scope), not by the scope alone.</summary>
    public static readonly Platform.Files.FileKind Kind = new("project-photo", ProjectsPermissions.View, AuditReads: true, Reaches: ReachesAsync);

    private ProjectActivityPhoto() { AreaCode = ""; }

    public ProjectActivityPhoto(ProjectActivity activity, Guid fileId)
    {
        Id = Guid.CreateVersion7();
        ProjectId = activity.ProjectId;
        ActivityId = activity.Id;
        AreaCode = activity.AreaCode;
        FileId = fileId;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid FileId { get; private set; }

    /// <summary>Whether <paramref name="user"/> reaches the project the photo <paramref name="fileId"/> belongs to.</summary>
    static async Task<bool> ReachesAsync(Data.AppDb db, Platform.Access.CurrentUser user, Guid fileId, CancellationToken ct)
    {
        var projectId = await db.Set<ProjectActivityPhoto>().IgnoreQueryFilters([Data.AppDb.ScopeFilter]).Where(p => p.FileId == fileId)
            .Select(p => (Guid?)p.ProjectId).FirstOrDefaultAsync(ct);
        return projectId is { } id && await ProjectRules.FindAsync(db, user, id, ct) is not null;
    }
}

/// <summary>项目办理环节: one step of a project's life cycle — the status it led to, when, who, the note (the timeline).</summary>
public sealed class ProjectStep : IAreaScoped
{
    private ProjectStep() { AreaCode = ByName = Note = ""; }

    public ProjectStep(Project project, ProjectStatus status, DateTimeOffset at, Guid? byId, string byName, string note)
    {
        Id = Guid.CreateVersion7();
        ProjectId = project.Id;
        AreaCode = project.AreaCode;
        Status = status;
        At = at;
        ById = byId;
        ByName = byName;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    public ProjectStatus Status { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ById { get; private set; }
    public string ByName { get; private set; }
    /// <summary>The step's note: as typed, or one of the notes the platform writes itself (<see cref="AwardApproved"/>, <see cref="AwardClosed"/>), read through <see cref="NoteAsRead"/>.</summary>
    public string Note { get; private set; }

    /// <summary>立项 of a project a venture-philanthropy award created: the note the platform writes on the step (stored in Chinese, read in the reader's language).</summary>
    public const string AwardApproved = "公益创投资助立项";

    /// <summary>结项 of such a project when its award closes without a note typed: the note the platform writes on the step.</summary>
    public const string AwardClosed = "公益创投资助结项";

    /// <summary>
    /// A step's note as people read it: a note the platform wrote itself (stored as its Chinese, whoever did the step) in the reader's
    /// language; any other note as it was typed.
    /// </summary>
    public static string NoteAsRead(string note) => note switch
    {
        AwardApproved => Lang.T(AwardApproved, "Approved with a venture-philanthropy award"),
        AwardClosed => Lang.T(AwardClosed, "Completed with its venture-philanthropy award"),
        _ => note,
    };
}
