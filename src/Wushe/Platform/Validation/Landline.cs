using System.Text.RegularExpressions;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>
/// Mainland fixed-line numbers (固定电话), as offices write them: an area code (区号) and a local number,
/// with an optional extension (分机号). <c>0857-6221234</c>, <c>0857-6221234-8001</c>, <c>(0857)6221234</c>,
/// <c>010-12345678</c>, <c>0857 6221234</c>, <c>08576221234</c>, <c>0857-6221234转8001</c>.
/// Area codes are 010 and 020–029 (eight-digit local numbers) or 0 and three digits 03x–09x (seven or
/// eight digits); a local number never starts with 0. Extensions have 1–6 digits.
/// </summary>
public static partial class Landline
{
    [GeneratedRegex(@"^(?:\((?<area>010|02\d|0[3-9]\d\d)\)|(?<area>010|02\d|0[3-9]\d\d))[- ]?(?<local>[1-9]\d{6,7})(?:(?:-|转|#|ext\.?\s?)(?<ext>\d{1,6}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Null when the value is a landline number; otherwise UI.md's message.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Lang.T("固定电话不能为空", "Landline number is required");
        return Parse(value) is null ? Lang.T("请输入正确的固定电话（区号-号码，如 0857-6221234）", "Please enter a valid landline number (area code and number, e.g. 0857-6221234)") : null;
    }

    public static bool IsValid(string? value) => value is not null && Parse(value) is not null;

    /// <summary>The canonical form: <c>0857-6221234</c>, or <c>0857-6221234-8001</c> with an extension.</summary>
    public static string Normalize(string valid)
    {
        var (area, local, ext) = Parse(valid) ?? throw new ArgumentException("Not a landline number.", nameof(valid));
        return ext is null ? $"{area}-{local}" : $"{area}-{local}-{ext}";
    }

    /// <summary>Area code, local number and extension; null when the value is not a landline number.</summary>
    public static (string Area, string Local, string? Ext)? Parse(string value)
    {
        var m = Pattern().Match(value.Trim());
        if (!m.Success) return null;
        var area = m.Groups["area"].Value;
        var local = m.Groups["local"].Value;
        // Beijing (010) and the 02x cities have three-character area codes and eight-digit numbers.
        if (area.Length == 3 && local.Length != 8) return null;
        return (area, local, m.Groups["ext"].Success ? m.Groups["ext"].Value : null);
    }
}

/// <summary>A contact number: a mobile (<see cref="Mobile"/>) or a landline (<see cref="Landline"/>).</summary>
public static class Telephone
{
    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Lang.T("联系电话不能为空", "Contact phone is required");
        return Mobile.IsValid(value) || Landline.IsValid(value)
            ? null
            : Lang.T("请输入正确的手机号码或固定电话（如 0857-6221234）", "Please enter a valid mobile or landline number (e.g. 0857-6221234)");
    }

    /// <summary>A mobile's 11 digits, or a landline's canonical form.</summary>
    public static string Normalize(string valid) => Mobile.IsValid(valid) ? Mobile.Normalize(valid) : Landline.Normalize(valid);
}
