using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>Unified social credit code, GB 32100-2015: 18 characters with a base-31 check.</summary>
public static class CreditCode
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Lang.T("统一社会信用代码不能为空", "Unified social credit code is required");
        var v = value.Trim().ToUpperInvariant();
        if (v.Length != 18) return Lang.T("统一社会信用代码应为 18 位", "Unified social credit code must have 18 characters");
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var n = Alphabet.IndexOf(v[i], StringComparison.Ordinal);
            if (n < 0) return Lang.T("统一社会信用代码含有无效字符", "Unified social credit code contains an invalid character");
            if (i < 17) sum += n * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return Alphabet[check] == v[17] ? null : Lang.T("统一社会信用代码校验位不正确", "The credit code's check character is wrong");
    }

    public static bool IsValid(string? value) => Check(value) is null;

    /// <summary>Bodies registered with civil affairs start with 5: 51 social group, 52 private non-enterprise unit, 53 foundation, 59 other.</summary>
    public static bool IsCivilAffairs(string valid) => valid[0] == '5';
}
