using Microsoft.EntityFrameworkCore;
using Wushe.Platform.Areas;

namespace Wushe.Platform.Access;

public static class AreaQueries
{
    /// <summary>
    /// Records under an area (a filter the user chose, e.g. a tree node), as an index-friendly
    /// range on the 12-digit code. Null or malformed: no narrowing. The scope filter still applies.
    /// </summary>
    public static IQueryable<T> Under<T>(this IQueryable<T> query, string? areaCode) where T : class, IAreaScoped
    {
        if (AreaCode.Normalize(areaCode) is not { } code) return query;
        var (low, high) = AreaCode.Range(code);
        return query.Where(e => string.Compare(EF.Property<string>(e, nameof(IAreaScoped.AreaCode)), low) >= 0
            && string.Compare(EF.Property<string>(e, nameof(IAreaScoped.AreaCode)), high) <= 0);
    }
}
