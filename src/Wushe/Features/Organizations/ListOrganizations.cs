using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// The organization register: by area (tree), name or credit code, kind, status, focus area and incubation (organizations
/// with an incubation programme of that status: <c>InProgress</c> is the home page's 孵化中); sorted; paged. Besides those
/// registered in the user's scope, unless <c>above=false</c>: those registered above it that serve in it
/// (<see cref="ServingOrganizations.RegisteredAbove"/>), marked <c>registeredAbove</c> (上级登记 · 服务本区) and read-only.
/// </summary>
public static class ListOrganizations
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("组织类型", "Kind")] OrganizationKind? Kind = null,
        [Label("状态", "Status")] OrganizationStatus? Status = null, [Label("服务领域", "Focus area")] FocusArea? Focus = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("孵化", "Incubation")] IncubationStatus? Incubation = null,
        [Label("含上级登记的服务机构", "Include those registered above")] bool? Above = null)
        : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"name" (the default), "registered" (newest registration first), "status" (in the order of the life cycle).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["name", "registered", "status"];

    public sealed record Row(Guid Id, string Name, string? CreditCode, OrganizationKind Kind, string AreaCode, string AreaName, Guid? ParentId,
        string? ParentName, string LegalRepresentative, string ContactName, string? ContactPhone, DateOnly? RegisteredOn,
        IReadOnlyList<FocusArea> FocusAreas, OrganizationStatus Status, bool RegisteredAbove);

    sealed record Found(Guid Id, string Name, string? CreditCode, OrganizationKind Kind, string AreaCode, Guid? ParentId,
        string LegalRepresentative, string ContactName, string? ContactPhone, DateOnly? RegisteredOn, FocusArea FocusAreas, OrganizationStatus Status);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        // Those registered above that serve here, by id: the query that finds them sets the scope filter aside, so the list
        // states the scope itself when they join it (and only then).
        var above = q.Above != false ? await ServingOrganizations.RegisteredAbove(db, db.Actor, q.Area).Select(o => o.Id).ToListAsync(ct) : [];
        var organizations = db.Organizations.Under(q.Area);
        if (above.Count > 0)
        {
            var scope = db.Actor.Scope;
            var (low, high) = AreaCode.Normalize(q.Area) is { } area ? AreaCode.Range(area) : (scope.Low, scope.High);
            organizations = db.Organizations.IgnoreQueryFilters([AppDb.ScopeFilter]).WhereWithin(o =>
                (AreaRange.Within(o.AreaCode, scope.Low, scope.High) && AreaRange.Within(o.AreaCode, low, high)) || above.Contains(o.Id));
        }
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var keyword = q.Keyword.Trim();
            var upper = keyword.ToUpperInvariant();
            organizations = organizations.Where(o => o.Name.Contains(keyword) || (o.CreditCode != null && o.CreditCode.Contains(upper)));
        }
        if (q.Kind is { } kind) organizations = organizations.Where(o => o.Kind == kind);
        if (q.Status is { } status) organizations = organizations.Where(o => o.Status == status);
        if (q.Focus is { } focus && focus != 0) organizations = organizations.Where(o => (o.FocusAreas & focus) == focus);
        if (q.Incubation is { } incubation)
        {
            var incubated = db.Set<IncubationProgramme>().Where(p => p.Status == incubation).Select(p => p.OrganizationId);
            organizations = organizations.Where(o => incubated.Contains(o.Id));
        }
        // Every sort ends with the unique id: rows that tie keep one order between pages.
        organizations = q.Sort switch
        {
            // Without a date last on both databases (PostgreSQL would put NULL first in a descending order).
            "registered" => organizations.OrderBy(o => o.RegisteredOn == null).ThenByDescending(o => o.RegisteredOn).ThenBy(o => o.Name).ThenBy(o => o.Id),
            "status" => organizations.OrderBy(o => o.Status).ThenBy(o => o.Name).ThenBy(o => o.Id),
            _ => organizations.OrderBy(o => o.Name).ThenBy(o => o.Id),
        };
        var found = await organizations
            .Select(o => new Found(o.Id, o.Name, o.CreditCode, o.Kind, o.AreaCode, o.ParentId, o.LegalRepresentative, o.ContactName, o.ContactPhone!.Masked, o.RegisteredOn, o.FocusAreas, o.Status))
            .ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        // Parents' names as the scope allows (read apart: the list's query may have set the scope filter aside).
        var parentIds = found.Items.Where(f => f.ParentId is not null).Select(f => f.ParentId!.Value).Distinct().ToList();
        var parents = parentIds.Count == 0 ? [] : await db.Organizations.Where(p => parentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new PageOf<Row>(found.Items.Select(f => new Row(f.Id, f.Name, f.CreditCode, f.Kind, f.AreaCode, names.GetValueOrDefault(f.AreaCode, ""),
            f.ParentId, f.ParentId is { } pid ? parents.GetValueOrDefault(pid) : null, f.LegalRepresentative, f.ContactName, f.ContactPhone, f.RegisteredOn,
            Organization.Split(f.FocusAreas), f.Status, above.Contains(f.Id))).ToList(),
            found.Total, found.Page, found.Size);
    }
}
