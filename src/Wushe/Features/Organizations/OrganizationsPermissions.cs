using Wushe.Platform.Access;

namespace Wushe.Features.Organizations;

public static class OrganizationsPermissions
{
    public const string ViewPolicy = "organizations.view", ManagePolicy = "organizations.manage";

    /// <summary>
    /// The organization register: bureaus and station workers, within their scope. Not organization staff yet: they must
    /// see only their own organization, which needs their accounts linked to it (the next slice of issue 8).
    /// </summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Register, edit and change the status of organizations. Stations record the community organizations they incubate.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.BureauStaff, Role.StationWorker);
}
