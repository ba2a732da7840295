using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>志愿服务类别: the national system's service categories, as an activity is filed under one.</summary>
public enum VolunteerServiceKind
{
    CommunityService = 1,
    ElderlyAndDisabled = 2,
    Children = 3,
    CivilizationPractice = 4,
    Environment = 5,
    Emergency = 6,
    CultureAndSports = 7,
    Health = 8,
    Legal = 9,
    Other = 10,
}

/// <summary>Who may sign up for an activity (报名范围).</summary>
public enum ActivityOpenTo
{
    /// <summary>全体志愿者 (0: every activity published before teams existed is open to all).</summary>
    All = 0,
    /// <summary>指定队伍: only active members of the chosen teams (<see cref="ActivityTeam"/>).</summary>
    ChosenTeams = 1,
}

public enum ActivityStatus
{
    /// <summary>已发布: volunteers see it and sign up.</summary>
    Published = 1,
    /// <summary>已取消 (with a reason): every sign-up is cancelled with it.</summary>
    Cancelled = 2,
}

/// <summary>
/// 志愿活动: an activity an organizer (a station, a community or a social organization, in its scope) publishes: title, service
/// category, target group, place (with coordinates when a geofence is wanted), its shifts (班次) with capacities, the skills wanted, and
/// the project or need it serves. Its area is where it is held (a township or a community): whose staff keep it. One an organization
/// publishes is also held by it (<see cref="OrganizationId"/>): its staff keep that one and no other.
/// </summary>
public sealed class Activity : IAreaScoped, IOrganizationHeld
{
    private Activity() { AreaCode = Title = TargetGroup = Place = Description = OrganizerName = StatusReason = CreatedByName = ""; }

    public Activity(string areaCode, string title, VolunteerServiceKind kind, string organizerName, Guid? createdById, string createdByName, DateTimeOffset createdAt,
        Guid? organizationId = null)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        OrganizationId = organizationId;
        Title = title;
        Kind = kind;
        OrganizerName = organizerName;
        Status = ActivityStatus.Published;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = createdAt;
        TargetGroup = Place = Description = StatusReason = "";
    }

    public Guid Id { get; private set; }
    /// <summary>Where it is held: a township or community (12-digit code).</summary>
    public string AreaCode { get; private set; }
    /// <summary>The social organization that publishes and keeps it (its staff acting); null: a station's or a community's.</summary>
    public Guid? OrganizationId { get; private set; }
    public string Title { get; private set; }
    public VolunteerServiceKind Kind { get; private set; }
    /// <summary>服务对象, e.g. 辖区高龄独居老人.</summary>
    public string TargetGroup { get; private set; }
    public string Place { get; private set; }
    /// <summary>WGS-84 degrees, when known; with <see cref="GeofenceMeters"/> check-ins must be within that distance.</summary>
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    /// <summary>Check-in radius in metres around the place; null: no fence.</summary>
    public int? GeofenceMeters { get; private set; }
    public string Description { get; private set; }
    public VolunteerSkill SkillsWanted { get; private set; }
    /// <summary>The project (issue 8) or need it serves, when any.</summary>
    public Guid? ProjectId { get; private set; }
    public Guid? NeedId { get; private set; }
    /// <summary>报名截止: sign-ups and cancellations close this many hours before a shift starts (0: until it starts).</summary>
    public int CutoffHours { get; private set; }
    /// <summary>报名范围: all volunteers, or the active members of the chosen teams only.</summary>
    public ActivityOpenTo OpenTo { get; private set; }
    /// <summary>组织单位, as volunteers read it (the station, the community; an organization's registered name when it publishes).</summary>
    public string OrganizerName { get; private set; }
    public ActivityStatus Status { get; private set; }
    public string StatusReason { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Touch() => Version++;

    public void Describe(string title, VolunteerServiceKind kind, string targetGroup, string place, double? latitude, double? longitude, int? geofenceMeters,
        string description, VolunteerSkill skills, Guid? projectId, Guid? needId, int cutoffHours, string organizerName)
    {
        Title = title;
        Kind = kind;
        TargetGroup = targetGroup;
        Place = place;
        Latitude = latitude;
        Longitude = longitude;
        GeofenceMeters = geofenceMeters;
        Description = description;
        SkillsWanted = skills;
        ProjectId = projectId;
        NeedId = needId;
        CutoffHours = cutoffHours;
        OrganizerName = organizerName;
    }

    public void Open(ActivityOpenTo openTo) => OpenTo = openTo;

    public void Cancel(string reason)
    {
        Status = ActivityStatus.Cancelled;
        StatusReason = reason;
    }

    public static string KindLabel(VolunteerServiceKind k) => k switch
    {
        VolunteerServiceKind.CommunityService => Lang.T("社区服务", "Community service"),
        VolunteerServiceKind.ElderlyAndDisabled => Lang.T("助老助残", "Elderly and disabled"),
        VolunteerServiceKind.Children => Lang.T("关爱儿童", "Children"),
        VolunteerServiceKind.CivilizationPractice => Lang.T("文明实践", "Civilization practice"),
        VolunteerServiceKind.Environment => Lang.T("生态环保", "Environment"),
        VolunteerServiceKind.Emergency => Lang.T("应急救援", "Emergency relief"),
        VolunteerServiceKind.CultureAndSports => Lang.T("文化体育", "Culture and sports"),
        VolunteerServiceKind.Health => Lang.T("卫生健康", "Health"),
        VolunteerServiceKind.Legal => Lang.T("法律服务", "Legal services"),
        _ => Lang.T("其他", "Other"),
    };

    public static string OpenToLabel(ActivityOpenTo o) => o == ActivityOpenTo.All ? Lang.T("全体志愿者", "All volunteers") : Lang.T("指定队伍", "Chosen teams");

    public static string StatusLabel(ActivityStatus s) => s == ActivityStatus.Published ? Lang.T("已发布", "Published") : Lang.T("已取消", "Cancelled");
}

