using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>Who a volunteer team belongs to (队伍归属).</summary>
public enum TeamOwnerKind
{
    /// <summary>社会组织: an organization serving the team's area (<see cref="Team.OrganizationId"/>).</summary>
    Organization = 1,
    /// <summary>社工站: a township station; the team's area is the township.</summary>
    Station = 2,
    /// <summary>社区 (村): the team's area is the community.</summary>
    Community = 3,
}

public enum TeamStatus
{
    /// <summary>正常: takes members and is chosen for activities.</summary>
    Active = 1,
    /// <summary>已解散 (with a reason): kept with its history, takes nobody.</summary>
    Dissolved = 2,
}

/// <summary>
/// 志愿服务队: a volunteer team with a brand (品牌名称, e.g. 红马甲) owned by a community, a township station or an organization. Its area
/// is the owner's — the township of a station, the community — or, for an organization, the area the team serves (a township or a
/// community; the organization must serve it). The name is unique within its area. Members: <see cref="TeamMember"/>.
/// </summary>
public sealed class Team : IAreaScoped
{
    private Team() { AreaCode = Name = Brand = Description = OwnerName = StatusReason = CreatedByName = ""; }

    public Team(string areaCode, string name, TeamOwnerKind ownerKind, Guid? organizationId, string ownerName, Guid? createdById, string createdByName, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        OwnerKind = ownerKind;
        OrganizationId = organizationId;
        OwnerName = ownerName;
        Status = TeamStatus.Active;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = createdAt;
        Brand = Description = StatusReason = "";
    }

    public Guid Id { get; private set; }
    /// <summary>The owner's township (station) or community, or the area an organization's team serves (12 digits).</summary>
    public string AreaCode { get; private set; }
    /// <summary>e.g. 九原区红马甲志愿服务队; unique within the area.</summary>
    public string Name { get; private set; }
    /// <summary>品牌名称, e.g. 红马甲; may be empty.</summary>
    public string Brand { get; private set; }
    /// <summary>The main service category (the national system's).</summary>
    public VolunteerServiceKind Kind { get; private set; }
    /// <summary>服务内容 / 简介.</summary>
    public string Description { get; private set; }
    public TeamOwnerKind OwnerKind { get; private set; }
    public Guid? OrganizationId { get; private set; }
    /// <summary>The owner as members read it (the organization's, station's or community's name).</summary>
    public string OwnerName { get; private set; }
    public DateOnly FoundedOn { get; private set; }
    public TeamStatus Status { get; private set; }
    public string StatusReason { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Touch() => Version++;

    public void Describe(string name, string brand, VolunteerServiceKind kind, string description, DateOnly foundedOn)
    {
        Name = name;
        Brand = brand;
        Kind = kind;
        Description = description;
        FoundedOn = foundedOn;
    }

    public void Dissolve(string reason)
    {
        Status = TeamStatus.Dissolved;
        StatusReason = reason;
    }

    public static string OwnerKindLabel(TeamOwnerKind k) => k switch
    {
        TeamOwnerKind.Organization => Lang.T("社会组织", "Organization"),
        TeamOwnerKind.Station => Lang.T("社工站", "Social-work station"),
        _ => Lang.T("社区（村）", "Community"),
    };

    public static string StatusLabel(TeamStatus s) => s == TeamStatus.Active ? Lang.T("正常", "Active") : Lang.T("已解散", "Dissolved");
}

public enum TeamRole
{
    /// <summary>队长.</summary>
    Leader = 1,
    /// <summary>副队长.</summary>
    DeputyLeader = 2,
    /// <summary>队员.</summary>
    Member = 3,
}

public enum MembershipStatus
{
    /// <summary>申请中: the volunteer applied; staff or the team's leader decide.</summary>
    Pending = 1,
    /// <summary>在队.</summary>
    Active = 2,
    /// <summary>已退出: the volunteer left (or withdrew the application).</summary>
    Left = 3,
    /// <summary>未通过: the application was declined, with a reason the volunteer reads.</summary>
    Declined = 4,
    /// <summary>已移出: staff removed the member, with a reason the volunteer reads.</summary>
    Removed = 5,
}

/// <summary>
/// 队员: a volunteer's membership of a team. At most one pending or active membership per volunteer and team (a filtered unique
/// index, also when two requests race); a volunteer may be in several teams. Its area is the team's (whose staff keep it).
/// </summary>
public sealed class TeamMember : IAreaScoped
{
    private TeamMember() { AreaCode = Reason = DecidedByName = ""; }

    public TeamMember(Team team, Guid volunteerId, MembershipStatus status, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        TeamId = team.Id;
        AreaCode = team.AreaCode;
        VolunteerId = volunteerId;
        Role = TeamRole.Member;
        Status = status;
        AppliedAt = at;
        if (status == MembershipStatus.Active) JoinedAt = at;
        Reason = DecidedByName = "";
    }

    public Guid Id { get; private set; }
    public Guid TeamId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid VolunteerId { get; private set; }
    public TeamRole Role { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why it was declined or ended (the volunteer reads it).</summary>
    public string Reason { get; private set; }
    /// <summary>Who approved, declined or removed (staff or the team's leader).</summary>
    public string DecidedByName { get; private set; }
    public int Version { get; private set; }

    public bool IsCurrent => Status is MembershipStatus.Pending or MembershipStatus.Active;

    public void Touch() => Version++;

    public void Approve(DateTimeOffset at, string by)
    {
        Status = MembershipStatus.Active;
        JoinedAt = at;
        DecidedByName = by;
    }

    public void End(MembershipStatus status, DateTimeOffset at, string reason, string by)
    {
        Status = status;
        EndedAt = at;
        Reason = reason;
        DecidedByName = by;
        Role = TeamRole.Member;
    }

    public void SetRole(TeamRole role) => Role = role;

    public static string RoleLabel(TeamRole r) => r switch
    {
        TeamRole.Leader => Lang.T("队长", "Leader"),
        TeamRole.DeputyLeader => Lang.T("副队长", "Deputy leader"),
        _ => Lang.T("队员", "Member"),
    };

    public static string StatusLabel(MembershipStatus s) => s switch
    {
        MembershipStatus.Pending => Lang.T("申请中", "Applied"),
        MembershipStatus.Active => Lang.T("在队", "Member"),
        MembershipStatus.Left => Lang.T("已退出", "Left"),
        MembershipStatus.Declined => Lang.T("未通过", "Declined"),
        _ => Lang.T("已移出", "Removed"),
    };

    public static string StatusBadge(MembershipStatus s) => s switch
    {
        MembershipStatus.Pending => "text-bg-warning",
        MembershipStatus.Active => "text-bg-success",
        MembershipStatus.Declined or MembershipStatus.Removed => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
