using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// One organization with its service areas and the volunteer teams that belong to it. Organization staff read only their
/// own organization: any other is not found (404), as a record out of scope is. The register's readers also read those
/// registered above their scope that serve in it (<see cref="ServingOrganizations.RegisteredAbove"/>), marked
/// <c>registeredAbove</c>: read-only to them (every write reads the organization in scope only, so it is 404 there).
/// </summary>
public static class GetOrganization
{
    public sealed record Details(Guid Id, string Name, string? CreditCode, OrganizationKind Kind, string AreaCode, string AreaName, string AreaPath,
        Guid? ParentId, string? ParentName, string RegisteringAuthority, DateOnly? RegisteredOn, string LegalRepresentative, string ContactName,
        string? ContactPhone, string Address, IReadOnlyList<ServedArea> ServiceAreas, IReadOnlyList<FocusArea> FocusAreas,
        OrganizationStatus Status, string StatusReason, int Version, DateTimeOffset CreatedAt, IReadOnlyList<Team> Teams, bool RegisteredAbove);

    public sealed record ServedArea(string Code, string Name);

    public sealed record Team(Guid Id, string Name, OrganizationStatus Status);

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        if (!OrganizationAccess.MayRead(user, id)) return Failure.NotFound();
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var above = false;
        if (o is null && user.Has(OrganizationsPermissions.View))
        {
            o = await ServingOrganizations.RegisteredAbove(db, user).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            above = o is not null;
        }
        if (o is null) return Failure.NotFound();
        var path = await AreaNames.PathAsync(db, o.AreaCode, ct);
        var parent = o.ParentId is { } pid ? await db.Organizations.Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        // Whoever reads the organization reads all of where it works (ADR 0010); its rows are held in its area, above the
        // scope for one registered above.
        var served = await db.Set<OrganizationServiceArea>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.OrganizationId == id).Select(s => s.ServedAreaCode).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, served, ct);
        var teams = await db.Organizations.Where(t => t.ParentId == id).OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new Team(t.Id, t.Name, t.Status)).ToListAsync(ct);
        return new Details(o.Id, o.Name, o.CreditCode, o.Kind, o.AreaCode, path.Count > 0 ? path[^1] : "", string.Join(" / ", path), o.ParentId, parent,
            o.RegisteringAuthority, o.RegisteredOn, o.LegalRepresentative, o.ContactName, o.ContactPhone?.Masked, o.Address,
            served.Order(StringComparer.Ordinal).Select(c => new ServedArea(c, names.GetValueOrDefault(c, c))).ToList(), Organization.Split(o.FocusAreas),
            o.Status, o.StatusReason, o.Version, o.CreatedAt, teams, above);
    }
}
