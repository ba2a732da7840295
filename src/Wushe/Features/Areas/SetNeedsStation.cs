using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Areas;

/// <summary>
/// 设为需建站: whether a 类似乡级单位 (development zone, industrial park, farm) must have a township
/// station, so coverage counts it even without one (DOMAIN.md, "Places"). A bureau sets it for the
/// units in its area, the platform admin anywhere; the change is audited like any other.
/// </summary>
public static class SetNeedsStation
{
    /// <param name="NeedsStation">true: coverage counts the unit; false: only when it has a station.</param>
    public sealed record Request(bool? NeedsStation);

    /// <returns>The area; NotFound when the code is unknown, retired or outside the user's area; Invalid when it is not a 类似乡级单位 or the value is missing.</returns>
    public static async Task<Result<BrowseAreas.Details>> Handle(AppDb db, CurrentUser user, string code, Request request, CancellationToken ct = default)
    {
        var c = AreaCode.Normalize(code);
        var area = c is null ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == c && a.ValidTo == null, ct);
        if (area is null || !user.Scope.Covers(area.Code)) return Failure.NotFound();
        if (request.NeedsStation is not { } needed)
            return Failure.Invalid("needsStation", Lang.T("请选择是否需建社工站", "Say whether the unit needs a station"));
        if (area.Kind != AreaKind.TownshipLike)
            return Failure.Invalid("needsStation", Lang.T("只有类似乡级单位（开发区、园区、农场等）可以设置是否需建社工站；乡、镇、街道都应建站",
                "Only a township-like unit (development zone, park, farm) can be set; every township, town and street needs a station"));
        if (area.NeedsStation != needed)
        {
            area.SetNeedsStation(needed);
            await db.SaveChangesAsync(ct);
        }
        return (await BrowseAreas.Get(db, area.Code, ct)).Value!;
    }
}
