using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Features.Volunteers;

/// <summary>
/// The volunteer rules (<see cref="VolunteerSettings"/>) that apply to an area: the nearest area's own rules at or above it,
/// else the national defaults. Read without the caller's scope (a volunteer reads the rules of where they live).
/// The walk is pure (<see cref="Owners"/>, <see cref="Nearest"/>); the database is asked once, for the few rule sets of the chain.
/// </summary>
public static class VolunteerRules
{
    /// <summary>The rules in force for <paramref name="areaCode"/> (a 12-digit code of any level).</summary>
    public static async Task<VolunteerSettings> ForAreaAsync(AppDb db, string areaCode, CancellationToken ct = default) =>
        (await InForceAsync(db, areaCode, ct)).Rules;

    /// <summary>The rules in force for <paramref name="areaCode"/> and the area that set them (null: the national defaults).</summary>
    public sealed record InForce(VolunteerSettings Rules, string? DefinedBy);

    /// <summary>As <see cref="ForAreaAsync"/>, saying whose rules they are. One query, whoever asks (the scope is not applied).</summary>
    public static async Task<InForce> InForceAsync(AppDb db, string areaCode, CancellationToken ct = default)
    {
        var owners = Owners(areaCode);
        if (owners.Count == 0) return new InForce(VolunteerSettings.National, null);
        var sets = await db.Set<VolunteerRuleSet>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(s => owners.Contains(s.AreaCode)).ToListAsync(ct);
        return Nearest(areaCode, sets);
    }

    /// <summary>
    /// The areas whose rules may apply to <paramref name="areaCode"/>, nearest first: its county, city and province (those
    /// at or above it — a township or village keeps none of its own), then the country. Empty for a malformed code.
    /// </summary>
    public static List<string> Owners(string? areaCode)
    {
        var code = AreaCode.Normalize(areaCode);
        if (code is null) return [];
        var owners = new List<string>();
        if (code != Scope.Country)
            for (var c = (string?)code; c is not null; c = AreaCode.ParentOf(c))
                if (MayKeep(c)) owners.Add(c);
        owners.Add(Scope.Country);
        return owners;
    }

    /// <summary>Whether an area may keep its own rules: a province, city or county, or the country.</summary>
    public static bool MayKeep(string areaCode12) =>
        areaCode12 == Scope.Country || AreaCode.LevelOf(areaCode12) is AreaLevel.Province or AreaLevel.City or AreaLevel.County;

    /// <summary>The nearest of <paramref name="sets"/> on <paramref name="areaCode"/>'s chain (<see cref="Owners"/>), else the national defaults.</summary>
    public static InForce Nearest(string areaCode, IEnumerable<VolunteerRuleSet> sets)
    {
        var owners = Owners(areaCode);
        var nearest = sets.Where(s => owners.Contains(s.AreaCode)).OrderBy(s => owners.IndexOf(s.AreaCode)).FirstOrDefault();
        return nearest is null ? new InForce(VolunteerSettings.National, null) : new InForce(nearest.ToSettings(), nearest.AreaCode);
    }
}
