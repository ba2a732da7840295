using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;

namespace Wushe.Features.Households;

public static partial class CardSchemes
{
    /// <summary>
    /// The schemes that concern <paramref name="areaCode"/>: its own and those of every area above it (held above a township's
    /// scope, so read-only to it), nearest first. The first is the scheme its households take. The scope filter is lifted for the
    /// explicit predicate "the area or an ancestor" (<see cref="AreaNames.SelfAndAncestors"/>), which replaces it.
    /// </summary>
    public static IQueryable<CardScheme> Visible(AppDb db, string areaCode)
    {
        var owners = AreaNames.SelfAndAncestors(areaCode);
        return db.Set<CardScheme>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => owners.Contains(s.AreaCode)).OrderByDescending(s => s.AreaCode);
    }
}
