using Wushe.Platform.Localization;

namespace Wushe.Platform.Areas;

public enum AreaLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>Rules of the 12-digit statistical division code (DOMAIN.md, "Places").</summary>
public static class AreaCode
{
    public const int Length = 12;

    /// <summary>Significant length of each level's own part: 2, 4, 6, 9, 12.</summary>
    public static int PrefixLength(AreaLevel level) => level switch
    {
        AreaLevel.Province => 2,
        AreaLevel.City => 4,
        AreaLevel.County => 6,
        AreaLevel.Township => 9,
        AreaLevel.Village => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Pads an official short code (2, 4, 6, 9 or 12 digits) to 12 digits; null if malformed.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim();
        if (c.Length is not (2 or 4 or 6 or 9 or 12) || !c.All(char.IsAsciiDigit)) return null;
        return c.PadRight(Length, '0');
    }

    public static string? Check(string? code) =>
        Normalize(code) is null ? Lang.T("区划代码格式不正确（应为 2、4、6、9 或 12 位数字）", "Area code is not well formed (2, 4, 6, 9 or 12 digits)") : null;

    /// <summary>The level a 12-digit code stands for, read from its trailing zero groups.</summary>
    public static AreaLevel LevelOf(string code12)
    {
        if (code12[9..] != "000") return AreaLevel.Village;
        if (code12[6..9] != "000") return AreaLevel.Township;
        if (code12[4..6] != "00") return AreaLevel.County;
        if (code12[2..4] != "00") return AreaLevel.City;
        return AreaLevel.Province;
    }

    /// <summary>The part of the code that every code below it starts with (cut at its level, never by stripping zeros).</summary>
    public static string Prefix(string code12) => code12[..PrefixLength(LevelOf(code12))];

    public static string? ParentOf(string code12) => LevelOf(code12) switch
    {
        AreaLevel.Province => null,
        AreaLevel.City => code12[..2].PadRight(Length, '0'),
        AreaLevel.County => code12[..4].PadRight(Length, '0'),
        AreaLevel.Township => code12[..6].PadRight(Length, '0'),
        _ => code12[..9].PadRight(Length, '0'),
    };

    /// <summary>Inclusive range of 12-digit codes under (and including) an area: a prefix match as an index-friendly range.</summary>
    public static (string Low, string High) Range(string code12)
    {
        var p = Prefix(code12);
        return (p.PadRight(Length, '0'), p.PadRight(Length, '9'));
    }

    public static bool Covers(string ancestor12, string code12) => code12.StartsWith(Prefix(ancestor12), StringComparison.Ordinal);

    /// <summary>
    /// Township kind from digits 7–9 (DOMAIN.md, "Places"): 001–099 street, 100–199 town,
    /// 200–399 township, 400–599 类似乡级单位 (development zones, industrial parks, farms).
    /// </summary>
    public static AreaKind TownshipKindOf(string code12)
    {
        var n = int.Parse(code12.AsSpan(6, 3));
        return n switch { < 100 => AreaKind.Street, < 200 => AreaKind.Town, < 400 => AreaKind.Township, < 600 => AreaKind.TownshipLike, _ => AreaKind.Township };
    }

    /// <summary>
    /// Kind of a township-level row of the official list: a code in 400–599 is a 类似乡级单位 whatever its
    /// name says; otherwise the name's ending (街道/镇/乡) where it has one, else the code's digits.
    /// </summary>
    public static AreaKind TownshipKind(string code12, string name) =>
        TownshipKindOf(code12) == AreaKind.TownshipLike ? AreaKind.TownshipLike
        : name.EndsWith("街道", StringComparison.Ordinal) ? AreaKind.Street
        : name.EndsWith('镇') ? AreaKind.Town
        : name.EndsWith('乡') ? AreaKind.Township
        : TownshipKindOf(code12);

    public static string LevelLabel(AreaLevel level) => level switch
    {
        AreaLevel.Province => Lang.T("省", "Province"),
        AreaLevel.City => Lang.T("市", "City"),
        AreaLevel.County => Lang.T("县（区）", "County"),
        AreaLevel.Township => Lang.T("乡镇（街道）", "Township"),
        _ => Lang.T("村（社区）", "Village / community"),
    };
}

/// <summary>Kind of a township or village: stored explicitly, because the village ranges are inferred, not guaranteed.</summary>
public enum AreaKind
{
    Other = 0,
    Street = 1,
    Town = 2,
    Township = 3,
    Community = 4,
    Village = 5,

    /// <summary>
    /// 类似乡级单位: a development zone, industrial park or farm at township level (digits 7–9 in 400–599).
    /// Coverage counts one only where it has a station or is configured to need one (<see cref="Area.NeedsStation"/>).
    /// </summary>
    TownshipLike = 6,
}
