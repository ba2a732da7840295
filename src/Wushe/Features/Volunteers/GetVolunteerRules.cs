using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using AreaCodes = Wushe.Platform.Areas.AreaCode;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 志愿服务规则 of an area of the scope (the user's own unless another is asked for): the rules in force there — its own, or
/// inherited from the nearest area above that keeps some, or the national defaults — and what the user may do with them.
/// Failures: invalid (an area that is not a well-formed code); not found (an area outside the scope; the country to all but
/// the platform admin).
/// </summary>
public static class GetVolunteerRules
{
    /// <param name="AreaCode">The area asked about.</param>
    /// <param name="Rules">The rules in force there.</param>
    /// <param name="Source">Own (the area's own), Inherited (an area's above), National (the national defaults: nobody above keeps rules).</param>
    /// <param name="DefinedBy">The area whose rules they are (null for the national defaults).</param>
    /// <param name="Version">The version of the area's own rules (null: it has none) — send it back to change or remove them.</param>
    /// <param name="UpdatedAt">When the rules in force were last changed (null for the national defaults).</param>
    /// <param name="UpdatedByName">Who changed them last.</param>
    /// <param name="MayKeepOwn">The area is of a level that keeps rules (province, city, county, country).</param>
    /// <param name="Editable">The user may create, change or remove the area's own rules (it is of the scope, and may keep rules).</param>
    public sealed record Response(string AreaCode, string AreaName, VolunteerSettings Rules, VolunteerRuleSource Source, string? DefinedBy, string? DefinedByName,
        int? Version, DateTimeOffset? UpdatedAt, string? UpdatedByName, bool MayKeepOwn, bool Editable);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, string? area, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(area) ? user.Active?.AreaCode : AreaCodes.Normalize(area);
        if (code is null) return Failure.Invalid("area", Lang.T("区划代码须为 12 位数字", "The area code is 12 digits"));
        string name;
        if (code == Scope.Country)
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

        var owners = VolunteerRules.Owners(code);
        var sets = await db.Set<VolunteerRuleSet>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(s => owners.Contains(s.AreaCode)).ToListAsync(ct);
        var inForce = VolunteerRules.Nearest(code, sets);
        var own = sets.FirstOrDefault(s => s.AreaCode == code);
        var source = inForce.DefinedBy is null ? VolunteerRuleSource.National : inForce.DefinedBy == code ? VolunteerRuleSource.Own : VolunteerRuleSource.Inherited;
        var definer = inForce.DefinedBy is null ? null : sets.First(s => s.AreaCode == inForce.DefinedBy);
        string? definedByName = null;
        if (definer is not null)
            definedByName = definer.AreaCode == Scope.Country ? Lang.T("全国", "Whole country")
                : (await AreaNames.LookupAsync(db, [definer.AreaCode], ct)).GetValueOrDefault(definer.AreaCode, definer.AreaCode);
        var mayKeep = VolunteerRules.MayKeep(code);
        var editable = mayKeep && user.Has(VolunteersPermissions.Configure) && user.Scope.Covers(code);
        return new Response(code, name, inForce.Rules, source, definer?.AreaCode, definedByName, own?.Version, definer?.UpdatedAt, definer?.UpdatedByName, mayKeep, editable);
    }
}

/// <summary>Whose rules are in force in an area.</summary>
public enum VolunteerRuleSource
{
    /// <summary>The area's own.</summary>
    Own = 1,
    /// <summary>An area's above.</summary>
    Inherited = 2,
    /// <summary>The national defaults.</summary>
    National = 3,
}
