using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Features.Households;

/// <summary>
/// The colour-card scheme that applies to a household: the nearest <see cref="CardScheme"/> defined at the household's area or
/// any area above it (a township's own scheme wins over its county's). Schemes are held by the area that defined them,
/// usually above the user's scope: read here, never changed (<see cref="TargetGroups.Visible"/> reads tags the same way).
/// </summary>
public static partial class CardSchemes
{
    /// <summary>The scheme of a household in <paramref name="areaCode"/> (12 digits), untracked; null when no area above defines one.</summary>
    public static async Task<CardScheme?> For(AppDb db, string areaCode, CancellationToken ct = default)
    {
        // Nearest first: the area itself, its parents upwards, the country last.
        var owners = TargetGroups.Ancestors(areaCode).Skip(1).Append(TargetGroups.Country).Distinct().ToList();
        var schemes = await db.Set<CardScheme>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(s => owners.Contains(s.AreaCode)).ToListAsync(ct);
        return schemes.OrderBy(s => owners.IndexOf(s.AreaCode)).FirstOrDefault();
    }
}
