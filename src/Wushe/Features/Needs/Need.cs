using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Needs;

/// <summary>The categories of a need (急难愁盼); the linkage-loop issue may add to them.</summary>
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

/// <summary>
/// 需求 (急难愁盼): a need raised for an area, optionally for a household or a person. This issue raises them from a visit's
/// finding in one step (status Submitted, source Visit); the linkage-loop issue (needs → projects) gives them their life
/// cycle, matching and satisfaction.
/// </summary>
public sealed class Need : IAreaScoped
{
    private Need() { AreaCode = Description = RaisedByName = ""; }

    public Need(string areaCode, Guid? householdId, Guid? residentId, NeedCategory category, NeedUrgency urgency, string description,
        NeedSource source, Guid? sourceId, Guid? raisedById, string raisedByName, DateTimeOffset raisedAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        HouseholdId = householdId;
        ResidentId = residentId;
        Category = category;
        Urgency = urgency;
        Description = description;
        Source = source;
        SourceId = sourceId;
        Status = NeedStatus.Submitted;
        RaisedById = raisedById;
        RaisedByName = raisedByName;
        RaisedAt = raisedAt;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public Guid? ResidentId { get; private set; }
    public NeedCategory Category { get; private set; }
    public NeedUrgency Urgency { get; private set; }
    /// <summary>Free text that may name residents' circumstances: sensitive in the audit, never on public pages.</summary>
    public string Description { get; private set; }
    public NeedSource Source { get; private set; }
    /// <summary>The record the need came from (the visit), when it came from one.</summary>
    public Guid? SourceId { get; private set; }
    public NeedStatus Status { get; private set; }
    public Guid? RaisedById { get; private set; }
    public string RaisedByName { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public int Version { get; private set; }

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
        NeedStatus.Submitted => Lang.T("已提交", "Submitted"),
        NeedStatus.Accepted => Lang.T("已受理", "Accepted"),
        NeedStatus.Rejected => Lang.T("不予受理", "Rejected"),
        NeedStatus.Matched => Lang.T("已对接", "Matched"),
        NeedStatus.InProgress => Lang.T("办理中", "In progress"),
        NeedStatus.Resolved => Lang.T("已解决", "Resolved"),
        NeedStatus.FollowedUp => Lang.T("已回访", "Followed up"),
        _ => Lang.T("已办结", "Closed"),
    };
}
