using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>Chinese resident identity number, GB 11643-1999: 6-digit address code (its province checked), birth date, sequence and a check character.</summary>
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
        if (!IsProvince(int.Parse(v.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture)))
            return Lang.T("身份证号码的地址码不正确", "The address code of the ID number is not valid");
        if (!DateOnly.TryParseExact(v.AsSpan(6, 8), "yyyyMMdd", out var birth) || birth > today || birth.Year < 1900)
            return Lang.T("身份证号码中的出生日期不正确", "The birth date in the ID number is not a real date");
        if (CheckChar(v) != v[17]) return Lang.T("身份证号码校验位不正确", "The ID number's check character is wrong");
        return null;
    }

    public static bool IsValid(string? value, DateOnly today) => Check(value, today) is null;

    /// <summary>
    /// The first two digits name a province-level place (GB/T 2260): 11–15, 21–23, 31–37, 41–46, 50–54,
    /// 61–65, 71 (Taiwan), and 81–83 for the residence permits of Hong Kong, Macau and Taiwan residents.
    /// Only this part is checked: a county code that has since been retired (460100, 320219) stays in the
    /// numbers of everyone born there, so checking counties against today's list refuses genuine IDs.
    /// </summary>
    public static bool IsProvince(int code) =>
        code is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46) or (>= 50 and <= 54)
            or (>= 61 and <= 65) or 71 or (>= 81 and <= 83);

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
