using Microsoft.EntityFrameworkCore;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Wushe.Platform.Access;

/// <summary>
/// Marks a string property as a 12-digit area code when its name does not end in <c>AreaCode</c>
/// (an area's own <c>Code</c> and <c>ParentCode</c>). <see cref="Indexed"/> false keeps the convention's
/// index off a column that is written far more often than it is searched by area.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class AreaCodeColumnAttribute : Attribute
{
    public bool Indexed { get; init; } = true;
}

/// <summary>
/// Every area-code column is configured once, here, by convention: a string property named <c>AreaCode</c> or
/// ending in it (<c>HomeAreaCode</c>, <c>RoundAreaCode</c>, a new module's <c>ResidenceAreaCode</c>), or marked
/// <see cref="AreaCodeColumnAttribute"/>, is 12 characters long, has an index it leads (unless one exists, or it
/// leads the key), and on PostgreSQL the "C" collation, so that <see cref="AreaRange"/>'s comparisons are byte
/// ranges an index serves.
/// </summary>
public static class AreaCodeColumns
{
    public static bool IsAreaCode(IReadOnlyProperty property) =>
        property.ClrType == typeof(string)
        && (property.Name.EndsWith("AreaCode", StringComparison.Ordinal) || Marker(property) is not null);

    static AreaCodeColumnAttribute? Marker(IReadOnlyProperty property) =>
        property.PropertyInfo?.GetCustomAttribute<AreaCodeColumnAttribute>();

    /// <summary>Applies the convention to every area-code column of the model; <paramref name="collation"/> is the provider's byte-order collation, if it needs one.</summary>
    public static void Apply(IMutableModel model, string? collation)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
            foreach (var property in entity.GetDeclaredProperties().Where(IsAreaCode).ToList())
            {
                property.SetMaxLength(12);
                if (collation is not null) property.SetCollation(collation);
                var led = entity.FindPrimaryKey()?.Properties[0] == property || entity.GetIndexes().Any(i => i.Properties[0] == property);
                if (!led && Marker(property)?.Indexed != false) entity.AddIndex(property);
            }
    }
}
