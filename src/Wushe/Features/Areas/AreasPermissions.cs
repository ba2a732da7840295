using Wushe.Platform.Access;

namespace Wushe.Features.Areas;

public static class AreasPermissions
{
    /// <summary>Policy names for page attributes (attributes need constants).</summary>
    public const string ViewPolicy = "areas.view", ImportPolicy = "areas.import", ConfigurePolicy = "areas.configure";

    public static readonly Permission View = new(ViewPolicy,
        Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.FundCommitteeMember, Role.OrganizationStaff);

    /// <summary>Settings of the areas in one's scope, such as whether a 类似乡级单位 needs a station: bureaus (and the platform admin).</summary>
    public static readonly Permission Configure = new(ConfigurePolicy, Role.BureauStaff);

    /// <summary>Import the national division list: the platform admin only.</summary>
    public static readonly Permission Import = new(ImportPolicy);
}
