using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Needs;

/// <summary>The categories of a need (急难愁盼).</summary>
public enum NeedCategory
{
    ElderlyCare = 1,
    Children = 2,
    Disability = 3,
    Poverty = 4,
    Health = 5,
    Housing = 6,
    Employment = 7,
    Legal = 8,
    Safety = 9,
    Environment = 10,
    Other = 99,
}

public enum NeedUrgency
{
    Normal = 1,
    Urgent = 2,
    Critical = 3,
}

/// <summary>
/// submitted → accepted (or rejected with a reason) → matched → in progress → resolved → followed up → closed (the issue's
/// life cycle; <see cref="NeedRules.Refusal"/> says which step may follow which). Rejected and Closed are final.
/// </summary>
public enum NeedStatus
{
    Submitted = 1,
    Accepted = 2,
    Rejected = 3,
    Matched = 4,
    InProgress = 5,
    Resolved = 6,
    FollowedUp = 7,
    Closed = 8,
}

public enum NeedSource
{
    CommunityStaff = 1,
    Visit = 2,
    Resident = 3,
}

/// <summary>Who gave the satisfaction rating: the requester themself (on the residents' page) or a worker on their behalf (回访).</summary>
public enum RatedBy
{
    Requester = 1,
    Worker = 2,
}

/// <summary>
/// 需求 (急难愁盼): a need raised for an area (a community, or a township), optionally for a household or a person, with its
/// number (<see cref="NeedNo"/>), its life cycle (<see cref="Status"/>, each step a <see cref="NeedStep"/>), the deadlines of
/// its current stage (<see cref="AcceptDueAt"/>, <see cref="ResolveDueAt"/>: the area's <see cref="NeedTimeLimits"/>), what it
/// was matched to (<see cref="NeedMatch"/>) and the requester's satisfaction. Raised by community staff, from a visit, or by a
/// resident on the public page (then <see cref="Verified"/> is false until a worker accepts it).
/// </summary>
public sealed class Need : IAreaScoped
{
    private Need() { AreaCode = NeedNo = Title = Description = RaisedByName = RequesterName = Outcome = SatisfactionComment = HandlerName = ""; }

    public Need(string areaCode, string needNo, Guid? householdId, Guid? residentId, NeedCategory category, NeedUrgency urgency, string title,
        string description, NeedSource source, Guid? sourceId, Guid? raisedById, string raisedByName, DateTimeOffset raisedAt, DateTimeOffset acceptDueAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        NeedNo = needNo;
        HouseholdId = householdId;
        ResidentId = residentId;
        Category = category;
        Urgency = urgency;
        Title = title;
        Description = description;
        Source = source;
        SourceId = sourceId;
        Status = NeedStatus.Submitted;
        Verified = source != NeedSource.Resident;
        RaisedById = raisedById;
        RaisedByName = raisedByName;
        RaisedAt = raisedAt;
        StatusChangedAt = raisedAt;
        AcceptDueAt = acceptDueAt;
        RequesterName = Outcome = SatisfactionComment = HandlerName = "";
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }

