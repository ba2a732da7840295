using System.Globalization;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Audit;

/// <summary>
/// Values in the audit trail: written in an invariant form (enum names, ISO dates, UTC instants,
/// codes), so a record reads the same in either language, and shown for people by the field's
/// declared kind and type (labels, China time, yuan, area names).
/// </summary>
public static class AuditValues
{
    /// <summary>Longest text copied into a record; longer text is cut with "…".</summary>
    public const int MaxText = 200;

    public static string? Invariant(object? value) => value switch
    {
        null => null,
        string s => s.Length > MaxText ? s[..(MaxText - 1)] + "…" : s,
        Enum e => e.ToString(),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// A stored value for people: "（空）" for nothing, 是/否, an enum's label, a China time, yuan, an
    /// area's name (from <paramref name="areaName"/>, with the code when the name is unknown).
    /// </summary>
    public static string Display(AuditField? field, string? raw, Func<string, string?> areaName)
    {
        if (raw is null || raw.Length == 0) return Lang.T("（空）", "(empty)");
        if (field is null) return raw;
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        switch (field.Kind)
        {
            case AuditFieldKind.Area:
                return areaName(raw) ?? raw;
            case AuditFieldKind.Money:
                return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fen) ? Money.Yuan(fen) : raw;
        }
        if (type.IsEnum)
            return Enum.TryParse(type, raw, out var value) ? AuditVocabulary.Current.EnumLabel(type, value!) : raw;
        if (type == typeof(bool)) return raw == "true" ? Lang.T("是", "Yes") : raw == "false" ? Lang.T("否", "No") : raw;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? ChinaTime.Format(at) : raw;
        return raw;
    }
}
