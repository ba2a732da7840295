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

    /// <summary>
    /// An amount as work reports write it (链接慈善资金捐赠共计1.6万元): from ten thousand yuan up in 万元 with at most two decimals
    /// (1.6万元, 12.35万元), below it in 元 with at most two decimals (8,888元, 88.8元). Chinese text; rounding, so not for receipts.
    /// </summary>
    public static string Wan(long fen) => fen >= 1_000_000
        ? (fen / 1_000_000m).ToString("#,##0.##", CultureInfo.InvariantCulture) + "万元"
        : (fen / 100m).ToString("#,##0.##", CultureInfo.InvariantCulture) + "元";

    static readonly string Digits = "零壹贰叁肆伍陆柒捌玖";

    /// <summary>
    /// An amount in Chinese capitals as receipts and vouchers write it (大写金额, 《会计基础工作规范》第五十二条): 人民币壹仟贰佰叁拾肆元伍角陆分,
    /// 人民币壹万零壹拾元整, 人民币伍角. <paramref name="fen"/> is whole fen, 0 … 99,999,999,999,999 (below 1 万亿 yuan).
    /// Failures: <see cref="ArgumentOutOfRangeException"/> outside that range.
    /// </summary>
    public static string Capital(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fen, 99_999_999_999_999);
        var (yuan, jiao, cent) = (fen / 100, (int)(fen / 10 % 10), (int)(fen % 10));
        var text = new System.Text.StringBuilder("人民币");
        if (yuan > 0) text.Append(Integer(yuan)).Append('元');
        if (jiao == 0 && cent == 0) return text.Append(yuan > 0 ? "整" : "零元整").ToString();
        if (jiao > 0) text.Append(Digits[jiao]).Append('角');
        else if (yuan > 0) text.Append('零');
        if (cent > 0) text.Append(Digits[cent]).Append('分');
        return text.ToString();
    }

    /// <summary>A whole number of yuan in capitals, groups of four digits under 万 and 亿, one 零 for any run of zeros between digits.</summary>
    static string Integer(long n)
    {
        long[] groups = [n % 10_000, n / 10_000 % 10_000, n / 100_000_000];
        string[] names = ["", "万", "亿"];
        var text = new System.Text.StringBuilder();
        var gap = false;
        for (var i = groups.Length - 1; i >= 0; i--)
        {
            var g = (int)groups[i];
            if (g == 0) { gap = text.Length > 0; continue; }
            if (text.Length > 0 && (gap || g < 1000)) text.Append('零');
            text.Append(Four(g)).Append(names[i]);
            gap = false;
        }
        return text.ToString();
    }

    static string Four(int g)
    {
        string[] units = ["", "拾", "佰", "仟"];
        var text = new System.Text.StringBuilder();
        var zero = false;
        for (var p = 3; p >= 0; p--)
        {
            var d = g / (int)Math.Pow(10, p) % 10;
            if (d == 0) { zero = text.Length > 0; continue; }
            if (zero) text.Append('零');
            text.Append(Digits[d]).Append(units[p]);
            zero = false;
        }
        return text.ToString();
    }

    /// <summary>The message for an amount that is not <see cref="IsYuan"/>: 金额须大于 0、不超过 1 亿元，最多两位小数.</summary>
    public static string NotYuan(string labelZh, string labelEn) =>
        Localization.Lang.T($"{labelZh}须大于 0、不超过 1 亿元，最多两位小数", $"The {labelEn.ToLowerInvariant()} is above 0 and at most 100 million yuan, with at most 2 decimals");
}
