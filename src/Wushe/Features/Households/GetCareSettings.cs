using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 户卡与标签设置 of an area (the user's own area unless another of the scope is asked for): the colour-card scheme that applies to
/// it — its own, or the nearest one above it (inherited: read-only here, with the choice of creating its own) — and the
/// target-group tags it offers (the platform's defaults, those of the areas above and its own; only those of the user's scope are
/// editable). Failures: invalid (an area that is not a 12-digit code); not found (an area outside the scope).
/// </summary>
public static class GetCareSettings
{
    /// <param name="Name">The Chinese name, as edited.</param>
    /// <param name="NameEn">The English name, as edited (null: none given).</param>
    public sealed record Scheme(Guid Id, string AreaCode, string AreaName, string Name, List<CardColour> Colours, int GuardianshipReassessMonths, int Version,
        Dictionary<string, int> Households, string? NameEn = null)
    {
        /// <summary>The name in the page's language.</summary>
        public string LocalName => CardNames.SchemeName(Name, NameEn);
    }

    public sealed record Tag(Guid Id, string AreaCode, string DefinedBy, string Name, string NameEn, TargetGroupKind Kind, int Order, bool IsActive, bool Editable,
        int? MinAge = null, int? MaxAge = null);

    /// <param name="AreaCode">The area the settings are of.</param>
    /// <param name="Scheme">The scheme that applies (null: none, households are visited quarterly).</param>
    /// <param name="Inherited">The scheme is an area's above (read-only here).</param>
    /// <param name="Editable">The user may change the scheme (its own area, in the scope).</param>
    /// <param name="CanCreate">The area has no scheme of its own and may have one (a city, county or township of the scope).</param>
    public sealed record Response(string AreaCode, string AreaName, Scheme? Scheme, bool Inherited, bool Editable, bool CanCreate, List<Tag> Tags);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, string? area, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(area) ? user.Active?.AreaCode : AreaCode.Normalize(area);
        if (code is null) return Failure.Invalid("area", Lang.T("区划代码须为 12 位数字", "The area code is 12 digits"));
        string name;
        if (code == TargetGroups.Country)
        {
            if (!user.Scope.All) return Failure.NotFound();
            name = Lang.T("全国", "Whole country");
        }
        else
        {
            var found = await db.Areas.Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (found is null) return Failure.NotFound();
            name = found;
        }

        var applying = code == TargetGroups.Country ? null : await CardSchemes.Visible(db, code).FirstOrDefaultAsync(ct);
        Scheme? scheme = null;
        if (applying is not null)
        {
            var names = await AreaNames.LookupAsync(db, [applying.AreaCode], ct);
            // How many households hold each colour: told beside the colour, so that an editor knows what a removal would refuse.
            var held = await db.Set<Household>().Where(h => h.CardSchemeId == applying.Id && h.CardColour != null)
                .GroupBy(h => h.CardColour).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            scheme = new Scheme(applying.Id, applying.AreaCode, names.GetValueOrDefault(applying.AreaCode, applying.AreaCode), applying.Name, applying.Colours,
                applying.GuardianshipReassessMonths, applying.Version, held.ToDictionary(h => h.Key!, h => h.Count), applying.NameEn);
        }
        var inherited = applying is not null && applying.AreaCode != code;
        var mayConfigure = user.Has(HouseholdsPermissions.Configure);
        var editable = applying is not null && !inherited && mayConfigure && user.Scope.Covers(applying.AreaCode) && await CardSchemes.MaySetAsync(db, user, applying.AreaCode, ct);
        var canCreate = (applying is null || inherited) && code != TargetGroups.Country && AreaCode.LevelOf(code) != AreaLevel.Village
            && mayConfigure && user.Scope.Covers(code) && await CardSchemes.MaySetAsync(db, user, code, ct);

        var tags = await TargetGroups.Visible(db, code).OrderBy(t => t.AreaCode).ThenBy(t => t.Order).ThenBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        var owners = await AreaNames.LookupAsync(db, tags.Select(t => t.AreaCode), ct);
        return new Response(code, name, scheme, inherited, editable, canCreate,
            [.. tags.Select(t => new Tag(t.Id, t.AreaCode, t.AreaCode == TargetGroups.Country ? Lang.T("平台默认", "Platform default") : owners.GetValueOrDefault(t.AreaCode, t.AreaCode),
                t.Name, t.NameEn, t.Kind, t.Order, t.IsActive, mayConfigure && user.Scope.Covers(t.AreaCode), t.MinAge, t.MaxAge))]);
    }
}
