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
        ConfigurePolicy = "volunteers.configure";

    /// <summary>The register (phones masked, ID numbers never listed), details, exports.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Register a volunteer from a paper form, correct, move, suspend, restore or withdraw one.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Publish activities and shifts in scope, cancel them, change places, remove a sign-up with a reason.</summary>
    public static readonly Permission Organize = new(OrganizePolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>
    /// 志愿服务规则: keep the volunteer rules of a province, city or county of the scope (<see cref="VolunteerRuleSet"/>) — a
    /// bureau's decision; the platform admin (granted everything) also keeps the country's.
    /// </summary>
    public static readonly Permission Configure = new(ConfigurePolicy, Role.BureauStaff);

    /// <summary>A volunteer's own pages: registration, skills and availability.</summary>
    public static readonly Permission Self = new(SelfPolicy, Role.Volunteer);
}
