using Wushe.Platform.Access;

namespace Wushe.Features.Stations;

public static class StationsPermissions
{
    public static readonly Permission View = new("stations.view",
        Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.FundCommitteeMember, Role.OrganizationStaff);

    /// <summary>Register, edit, close and reopen stations; record their funding.</summary>
    public static readonly Permission Manage = new("stations.manage", Role.BureauStaff);

    /// <summary>Record "五有五统一" checklist items with evidence.</summary>
    public static readonly Permission RecordChecks = new("stations.checks", Role.BureauStaff, Role.StationWorker);

    /// <summary>Set up rating rounds, give reviewer's scores, publish results.</summary>
    public static readonly Permission ManageRatings = new("stations.ratings", Role.BureauStaff);

    /// <summary>A station's own self-assessment in a rating round.</summary>
    public static readonly Permission SelfAssess = new("stations.selfassess", Role.StationWorker);

    /// <summary>Record supervision and capacity-building visits (guidance centres, bureaus).</summary>
    public static readonly Permission Supervise = new("stations.supervise", Role.BureauStaff, Role.StationWorker);
}
