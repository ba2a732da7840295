using System.Text.RegularExpressions;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>Mainland mobile numbers: 1[3-9] and nine digits, optionally after +86.</summary>
public static partial class Mobile
{
    [GeneratedRegex(@"^(?:\+?86[- ]?)?(1[3-9]\d{9})$")]
    private static partial Regex Pattern();

    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Lang.T("手机号码不能为空", "Mobile number is required");
        return Pattern().IsMatch(value.Trim()) ? null : Lang.T("请输入正确的手机号码", "Please enter a valid mobile number");
    }

    public static bool IsValid(string? value) => Check(value) is null;

    /// <summary>The 11-digit form, without +86.</summary>
    public static string Normalize(string valid) => Pattern().Match(valid.Trim()).Groups[1].Value;
}
