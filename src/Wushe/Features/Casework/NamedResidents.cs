using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;

namespace Wushe.Features.Casework;

/// <summary>
/// The residents a list's keyword finds by part of their name (the case list, the service records): those in the reader's
/// scope, matched inside the list's own query (<see cref="InScope"/>, no cap — a common surname matched across the country
/// must not push a station's own people out of its results), and the clients of cases referred in, who live outside the
/// scope yet are served in it (<see cref="ReferredIn"/>: their ids only; nothing else of them leaves the query).
/// </summary>
public sealed record NamedResidents(IQueryable<Guid> InScope, IReadOnlyList<Guid> ReferredIn)
{
    /// <summary>The matches of <paramref name="keyword"/> (trimmed, non-empty) for the acting reader.</summary>
    public static async Task<NamedResidents> MatchAsync(AppDb db, string keyword, CancellationToken ct = default)
    {
        var inScope = db.Set<Resident>().Where(p => p.Name.Contains(keyword)).Select(p => p.Id);
        var outside = await db.Cases().Where(c => !db.Set<Resident>().Any(p => p.Id == c.ResidentId)).Select(c => c.ResidentId).Distinct().ToListAsync(ct);
        var referredIn = outside.Count == 0 ? [] : await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(p => outside.Contains(p.Id) && p.Name.Contains(keyword)).Select(p => p.Id).ToListAsync(ct);
        return new NamedResidents(inScope, referredIn);
    }
}
