using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Casework;

public enum GroupKind
{
    /// <summary>小组工作: a closed group with planned sessions.</summary>
    Group = 1,
    /// <summary>社区活动: an open activity (usually one session).</summary>
    CommunityActivity = 2,
}

public enum GroupStatus
{
    Open = 1,
    Finished = 2,
}

/// <summary>小组 (or 社区活动): a topic, a target group, planned sessions, members (registered residents).</summary>
public sealed class Group : IAreaScoped
{
    private Group() { AreaCode = Title = Topic = TargetGroup = WorkerName = ""; }

    public Group(string areaCode, GroupKind kind, string title, string topic, string targetGroup, int plannedSessions, DateOnly startsOn,
        Guid? workerId, string workerName, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Kind = kind;
        Title = title;
        Topic = topic;
        TargetGroup = targetGroup;
        PlannedSessions = plannedSessions;
        StartsOn = startsOn;
        WorkerId = workerId;
        WorkerName = workerName;
        Status = GroupStatus.Open;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    /// <summary>Where the group meets: a township or a community.</summary>
    public string AreaCode { get; private set; }
    public GroupKind Kind { get; private set; }
    public string Title { get; private set; }
    public string Topic { get; private set; }
    public string TargetGroup { get; private set; }
    public int PlannedSessions { get; private set; }
    public int SessionsHeld { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public Guid? WorkerId { get; private set; }
    public string WorkerName { get; private set; }
    public GroupStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Edit(string title, string topic, string targetGroup, int plannedSessions, DateOnly startsOn)
    {
        Title = title;
        Topic = topic;
        TargetGroup = targetGroup;
        PlannedSessions = plannedSessions;
        StartsOn = startsOn;
    }

    public void SessionHeld() => SessionsHeld++;

    public void LeadBy(Guid? workerId, string workerName)
    {
        WorkerId = workerId;
        WorkerName = workerName;
    }

    /// <summary>Marks a change for the optimistic-concurrency check (Version is the token): two edits of one group cannot both win.</summary>
    public void Touch() => Version++;

    public void Finish() => Status = GroupStatus.Finished;

    public static string KindLabel(GroupKind k) => k == GroupKind.Group ? Lang.T("小组", "Group") : Lang.T("社区活动", "Community activity");

    public static string StatusLabel(GroupStatus s) => s == GroupStatus.Open ? Lang.T("进行中", "Open") : Lang.T("已结束", "Finished");
}

/// <summary>A registered resident who is a member of a group.</summary>
public sealed class GroupMember : IAreaScoped
{
    private GroupMember() { AreaCode = ""; }

    public GroupMember(Group group, Guid residentId, DateOnly joinedOn)
    {
        GroupId = group.Id;
        ResidentId = residentId;
        AreaCode = group.AreaCode;
        JoinedOn = joinedOn;
    }

    public Guid GroupId { get; private set; }
    public Guid ResidentId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The date the member joined (China date): the day they were added, or the first session they attended if earlier.</summary>
    public DateOnly JoinedOn { get; private set; }

    /// <summary>
    /// The member attended a session held on <paramref name="heldOn"/>: a session recorded afterwards (补录) for a member
    /// added since moves the joining date back to it, so that no one attends before joining.
    /// </summary>
    public void Attended(DateOnly heldOn)
    {
        if (heldOn < JoinedOn) JoinedOn = heldOn;
    }
}

/// <summary>
/// A session of a group (or the activity itself): when, theme, notes, and who attended — each attendance is a service to
/// that person (a <see cref="Households.ServiceRecord"/> of kind group service or community activity, one beneficiary each).
/// </summary>
public sealed class GroupSession : IAreaScoped
{
    private GroupSession() { AreaCode = Theme = Notes = ""; }

    public GroupSession(Group group, int number, DateOnly heldOn, string theme, string notes, int attendance, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        GroupId = group.Id;
        AreaCode = group.AreaCode;
        Number = number;
        HeldOn = heldOn;
        Theme = theme;
        Notes = notes;
        Attendance = attendance;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid GroupId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>第几节: 1, 2, …</summary>
    public int Number { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Theme { get; private set; }
    public string Notes { get; private set; }
    /// <summary>How many registered residents attended (their ids are the service record's beneficiaries).</summary>
    public int Attendance { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
