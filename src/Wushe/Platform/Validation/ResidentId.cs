using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>Chinese resident identity number, GB 11643-1999: 17 digits and a check character.</summary>
public static class ResidentId
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    /// <summary>Returns null when valid, else a message naming the field.</summary>
    public static string? Check(string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value)) return Lang.T("身份证号码不能为空", "ID number is required");
        var v = value.Trim().ToUpperInvariant();
        if (v.Length != 18) return Lang.T("身份证号码应为 18 位", "ID number must have 18 characters");
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(v[i])) return Lang.T("身份证号码格式不正确", "ID number is not well formed");
        if (!char.IsAsciiDigit(v[17]) && v[17] != 'X') return Lang.T("身份证号码格式不正确", "ID number is not well formed");
        if (!DateOnly.TryParseExact(v.AsSpan(6, 8), "yyyyMMdd", out var birth) || birth > today || birth.Year < 1900)
            return Lang.T("身份证号码中的出生日期不正确", "The birth date in the ID number is not a real date");
        if (CheckChar(v) != v[17]) return Lang.T("身份证号码校验位不正确", "The ID number's check character is wrong");
        return null;
    }

    public static bool IsValid(string? value, DateOnly today) => Check(value, today) is null;

    public static char CheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static DateOnly BirthDate(string valid) => DateOnly.ParseExact(valid.AsSpan(6, 8), "yyyyMMdd");

    public static bool IsMale(string valid) => (valid[16] - '0') % 2 == 1;
}
