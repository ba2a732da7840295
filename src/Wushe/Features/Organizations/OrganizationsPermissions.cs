using Wushe.Platform.Access;

namespace Wushe.Features.Organizations;

public static class OrganizationsPermissions
{
    public const string ViewPolicy = "organizations.view", ManagePolicy = "organizations.manage",
        ViewOnePolicy = "organizations.view-one", EditOwnPolicy = "organizations.edit-own";

    /// <summary>The organization register (its list and export): bureaus and station workers, within their scope.</summary>
    public static readonly Permission View = new(ViewPolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>Register, edit and change the status of organizations. Stations record the community organizations they incubate.</summary>
    public static readonly Permission Manage = new(ManagePolicy, Role.BureauStaff, Role.StationWorker);

    /// <summary>
    /// One organization's details: those who keep the register (<see cref="View"/>, in scope), and organization staff —
    /// their own organization only (the one their role acts for; any other is 404, <see cref="OrganizationAccess"/>).
    /// </summary>
    public static readonly Permission ViewOne = new(ViewOnePolicy, Role.BureauStaff, Role.StationWorker, Role.OrganizationStaff);

    /// <summary>Organization staff keep their own organization's contact details, address, focus and service areas (本机构).</summary>
    public static readonly Permission EditOwn = new(EditOwnPolicy, Role.OrganizationStaff);
}

/// <summary>Which organization a user may read: any in scope for the register's keepers; for organization staff, their own.</summary>
public static class OrganizationAccess
{
    /// <summary>The organization the user's active role acts for (organization staff); null otherwise.</summary>
    public static Guid? Own(CurrentUser user) => user.Active is { Role: Role.OrganizationStaff, OrganizationId: { } id } ? id : null;

    /// <summary>Whether <paramref name="user"/> may read organization <paramref name="id"/> (its scope is the query filter's).</summary>
    public static bool MayRead(CurrentUser user, Guid id) => user.Has(OrganizationsPermissions.View) || Own(user) == id;
}
