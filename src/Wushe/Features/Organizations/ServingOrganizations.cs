using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Features.Organizations;

/// <summary>
/// The organizations that serve an area — the one rule of "serves" (a need's referral, a project's implementing organization):
/// an organization that is registered or incubating (not suspended, not deregistered) and either lists the area, or an area
/// above it, among its service areas (<see cref="OrganizationServiceArea"/>), or is itself registered at the area or above it
/// (a county's organization serves the county). Organizations are held by their registering authority's area, often above the
/// reader's scope: read here by this explicit predicate, id and name only. Households' visitor candidates
/// (<c>Workers.VisitorCandidatesAsync</c>: staff of a serving organization) read the same query.
/// </summary>
public static class ServingOrganizations
{
    public sealed record Serving(Guid Id, string Name, OrganizationKind Kind);

    /// <summary>Those serving <paramref name="areaCode"/> (12 digits), by name, at most 200.</summary>
    public static Task<List<Serving>> Of(AppDb db, string areaCode, CancellationToken ct = default) =>
        Query(db, areaCode).OrderBy(o => o.Name).ThenBy(o => o.Id).Take(200).Select(o => new Serving(o.Id, o.Name, o.Kind)).ToListAsync(ct);

    /// <summary>The one serving <paramref name="areaCode"/> with this id, or null.</summary>
    public static Task<Serving?> Find(AppDb db, string areaCode, Guid id, CancellationToken ct = default) =>
        Query(db, areaCode).Where(o => o.Id == id).Select(o => new Serving(o.Id, o.Name, o.Kind)).FirstOrDefaultAsync(ct);

    /// <summary>The organizations serving <paramref name="areaCode"/>, as a query outside the reader's scope (compose it with ids only).</summary>
    public static IQueryable<Organization> Query(AppDb db, string areaCode)
    {
        var covering = Covering(areaCode);
        var listed = db.Set<OrganizationServiceArea>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => covering.Contains(s.ServedAreaCode)).Select(s => s.OrganizationId);
        return db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(o => (o.Status == OrganizationStatus.Registered || o.Status == OrganizationStatus.Incubating)
                && (covering.Contains(o.AreaCode) || listed.Contains(o.Id)));
    }

    /// <summary>
    /// 上级登记 · 服务本区: the organizations registered by an authority above the actor's area (its city's or province's) that list
    /// among their service areas an area of the actor's scope — its own, or one inside it — or an area above it (a city-wide
    /// foundation serves each county: <see cref="Query"/>'s rule of "serves"); with <paramref name="under"/> (a node of the tree,
    /// in scope), the same for that area. The register shows them to the actor read-only: the authority above holds them. Narrower
    /// than <see cref="Query"/> in one way, on purpose: there being registered above counts as serving (a referral may go to the
    /// city's organization), which here would show a county every organization of its city, whatever it serves. Any status: the
    /// register's status filter applies to them as to the rest. Empty for an actor with the whole country or no area in scope.
    /// Its own query: it sets the scope filter aside, which EF does for the whole query it is part of — compose it by ids.
    /// </summary>
    public static IQueryable<Organization> RegisteredAbove(AppDb db, CurrentUser actor, string? under = null)
    {
        var organizations = db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var scope = actor.Scope;
        if (actor.Active is not { } active || scope.All || scope.None) return organizations.Where(_ => false);
        var above = Covering(active.AreaCode).Where(c => c != active.AreaCode).ToList();
        var here = AreaCode.Normalize(under) is { } area && scope.Covers(area) ? area : active.AreaCode;
        var (low, high) = here == active.AreaCode ? (scope.Low, scope.High) : AreaCode.Range(here);
        var covering = Covering(here);
        var serving = db.Set<OrganizationServiceArea>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .WhereWithin(s => AreaRange.Within(s.ServedAreaCode, low, high) || covering.Contains(s.ServedAreaCode)).Select(s => s.OrganizationId);
        return organizations.Where(o => above.Contains(o.AreaCode) && serving.Contains(o.Id));
    }

    /// <summary>The area and the areas above it (province, city, county, township), as 12-digit codes.</summary>
    public static List<string> Covering(string areaCode) =>
        new[] { 2, 4, 6, 9, 12 }.Select(n => areaCode[..n].PadRight(12, '0')).Distinct().ToList();
}
