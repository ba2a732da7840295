using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using AreaCodes = Wushe.Platform.Areas.AreaCode;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 删除本区划规则: an area's own volunteer rules removed (audited); the area and those below it take the nearest rules above
/// again, or the national defaults. Failures: invalid (no area); not found (none of the area's own in the user's scope);
/// conflict (<paramref name="version"/> given and not the stored one: someone changed them meanwhile).
/// </summary>
public static class RemoveVolunteerRules
{
    /// <summary>What is in force in the area now.</summary>
    public sealed record Removed(string AreaCode, VolunteerRuleSource Source, string? DefinedBy);

    public static async Task<Result<Removed>> Handle(AppDb db, string? area, int? version, CancellationToken ct = default)
    {
        var code = AreaCodes.Normalize(area);
        if (code is null) return Failure.Invalid("area", Lang.T("请选择区划", "Please choose the area"));
        // Scoped: a county bureau does not find its city's rules, nor another county's (404).
        var set = await db.Set<VolunteerRuleSet>().FirstOrDefaultAsync(s => s.AreaCode == code, ct);
        if (set is null) return Failure.NotFound();
        var stale = Failure.Conflict(Lang.T("规则已被他人修改，请刷新后重试", "Someone else changed these rules; reload and try again"));
        if (version is { } v && v != set.Version) return stale;
        db.Remove(set);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return stale;
        }
        var now = await VolunteerRules.InForceAsync(db, code, ct);
        return new Removed(code, now.DefinedBy is null ? VolunteerRuleSource.National : VolunteerRuleSource.Inherited, now.DefinedBy);
    }
}
