namespace Wushe.Platform.Access;

/// <summary>
/// A record that belongs to a place. Every such entity gets the central scope filter
/// (AppDb) and the write guard: a user sees and changes only records under its scope.
/// </summary>
public interface IAreaScoped
{
    string AreaCode { get; }
}

/// <summary>
/// Names the mapped property that holds an <see cref="IAreaScoped"/> entity's area code when it is not
/// <c>AreaCode</c> (an area's own <c>Code</c>): the scope filter and the write guard compare that column.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScopeColumnAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

public static class AreaScope
{
    /// <summary>The column the scope filter compares for an <see cref="IAreaScoped"/> entity type.</summary>
    public static string ColumnOf(Type entity) =>
        entity.GetCustomAttributes(typeof(ScopeColumnAttribute), inherit: false) is [ScopeColumnAttribute a, ..] ? a.Property : nameof(IAreaScoped.AreaCode);
}

/// <summary>
/// A record an organization holds among the records of its area (a volunteer activity it organizes, its shifts, sign-ups and hour
/// records; null: held by a station or a community). Organization staff (<see cref="CurrentUser.ActingOrganization"/>) see and change
/// only their own organization's, on top of their area scope: the central filter <c>AppDb.OrganizationFilter</c> and the write guard
/// (AppDb) hold it; everyone else sees them by area alone.
/// </summary>
public interface IOrganizationHeld
{
    Guid? OrganizationId { get; }
}