    /// <summary>需求编号: XQ + the township's 9 digits + the year + a 5-digit sequence (XQ1502070012026 00001); what a resident quotes.</summary>
    public string NeedNo { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public Guid? ResidentId { get; private set; }
    public NeedCategory Category { get; private set; }
    public NeedUrgency Urgency { get; private set; }

    /// <summary>A short summary the lists show (≤ 50 characters; the form asks not to name people in it).</summary>
    public string Title { get; private set; }

    /// <summary>Free text that may name residents' circumstances: sensitive in the audit, never on public pages.</summary>
    public string Description { get; private set; }
    public NeedSource Source { get; private set; }

    /// <summary>The record the need came from (the visit), when it came from one.</summary>
    public Guid? SourceId { get; private set; }
    public NeedStatus Status { get; private set; }

    /// <summary>False for a resident's own request until a worker accepts it (the phone and the story are the resident's word).</summary>
    public bool Verified { get; private set; }

    /// <summary>Who asked, when not a registered resident (a resident's own request; a walk-in): a name and a sealed phone.</summary>
    public string RequesterName { get; private set; }
    public SealedValue? RequesterPhone { get; private set; }
    public Guid? RaisedById { get; private set; }
    public string RaisedByName { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>承办人: the worker who accepted the need (or was named then), responsible until it is closed.</summary>
    public Guid? HandlerId { get; private set; }
    public string HandlerName { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>The deadline of acceptance (受理时限), set when raised; it counts while the need is submitted.</summary>
    public DateTimeOffset AcceptDueAt { get; private set; }

    /// <summary>The deadline of resolution (办结时限), set on acceptance; it counts while accepted, matched or in progress.</summary>
    public DateTimeOffset? ResolveDueAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The rejection's reason, or how the need was resolved (办理结果); free text, sensitive in the audit.</summary>
    public string Outcome { get; private set; }

    /// <summary>满意度 1–5 (5 = very satisfied), given after resolution.</summary>
    public int? Satisfaction { get; private set; }
    public string SatisfactionComment { get; private set; }
    public RatedBy? RatedBy { get; private set; }
    public int Version { get; private set; }

    /// <summary>Overdue at <paramref name="now"/>: not accepted by its acceptance deadline, or not resolved by its resolution deadline.</summary>
    public bool IsOverdue(DateTimeOffset now) => NeedRules.IsOverdue(Status, AcceptDueAt, ResolveDueAt, now);

    /// <summary>Another number, when two needs of one township took the same at one moment (the unique index refused this one).</summary>
    public void Renumber(string needNo) => NeedNo = needNo;

    public void SetRequester(string name, SealedValue? phone)
    {
        RequesterName = name;
        RequesterPhone = phone;
    }

    /// <summary>Moves to <paramref name="to"/> (the caller checked <see cref="NeedRules.Refusal"/>), keeping the stage's times.</summary>
    public void MoveTo(NeedStatus to, DateTimeOffset at, string? outcome = null, DateTimeOffset? resolveDueAt = null)
    {
        Status = to;
        StatusChangedAt = at;
        Version++;
        switch (to)
        {
            case NeedStatus.Accepted:
                AcceptedAt = at;
                Verified = true;
                ResolveDueAt = resolveDueAt;
                break;
            case NeedStatus.Rejected:
            case NeedStatus.Resolved:
                Outcome = outcome ?? "";
                if (to == NeedStatus.Resolved) ResolvedAt = at;
                break;
        }
    }

    /// <summary>
    /// A project answers the need: it is resolved within the project's period, so its resolution deadline moves to the end of the
    /// project (<paramref name="projectEndsAt"/>) when that is later — never earlier (ADR 0013: a need in a running project is not
    /// overdue while the project runs).
    /// </summary>
    public void AwaitProject(DateTimeOffset projectEndsAt)
    {
        if (ResolveDueAt is null || ResolveDueAt < projectEndsAt) ResolveDueAt = projectEndsAt;
    }

    /// <summary>
    /// The project that answered the need was terminated and nothing else answers it: the need goes back to 已受理, to be matched
    /// again, due <paramref name="resolveBy"/> (a fresh resolution limit from now: the project's end no longer holds). Not a step a
    /// user takes; the caller records why.
    /// </summary>
    public void ReturnToMatching(DateTimeOffset at, DateTimeOffset resolveBy)
    {
        Status = NeedStatus.Accepted;
        StatusChangedAt = at;
        ResolveDueAt = resolveBy;
        Version++;
    }

    /// <summary>
    /// The project that answered the need ended before its planned end (completed early): the need is due no later than
    /// <paramref name="resolveBy"/> (a resolution limit from the completion) — its handler confirms it is resolved in that time.
    /// </summary>
    public void DueNoLaterThan(DateTimeOffset resolveBy)
    {
        if (ResolveDueAt is not null && ResolveDueAt <= resolveBy) return;
        ResolveDueAt = resolveBy;
        Version++;
    }

    /// <summary>Another change of the need than a step (a further match): its version moves, so a stale page is refused.</summary>
    public void Touch() => Version++;

    public void AssignHandler(Guid? id, string name)
    {
        HandlerId = id;
        HandlerName = name;
    }

    public void Rate(int satisfaction, string comment, RatedBy by)
    {
        Satisfaction = satisfaction;
        SatisfactionComment = comment;
        RatedBy = by;
    }

    public static string CategoryLabel(NeedCategory c) => c switch
    {
        NeedCategory.ElderlyCare => Lang.T("养老服务", "Elderly care"),
        NeedCategory.Children => Lang.T("儿童关爱", "Children"),
        NeedCategory.Disability => Lang.T("助残服务", "Disability"),
        NeedCategory.Poverty => Lang.T("困难帮扶", "Poverty relief"),
        NeedCategory.Health => Lang.T("医疗健康", "Health"),
        NeedCategory.Housing => Lang.T("住房安居", "Housing"),
        NeedCategory.Employment => Lang.T("就业创业", "Employment"),
        NeedCategory.Legal => Lang.T("法律援助", "Legal"),
        NeedCategory.Safety => Lang.T("安全隐患", "Safety"),
        NeedCategory.Environment => Lang.T("环境整治", "Environment"),
        _ => Lang.T("其他", "Other"),
    };

    public static string UrgencyLabel(NeedUrgency u) => u switch
    {
        NeedUrgency.Normal => Lang.T("一般", "Normal"),
        NeedUrgency.Urgent => Lang.T("紧急", "Urgent"),
        _ => Lang.T("特急", "Critical"),
    };

    public static string SourceLabel(NeedSource s) => s switch
    {
        NeedSource.CommunityStaff => Lang.T("社区登记", "Community staff"),
        NeedSource.Visit => Lang.T("入户探访发现", "Found on a visit"),
        _ => Lang.T("居民自报", "Resident"),
    };

    public static string StatusLabel(NeedStatus s) => s switch
    {
        NeedStatus.Submitted => Lang.T("待受理", "Submitted"),
        NeedStatus.Accepted => Lang.T("已受理", "Accepted"),
        NeedStatus.Rejected => Lang.T("不予受理", "Rejected"),
        NeedStatus.Matched => Lang.T("已对接", "Matched"),
        NeedStatus.InProgress => Lang.T("办理中", "In progress"),
        NeedStatus.Resolved => Lang.T("已解决", "Resolved"),
        NeedStatus.FollowedUp => Lang.T("已回访", "Followed up"),
        _ => Lang.T("已办结", "Closed"),
    };

    /// <summary>A step of the timeline as the action taken (提交, 受理 …), where the status says where the need is now.</summary>
    public static string StepLabel(NeedStatus s) => s switch
    {
        NeedStatus.Submitted => Lang.T("提交需求", "Raised"),
        NeedStatus.Accepted => Lang.T("受理", "Accepted"),
        NeedStatus.Rejected => Lang.T("不予受理", "Rejected"),
        NeedStatus.Matched => Lang.T("需求对接", "Matched"),
        NeedStatus.InProgress => Lang.T("开始办理", "Started"),
        NeedStatus.Resolved => Lang.T("解决", "Resolved"),
        NeedStatus.FollowedUp => Lang.T("回访评价", "Followed up"),
        _ => Lang.T("办结", "Closed"),
    };

    public static string RatedByLabel(RatedBy r) => r == Needs.RatedBy.Requester ? Lang.T("本人评价", "By the requester") : Lang.T("社工代为回访", "By a worker on their behalf");

    public static string SatisfactionLabel(int s) => s switch
    {
        5 => Lang.T("非常满意", "Very satisfied"),
        4 => Lang.T("满意", "Satisfied"),
        3 => Lang.T("基本满意", "Fairly satisfied"),
        2 => Lang.T("不满意", "Dissatisfied"),
        _ => Lang.T("非常不满意", "Very dissatisfied"),
    };
}

/// <summary>One step of a need's life cycle: the status it moved to, when, by whom, with the step's note. The need's timeline.</summary>
public sealed class NeedStep : IAreaScoped
{
    private NeedStep() { AreaCode = ByName = Note = ""; }

    public NeedStep(Need need, NeedStatus status, DateTimeOffset at, Guid? byId, string byName, string note)
    {
        Id = Guid.CreateVersion7();
        NeedId = need.Id;
        AreaCode = need.AreaCode;
        Status = status;
        At = at;
        ById = byId;
        ByName = byName;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid NeedId { get; private set; }
    public string AreaCode { get; private set; }
    public NeedStatus Status { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ById { get; private set; }
    public string ByName { get; private set; }

    /// <summary>Free text (a reason, a resolution): sensitive in the audit.</summary>
    public string Note { get; private set; }
}

/// <summary>A photo of a need (a <see cref="Platform.Files.StoredFile"/> of kind <see cref="NeedPhoto.Kind"/>).</summary>
public sealed class NeedPhoto : IAreaScoped
{
    public const int MaxPerNeed = Platform.Files.Photos.MaxPerRecord;

    /// <summary>Needs' photos are read by those who read needs; every download is audited (they may show people at home).</summary>
    public static readonly Platform.Files.FileKind Kind = new("need-photo", NeedsPermissions.View, AuditReads: true);

    private NeedPhoto() { AreaCode = ""; }

    public NeedPhoto(Need need, Guid fileId)
    {
        Id = Guid.CreateVersion7();
        NeedId = need.Id;
        AreaCode = need.AreaCode;
        FileId = fileId;
    }

    public Guid Id { get; private set; }
    public Guid NeedId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid FileId { get; private set; }
}
