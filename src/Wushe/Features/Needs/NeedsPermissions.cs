using Wushe.Platform.Access;

namespace Wushe.Features.Needs;

/// <summary>
/// Who may do what with needs (急难愁盼). Community staff and station social workers raise, accept, match and resolve the
/// needs of their area; bureaus oversee and set time limits. Residents have no account: they report on the public page and
/// follow their own need there by its number and their phone (<see cref="TrackNeed"/>).
/// </summary>
public static class NeedsPermissions
{
    public const string ViewPolicy = "needs.view", ManagePolicy = "needs.manage", ConfigurePolicy = "needs.configure", ReferredPolicy = "needs.referred";

    /// <summary>Need lists (requesters' names masked), details, timelines, exports.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Raise, accept or reject, match, advance, resolve, follow up and close needs.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Organization staff: the needs referred to their organization (<see cref="ReferredNeeds"/>), read-only.</summary>
    public static readonly Permission Referred = new(ReferredPolicy, Role.OrganizationStaff);

    /// <summary>Set the area's time limits for accepting and resolving needs.</summary>
    public static readonly Permission Configure = new(ConfigurePolicy, Role.BureauStaff, Role.StationWorker);
}