/// <summary>班次: a time slot of an activity with its capacity (名额). Instants are stored in UTC and shown in China time.</summary>
public sealed class Shift : IAreaScoped, IOrganizationHeld
{
    private Shift() { AreaCode = Name = ""; }

    public Shift(Activity activity, string name, DateTimeOffset startsAt, DateTimeOffset endsAt, int capacity)
    {
        Id = Guid.CreateVersion7();
        ActivityId = activity.Id;
        AreaCode = activity.AreaCode;
        OrganizationId = activity.OrganizationId;
        Name = name;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The activity's organization (<see cref="Activity.OrganizationId"/>).</summary>
    public Guid? OrganizationId { get; private set; }
    /// <summary>e.g. 上午班; may be empty.</summary>
    public string Name { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    /// <summary>名额: confirmed sign-ups never exceed it.</summary>
    public int Capacity { get; private set; }
    public int Version { get; private set; }

    public void ChangeCapacity(int capacity) => Capacity = capacity;

    public void Touch() => Version++;
}

public enum SignUpStatus
{
    /// <summary>已确认: holds a place.</summary>
    Confirmed = 1,
    /// <summary>候补: waits for a place; promoted in order when one frees.</summary>
    Waitlisted = 2,
    /// <summary>已取消 by the volunteer (or with the activity).</summary>
    Cancelled = 3,
    /// <summary>已移出 by the organizer, with a reason the volunteer reads.</summary>
    Removed = 4,
}

/// <summary>
/// 报名: a volunteer's sign-up for a shift. At most one active (confirmed or waitlisted) per volunteer and shift (a filtered unique
/// index). <see cref="PromotedAt"/> marks a waitlisted one given a place (the volunteer sees it on their page).
/// </summary>
public sealed class SignUp : IAreaScoped, IOrganizationHeld
{
    private SignUp() { AreaCode = Note = ""; }

    public SignUp(Shift shift, Guid volunteerId, SignUpStatus status, DateTimeOffset at)
    {
        // Sequential in this process even within one millisecond: a batch of sign-ups decided at one time (SignUpLanes) keeps the
        // order they came in by (SignedUpAt, Id) — the waitlist's order, its positions and who is promoted first.
        Id = UUIDNext.Uuid.NewSequential();
        ShiftId = shift.Id;
        ActivityId = shift.ActivityId;
        AreaCode = shift.AreaCode;
        OrganizationId = shift.OrganizationId;
        VolunteerId = volunteerId;
        Status = status;
        SignedUpAt = at;
        Note = "";
    }

    public Guid Id { get; private set; }
    public Guid ShiftId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The activity's organization (<see cref="Activity.OrganizationId"/>).</summary>
    public Guid? OrganizationId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public SignUpStatus Status { get; private set; }
    public DateTimeOffset SignedUpAt { get; private set; }
    public DateTimeOffset? PromotedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why it ended: the organizer's reason for a removal, the activity's cancellation.</summary>
    public string Note { get; private set; }

    public bool IsActive => Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted;

    /// <summary>签到 / 签退: when the volunteer checked in and out (UTC), by a scanned code or by the organizer's hand.</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? CheckedOutAt { get; private set; }
    /// <summary>The Unix minute of the code used to check in: the same code does not check out (a photo of one screen is not two scans).</summary>
    public long? CheckInMinute { get; private set; }
    /// <summary>人工确认: the organizer entered the attendance by hand; <see cref="AttendanceNote"/> holds their reason.</summary>
    public bool AttendanceManual { get; private set; }
    /// <summary>The organizer's reason for a manual attendance, or why the attendance earned no hours (too short).</summary>
    public string AttendanceNote { get; private set; } = "";

    public void CheckIn(DateTimeOffset at, long minute)
    {
        CheckedInAt = at;
        CheckInMinute = minute;
    }

    public void CheckOut(DateTimeOffset at, string note)
    {
        CheckedOutAt = at;
        AttendanceNote = note;
    }

    public void ConfirmAttendance(DateTimeOffset from, DateTimeOffset to, string reason)
    {
        CheckedInAt = from.ToUniversalTime();
        CheckedOutAt = to.ToUniversalTime();
        AttendanceManual = true;
        AttendanceNote = reason;
    }

    public void Promote(DateTimeOffset at)
    {
        Status = SignUpStatus.Confirmed;
        PromotedAt = at;
    }

    public void End(SignUpStatus status, DateTimeOffset at, string note)
    {
        Status = status;
        EndedAt = at;
        Note = note;
    }

    public static string StatusLabel(SignUpStatus s) => s switch
    {
        SignUpStatus.Confirmed => Lang.T("已确认", "Confirmed"),
        SignUpStatus.Waitlisted => Lang.T("候补", "Waitlisted"),
        SignUpStatus.Cancelled => Lang.T("已取消", "Cancelled"),
        _ => Lang.T("已移出", "Removed"),
    };
}

/// <summary>A team chosen for an activity open to chosen teams (<see cref="ActivityOpenTo.ChosenTeams"/>); its area is the activity's.</summary>
public sealed class ActivityTeam : IAreaScoped, IOrganizationHeld
{
    private ActivityTeam() { AreaCode = ""; }

    public ActivityTeam(Activity activity, Guid teamId)
    {
        Id = Guid.CreateVersion7();
        ActivityId = activity.Id;
        AreaCode = activity.AreaCode;
        OrganizationId = activity.OrganizationId;
        TeamId = teamId;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The activity's organization (<see cref="Activity.OrganizationId"/>).</summary>
    public Guid? OrganizationId { get; private set; }
    public Guid TeamId { get; private set; }
}
