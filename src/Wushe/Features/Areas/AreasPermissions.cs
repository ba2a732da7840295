using Wushe.Platform.Access;

namespace Wushe.Features.Areas;

public static class AreasPermissions
{
    /// <summary>Policy names for page attributes (attributes need constants).</summary>
    public const string ViewPolicy = "areas.view", ImportPolicy = "areas.import";

    public static readonly Permission View = new(ViewPolicy,
        Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.FundCommitteeMember, Role.OrganizationStaff);

    /// <summary>Import the national division list: the platform admin only.</summary>
    public static readonly Permission Import = new(ImportPolicy);
}
