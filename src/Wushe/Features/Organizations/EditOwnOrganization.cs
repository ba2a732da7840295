using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Organizations;

/// <summary>
/// 本机构 · 修改联系信息: organization staff keep their own organization's contact person and phone, address, focus areas and
/// service areas. What civil affairs registered — name, credit code, kind, authority, legal representative, status — stays
/// with the register's keepers (<see cref="EditOrganization"/>). Another organization is 404; the rules, the stale-version
/// 409 and the audit are <see cref="EditOrganization"/>'s own, run on the organization's registered values with these
/// fields replaced, so both edits share every rule.
/// </summary>
public static class EditOwnOrganization
{
    public sealed record Request(
        [Label("联系人", "Contact")] string? ContactName,
        [Label("联系电话", "Contact phone")] string? ContactPhone,
        [Label("地址", "Address")] string? Address,
        [Label("服务区域", "Service areas")] IReadOnlyList<string>? ServiceAreas,
        [Label("服务领域", "Focus areas")] IReadOnlyList<FocusArea>? FocusAreas,
        [Label("版本", "Version")] int? Version = null,
        [Label("清除联系电话", "Clear contact phone")] bool ClearContactPhone = false);

    /// <summary>The request's own rules, without the database (the page runs them when another value did not parse).</summary>
    public static Errors Validate(Request r, TimeProvider clock) =>
        OrganizationForm.Validate(new OrganizationForm.Request(null, "--", null, OrganizationKind.VolunteerTeam, null, null, null, null,
            r.ContactName, r.ContactPhone, r.Address, r.ServiceAreas, r.FocusAreas, null, r.Version, r.ClearContactPhone), clock);

    public static async Task<Result<EditOrganization.Saved>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, Request r,
        CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) != id) return Failure.NotFound();
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return Failure.NotFound();
        var full = new OrganizationForm.Request(null, o.Name, o.CreditCode, o.Kind, o.ParentId, o.RegisteringAuthority, o.RegisteredOn, o.LegalRepresentative,
            r.ContactName, r.ContactPhone, r.Address, r.ServiceAreas, r.FocusAreas, null, r.Version, r.ClearContactPhone);
        return await EditOrganization.Handle(db, sealer, clock, id, full, ct);
    }

    /// <summary>The page's and API's word for an organization staff user without an organization linked.</summary>
    public static string NoOrganization => Lang.T("您的账号尚未关联社会组织，请联系民政局管理员", "Your account is not linked to an organization yet; ask the bureau's administrator");
}
