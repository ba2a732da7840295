using System.Collections.Concurrent;

namespace Wushe.Platform.Web;

/// <summary>
/// Names of the OpenAPI document's schemas, unique and meaningful: a nested type takes its declaring type's name
/// (<c>SaveStation.Request</c> → <c>SaveStationRequest</c>, <c>ListSupervisions.Row</c> → <c>ListSupervisionsRow</c>),
/// a generic one its arguments' (<c>PageOf&lt;ListSupervisions.Row&gt;</c> → <c>PageOfListSupervisionsRow</c>).
/// Two types that would still share a name stop the document with an error rather than merge into one schema.
/// </summary>
public static class SchemaNames
{
    static readonly ConcurrentDictionary<string, Type> Taken = new(StringComparer.Ordinal);

    public static string Of(Type type)
    {
        // A nullable struct is its type's schema.
        type = Nullable.GetUnderlyingType(type) ?? type;
        var name = NameOf(type);
        var holder = Taken.GetOrAdd(name, type);
        if (holder != type)
            throw new InvalidOperationException($"The OpenAPI schema name {name} would stand for both {holder.FullName} and {type.FullName}: rename one.");
        return name;
    }

    static string NameOf(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return NameOf(inner);
        if (type.IsArray) return "ArrayOf" + NameOf(type.GetElementType()!);
        var own = type.Name;
        if (type.IsGenericType) own = own[..own.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(NameOf));
        if (type.IsNested && type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            var prefix = outer.Name.Split('`')[0];
            if (prefix.EndsWith("Api", StringComparison.Ordinal) && prefix.Length > 3) prefix = prefix[..^3];
            if (!own.StartsWith(prefix, StringComparison.Ordinal)) own = prefix + own;
        }
        return own;
    }
}
