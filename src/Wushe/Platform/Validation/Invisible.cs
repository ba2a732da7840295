using System.Globalization;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>
/// The one rule for characters nobody types (<see cref="Outcomes.Errors.Text"/>, the API's JSON strings, every query value):
/// control characters other than tab and line breaks (NUL, BEL …; PostgreSQL refuses NUL outright: a 500 if it reached a query)
/// and the bidirectional overrides (U+202A–U+202E, U+2066–U+2069: "gpj.exe" shown as "exe.jpg") are refused; the other invisible
/// format characters (a zero-width space or a byte-order mark pasted from a document) are kept but do not count as text — a reason
/// of two zero-width spaces is empty.
/// </summary>
public static class Invisible
{
    /// <summary>Whether <paramref name="value"/> holds a character refused in any text.</summary>
    public static bool Refused(string? value) => value is not null && value.Any(Refused);

    static bool Refused(char c) => (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>How many characters of <paramref name="value"/> show, trimmed: format characters (Unicode Cf) and white space at the ends do not.</summary>
    public static int VisibleLength(string value)
    {
        var visible = value.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray();
        return new string(visible).Trim().Length;
    }

    /// <summary>"作废原因含有不可见的控制字符，请删除后重新填写".</summary>
    public static string Message(string labelZh, string labelEn) =>
        Lang.T($"{labelZh}含有不可见的控制字符，请删除后重新填写", $"{labelEn} holds invisible control characters: remove them");
}
