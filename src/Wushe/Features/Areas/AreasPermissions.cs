using Wushe.Platform.Access;

namespace Wushe.Features.Areas;

public static class AreasPermissions
{
    public static readonly Permission View = new("areas.view",
        Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.FundCommitteeMember, Role.OrganizationStaff);

    /// <summary>Import the national division list: the platform admin only.</summary>
    public static readonly Permission Import = new("areas.import");
}
