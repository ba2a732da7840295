using System.Globalization;

namespace Wushe.Platform;

/// <summary>Money is whole fen (long); shown as yuan: ¥1,234.50 (DESIGN.md, "Money and points: ledgers").</summary>
public static class Money
{
    /// <summary>The largest amount one entry of a form may carry: ¥100,000,000 (an amount beyond it is a typing error).</summary>
    public const decimal MaxYuan = 100_000_000m;

    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount a form may take: above 0, at most <see cref="MaxYuan"/>, whole fen (at most two decimals).</summary>
    public static bool IsYuan(decimal yuan) => yuan > 0 && yuan <= MaxYuan && decimal.Round(yuan, 2) == yuan;

    /// <summary>Yuan (at most two decimals, <see cref="IsYuan"/>) as whole fen.</summary>
    public static long Fen(decimal yuan) => (long)(yuan * 100);

    /// <summary>The message for an amount that is not <see cref="IsYuan"/>: 金额须大于 0、不超过 1 亿元，最多两位小数.</summary>
    public static string NotYuan(string labelZh, string labelEn) =>
        Localization.Lang.T($"{labelZh}须大于 0、不超过 1 亿元，最多两位小数", $"The {labelEn.ToLowerInvariant()} is above 0 and at most 100 million yuan, with at most 2 decimals");
}
