using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;

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

    /// <summary>
    /// Whether <paramref name="user"/>, who holds the configure permission over the area (checked by the route, the page and
    /// the scope filter), may also create or change the scheme of <paramref name="areaCode"/> (12 digits): a station social
    /// worker only as the head (站长, <see cref="StationStaff.IsHead"/>) of the township's station — a scheme sets how often
    /// every household of the township is visited, a decision of the station, not of one worker (review of issue 7); any
    /// other role, yes. The settings page shows its forms by this rule and the save refuses by it (403).
    /// </summary>
    public static async Task<bool> MaySetAsync(AppDb db, CurrentUser user, string areaCode, CancellationToken ct = default)
    {
        if (user.Active?.Role != Role.StationWorker) return true;
        if (user.Id is not { } id || areaCode.Length != 12) return false;
        var township = areaCode[..9] + "000";
        return await db.Set<StationStaff>().AnyAsync(m => m.UserId == id && m.IsHead && m.AreaCode == township, ct);
    }

    /// <summary>The refusal when <see cref="MaySetAsync"/> says no.</summary>
    public static Platform.Outcomes.Failure NotPermitted() => Platform.Outcomes.Failure.Forbidden(
        Platform.Localization.Lang.T("户卡方案由社工站站长或民政部门设定", "A card scheme is set by the station's head or by civil-affairs staff"));
}
