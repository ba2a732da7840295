using Wushe.Platform.Access;

namespace Wushe.Features.Stations;

public static class StationsPermissions
{
    public const string ViewPolicy = "stations.view", ManagePolicy = "stations.manage", RatingsPolicy = "stations.ratings", SupervisePolicy = "stations.supervise";

    /// <summary>
    /// The station pages and API: bureaus, station workers and organization staff, whose scope holds stations.
    /// Community staff and fund-committee members (a village's scope, where no station is kept) see their
    /// township's station as read-only context on their home page instead (Home/CommunityHome), not empty lists.
    /// </summary>
    public static readonly Permission View = new(ViewPolicy,
        Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);

    /// <summary>Register, edit, close and reopen stations; record their funding.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.BureauStaff);

    /// <summary>Record "五有五统一" checklist items with evidence.</summary>
    public static readonly Permission RecordChecks = new("stations.checks", Role.BureauStaff, Role.StationWorker);

    /// <summary>Set up rating rounds, give reviewer's scores, publish results.</summary>
    public static readonly Permission ManageRatings = new(RatingsPolicy, Role.BureauStaff);

    /// <summary>A station's own self-assessment in a rating round.</summary>
    public static readonly Permission SelfAssess = new("stations.selfassess", Role.StationWorker);

    /// <summary>Record supervision and capacity-building visits (guidance centres, bureaus).</summary>
    public static readonly Permission Supervise = new(SupervisePolicy, Role.BureauStaff, Role.StationWorker);
}
