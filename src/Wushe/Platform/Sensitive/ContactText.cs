using System.Text.RegularExpressions;

namespace Wushe.Platform.Sensitive;

/// <summary>
/// Contact details written into free text that goes public (a wish's story, an objection on a public notice): a mobile (138 1234 5678
/// too), a landline (0857-1234567), an ID number (18 characters), or a door address (3栋2单元, 5号楼, 301室). One pattern for every
/// public text: <see cref="Finds"/> refuses such a text, <see cref="Redact"/> masks it where the text is someone else's to publish;
/// <see cref="FindsPersonalNumber"/> (the same mobile and ID patterns) refuses a person's numbers in an office's public text.
/// </summary>
public static partial class ContactText
{
    /// <summary>Whether <paramref name="text"/> holds a phone number, an ID number or a door address.</summary>
    public static bool Finds(string? text) => !string.IsNullOrEmpty(text) && Contact().IsMatch(text);

    /// <summary>The text with each contact detail masked as screens mask them (<see cref="Mask"/>: 138****5678, 5205**********1234; an address's number as **).</summary>
    public static string Redact(string text) => Contact().Replace(text, m =>
    {
        var v = m.Value;
        if (v.Length == 18 && char.IsAsciiDigit(v[0])) return Mask.IdNumber(v);
        var digits = new string([.. v.Where(char.IsAsciiDigit)]);
        if (digits.Length == 11 && v[0] == '1') return Mask.Phone(digits);
        if (v[0] == '0' && v.Contains('-')) return Mask.Phone(v);
        return "**" + v.TrimStart("0123456789 ".ToCharArray());
    });

    /// <summary>
    /// Whether <paramref name="text"/> holds a mobile number or an ID number: a person's, never an office's — the narrower test of a text
    /// an office publishes under its own name (a call for applications), where the office's landline and address are its contact.
    /// </summary>
    public static bool FindsPersonalNumber(string? text) => !string.IsNullOrEmpty(text) && PersonalNumber().IsMatch(text);

    const string Mobile = @"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[-. ]?\d{4}[-. ]?\d{4}(?!\d)";
    const string Landline = @"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)";
    const string IdNumber = @"(?<!\d)\d{17}[\dXx](?!\d)";
    const string Door = @"\d+\s*(?:栋|幢|单元|号楼|室)";

    [GeneratedRegex(Mobile + "|" + Landline + "|" + IdNumber + "|" + Door)]
    private static partial Regex Contact();

    [GeneratedRegex(Mobile + "|" + IdNumber)]
    private static partial Regex PersonalNumber();
}
