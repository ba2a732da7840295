using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Organizations;

/// <summary>
/// 新增社会组织: registers an organization in the register of the writer's scope. Its area is that of its registering
/// authority: a city or county (民政局), or a township for a community social organization 备案 there. The credit code is
/// a natural key (ADR 0005): a duplicate is 409 naming the field, also when two requests race.
/// </summary>
public static class RegisterOrganization
{
    public sealed record Created(Guid Id);

    public static async Task<Result<Created>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, OrganizationForm.Request r, CancellationToken ct = default)
    {
        var errors = OrganizationForm.Validate(r, clock);
        var code = Wushe.Platform.Areas.AreaCode.Normalize(r.AreaCode);
        Area? area = null;
        if (code is null) errors.Add("areaCode", Lang.T("请选择登记管理机关所在区划", "Please choose the registering authority's area"));
        // The scope filter hides areas outside the user's scope: to them those areas do not exist.
        else if ((area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code && a.ValidTo == null, ct)) is null || !user.Scope.Covers(code))
            errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
        else if (area.Level is not (AreaLevel.City or AreaLevel.County or AreaLevel.Township))
            errors.Add("areaCode", Lang.T("登记管理机关所在区划应为市、县（区）或乡镇（街道）", "The registering area is a city, a county or a township"));
        await OrganizationForm.CheckAsync(db, errors, r, code ?? "", null, ct);
        if (errors.Any) return errors.ToFailure();

        var organization = new Organization(area!.Code, r.Name!.Trim(), OrganizationKind.Other, r.Status ?? OrganizationStatus.Registered, clock.GetUtcNow());
        db.Organizations.Add(organization);
        await OrganizationForm.ApplyAsync(db, organization, r, sealer, ct);
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains(nameof(Organization.CreditCode)) ? Failure.Duplicate("creditCode", OrganizationForm.DuplicateMessage) : UniqueKeys.Conflict();
        return new Created(organization.Id);
    }
}
