using System.Security.Claims;
using Wushe.Platform.Areas;

namespace Wushe.Platform.Access;

/// <summary>What a user may see right now: everything, a range of 12-digit codes, or nothing area-scoped.</summary>
public sealed record Scope(bool All, bool None, string Low, string High)
{
    public const string Country = "000000000000";

    // Every scope is also a plain range, so the query filter is one range comparison an index serves:
    // "" to "~" holds every code of digits; "~" to "" holds none (codes are ASCII digits, "C" collation on PostgreSQL).
    public static readonly Scope Unrestricted = new(true, false, "", "~");

    /// <summary>Self-service users and anonymous visitors: no area-scoped record at all.</summary>
    public static readonly Scope Nothing = new(false, true, "~", "");

    public static Scope Under(string areaCode12)
    {
        if (areaCode12 == Country) return Unrestricted;
        var (low, high) = AreaCode.Range(areaCode12);
        return new Scope(false, false, low, high);
    }

    public bool Covers(string? areaCode12) =>
        All || (!None && areaCode12 is not null && string.CompareOrdinal(areaCode12, Low) >= 0 && string.CompareOrdinal(areaCode12, High) <= 0);
}

/// <summary>One role assignment as carried in the sign-in claims.</summary>
public sealed record Assignment(Role Role, string AreaCode, string AreaName, Guid? OrganizationId)
{
    public const string ClaimType = "wushe:assignment";

    public string Key => $"{Role}:{AreaCode}";

    /// <summary>The area's name as shown: the whole country has no area record, so it is named in the page's language.</summary>
    public string AreaLabel => AreaCode == Scope.Country ? Localization.Lang.T("全国", "Whole country") : AreaName;

    public Scope Scope => Role == Role.PlatformAdmin ? Scope.Unrestricted
        : Roles.IsSelfService(Role) ? Scope.Nothing
        : Scope.Under(AreaCode);

    public string ToClaim() => string.Join('|', Role, AreaCode, OrganizationId?.ToString() ?? "", AreaName);

    public static Assignment? FromClaim(string value)
    {
        var parts = value.Split('|', 4);
        if (parts.Length != 4 || !Enum.TryParse<Role>(parts[0], out var role)) return null;
        return new Assignment(role, parts[1], parts[3], Guid.TryParse(parts[2], out var org) ? org : null);
    }
}

/// <summary>
/// The signed-in user of this request, read from its claims (no database round trip), and
/// the assignment they act under. One assignment is active at a time: the area switch in the
/// top bar (cookie) or the <c>X-Wushe-Role</c> header of an API call selects it.
/// </summary>
public sealed class CurrentUser
{
    public const string SelectionCookie = "wushe.role";
    public const string SelectionHeader = "X-Wushe-Role";

    public static readonly CurrentUser System = new(Guid.Empty, "system", [new Assignment(Role.PlatformAdmin, Scope.Country, "", null)], null);
    public static readonly CurrentUser Anonymous = new(null, null, [], null);

    /// <summary>The user name that marks a resident acting without an account (a need reported or rated on the public page).</summary>
    public const string ResidentPrefix = "resident:";

    /// <summary>
    /// A resident without an account (a need reported or rated on the public page), acting on a record of
    /// <paramref name="areaCode"/> (their community) only: named in the audit as <c>resident:</c> + the masked phone (the audit
    /// page says 居民 / Resident), from <paramref name="origin"/>. An actor of its own kind, not a role: no assignment, so it
    /// holds no permission and passes no staff policy (<see cref="Has"/>), is not authenticated, and its audit rows carry no
    /// role; only the data scope of its community, for the one record the public endpoint lets it write.
    /// </summary>
    public static CurrentUser Resident(string maskedPhone, string areaCode, string? origin) =>
        new(null, ResidentPrefix + maskedPhone, [], null) { Origin = origin, ResidentScope = Scope.Under(areaCode) };

    /// <summary>Whether an audit row's user name is a resident's (<see cref="Resident"/>).</summary>
    public static bool IsResident(Guid? userId, string? userName) => userId is null && userName?.StartsWith(ResidentPrefix, StringComparison.Ordinal) == true;

    public CurrentUser(Guid? id, string? userName, IReadOnlyList<Assignment> assignments, string? selected)
    {
        Id = id;
        UserName = userName;
        Assignments = assignments;
        Active = assignments.FirstOrDefault(a => a.Key == selected) ?? (assignments.Count > 0 ? assignments[0] : null);
    }

    public Guid? Id { get; }
    public string? UserName { get; }

    /// <summary>Where the request came from (remote address), for the audit trail.</summary>
    public string? Origin { get; init; }
    public IReadOnlyList<Assignment> Assignments { get; }
    public Assignment? Active { get; }
    public bool IsAuthenticated => Id is not null;

    /// <summary>A resident acting without an account (<see cref="Resident"/>).</summary>
    public bool IsResidentActor => ResidentScope is not null && Id is null;

    // Set only by Resident() and ActingOn(): the area it acts in, in place of an assignment's scope.
    Scope? ResidentScope { get; init; }

    public Scope Scope => ResidentScope ?? Active?.Scope ?? Scope.Nothing;

    /// <summary>
    /// The organization the active role acts for (社会组织工作人员); null for every other role. Records an organization holds
    /// (<see cref="IOrganizationHeld"/>) are then read and written only when they are this organization's.
    /// </summary>
    public Guid? ActingOrganization => Active is { Role: Role.OrganizationStaff, OrganizationId: { } id } ? id : null;

    /// <summary>
    /// A self-service user (volunteer, donor, merchant: their own scope holds no records) writing one record of their own that
    /// belongs to <paramref name="areaCode"/>: the same user and role in the audit, with that area's data scope for this write only.
    /// The use case has found the record by the account first (a volunteer's own registration); never a scope to read with.
    /// </summary>
    public CurrentUser ActingOn(string areaCode) => new(this, Origin) { ResidentScope = Scope.Under(areaCode) };

    public bool Has(Permission permission) => Active is { } a && permission.IsGrantedTo(a.Role);

    CurrentUser(CurrentUser other, string? origin) : this(other.Id, other.UserName, other.Assignments, other.Active?.Key)
    {
        Origin = origin;
        ResidentScope = other.ResidentScope;
    }

    public static CurrentUser From(ClaimsPrincipal principal, string? selected)
    {
        if (principal.Identity?.IsAuthenticated != true) return Anonymous;
        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        var assignments = principal.FindAll(Assignment.ClaimType)
            .Select(c => Assignment.FromClaim(c.Value)).OfType<Assignment>().ToList();
        return new CurrentUser(id, principal.Identity.Name, assignments, selected);
    }

    public static CurrentUser From(HttpContext http)
    {
        var selected = http.Request.Headers[SelectionHeader].FirstOrDefault() ?? http.Request.Cookies[SelectionCookie];
        return new CurrentUser(From(http.User, selected), http.Connection.RemoteIpAddress?.ToString());
    }
}
