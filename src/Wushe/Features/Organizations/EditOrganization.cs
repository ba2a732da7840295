using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Organizations;

/// <summary>
/// 修改社会组织: changes the details kept. Its registering area is what it is (a move to another authority is a new
/// registration); its status changes only through <see cref="ChangeOrganizationStatus"/>; a deregistered organization is
/// kept as it was. A stale version is 409.
/// </summary>
public static class EditOrganization
{
    public sealed record Saved(Guid Id, int Version);

    public static async Task<Result<Saved>> Handle(AppDb db, Sealer sealer, TimeProvider clock, Guid id, OrganizationForm.Request r, CancellationToken ct = default)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null) return Failure.NotFound();
        var errors = OrganizationForm.Validate(r, clock, organization.Status);
        if (!string.IsNullOrWhiteSpace(r.AreaCode) && Wushe.Platform.Areas.AreaCode.Normalize(r.AreaCode) != organization.AreaCode)
            errors.Add("areaCode", Lang.T("登记管理机关所在区划不能修改", "The registering area cannot be changed"));
        await OrganizationForm.CheckAsync(db, errors, r, organization.AreaCode, id, ct);
        if (errors.Any) return errors.ToFailure();
        if (organization.Status == OrganizationStatus.Deregistered)
            return Failure.Conflict(Lang.T("已注销的社会组织不能修改", "A deregistered organization cannot be edited"));
        if (r.Version is { } v && v != organization.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this organization; reload and try again"));
        await OrganizationForm.ApplyAsync(db, organization, r, sealer, ct);
        organization.Touch();
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains(nameof(Organization.CreditCode)) ? Failure.Duplicate("creditCode", OrganizationForm.DuplicateMessage) : UniqueKeys.Conflict();
        return new Saved(organization.Id, organization.Version);
    }
}
