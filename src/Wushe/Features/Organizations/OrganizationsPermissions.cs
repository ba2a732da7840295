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
    public static Guid? Own(CurrentUser user) => user.ActingOrganization;

    /// <summary>
    /// Why organization <paramref name="id"/> may not act now — accept a referral, move a referred need, record delivery: it is
    /// suspended (暂停活动) or deregistered (已注销), or unknown; null while it is registered or incubating. Its staff still read its
    /// history. The project rules ask the same of a project's implementing organization (<c>ProjectRules.Standing</c>).
    /// </summary>
    public static async Task<string?> ActingRefusalAsync(Data.AppDb db, Guid id, CancellationToken ct = default) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Set<Organization>(), [Data.AppDb.ScopeFilter]),
            o => o.Id == id && (o.Status == OrganizationStatus.Registered || o.Status == OrganizationStatus.Incubating), ct)
            ? null
            : Wushe.Platform.Localization.Lang.T("本机构已暂停活动或已注销，不能办理；可查看以往记录", "Your organization is suspended or deregistered: it can no longer act, only read its records");

    /// <summary>
    /// The registered name of organization <paramref name="id"/>, or null: public register data, read outside the scope by the id
    /// alone (a list narrowed to an organization names it).
    /// </summary>
    public static Task<string?> NameAsync(Data.AppDb db, Guid id, CancellationToken ct = default) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Set<Organization>(), [Data.AppDb.ScopeFilter])
                .Where(o => o.Id == id).Select(o => (string?)o.Name), ct);

    /// <summary>Whether <paramref name="user"/> may read organization <paramref name="id"/> (its scope is the query filter's).</summary>
    public static bool MayRead(CurrentUser user, Guid id) => user.Has(OrganizationsPermissions.View) || Own(user) == id;
}
