using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers;

/// <summary>
/// Who may do what with the volunteer register. Community staff and station social workers register volunteers of their area,
/// correct and suspend them; bureaus read the register. A volunteer reads and keeps their own registration only (their scope
/// holds no records: <see cref="Self"/> finds theirs by the account). Anyone registers on the public page (<see cref="JoinAsVolunteer"/>).
/// </summary>
public static class VolunteersPermissions
{
    public const string ViewPolicy = "volunteers.view", ManagePolicy = "volunteers.manage", SelfPolicy = "volunteers.self", OrganizePolicy = "volunteers.organize",
        ConfigurePolicy = "volunteers.configure", ViewActivitiesPolicy = "volunteers.activities.view", OrganizeActivitiesPolicy = "volunteers.activities.organize";

    /// <summary>The register (phones masked, ID numbers never listed), details, exports.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Register a volunteer from a paper form, correct, move, suspend, restore or withdraw one.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>
    /// The organizer's work beyond one activity: back-fill honour hours, issue and revoke certificates, exchange records with the
    /// national system — a station's or a community's. Organizations organize activities (<see cref="OrganizeActivities"/>) only.
    /// </summary>
    public static readonly Permission Organize = new(OrganizePolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>
    /// The activities and their hour records (list, details with rosters, exports): bureaus and staff of the scope, and social
    /// organization staff — only the activities their organization publishes (<see cref="Platform.Access.IOrganizationHeld"/>).
    /// </summary>
    public static readonly Permission ViewActivities = new(ViewActivitiesPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff);

    /// <summary>
    /// 组织志愿活动: publish activities and shifts, edit and cancel them, change places, remove a sign-up with a reason, show the
    /// check-in code, confirm attendance by hand, answer disputes and correct the records — a station or a community in its scope,
    /// a social organization for its own activities (the organizers: station, organization, team, community).
    /// </summary>
    public static readonly Permission OrganizeActivities = new(OrganizeActivitiesPolicy, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff);

    /// <summary>
    /// 志愿服务规则: keep the volunteer rules of a province, city or county of the scope (<see cref="VolunteerRuleSet"/>) — a
    /// bureau's decision; the platform admin (granted everything) also keeps the country's.
    /// </summary>
    public static readonly Permission Configure = new(ConfigurePolicy, Role.BureauStaff);

    /// <summary>A volunteer's own pages: registration, skills and availability.</summary>
    public static readonly Permission Self = new(SelfPolicy, Role.Volunteer);
}
