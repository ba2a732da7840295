using Wushe.Platform.Access;

namespace Wushe.Features.Casework;

/// <summary>
/// Who may do what with groups (小组) and community activities (社区活动): station social workers and community staff run
/// them in their scope; bureaus oversee them (issue 7, group work).
/// </summary>
public static class GroupsPermissions
{
    public const string ViewPolicy = "groups.view", ManagePolicy = "groups.manage";

    /// <summary>The group list, a group's members and sessions.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Create and edit groups, add and remove members, record sessions with attendance, finish a group.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.StationWorker, Role.CommunityStaff);
}
