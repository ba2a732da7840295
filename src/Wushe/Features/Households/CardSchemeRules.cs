using System.Text.RegularExpressions;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>One colour of a scheme as a form or the API sends it (<see cref="CardScheme.Check"/> says what is allowed).</summary>
public sealed record CardColourFields(
    [Label("颜色代码", "Key")] string? Key,
    [Label("户卡名称", "Card name")] string? Name,
    [Label("含义", "Meaning")] string? Meaning,
    [Label("探访周期（天）", "Visit every (days)")] int? VisitEveryDays,
    [Label("显示颜色", "Colour")] string? Hex,
    [Label("英文名称", "English name")] string? NameEn = null,
    [Label("英文含义", "English meaning")] string? MeaningEn = null)
{
    /// <summary>The colour as stored: trimmed, the key lower-case, the hex upper-case, an empty English text none (call after <see cref="CardScheme.Check"/>).</summary>
    public CardColour ToColour() => new(Key!.Trim().ToLowerInvariant(), Name!.Trim(), Meaning!.Trim(), VisitEveryDays!.Value, Hex!.Trim().ToUpperInvariant(),
        string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim(), string.IsNullOrWhiteSpace(MeaningEn) ? null : MeaningEn.Trim());

    public static CardColourFields Of(CardColour c) => new(c.Key, c.Name, c.Meaning, c.VisitEveryDays, c.Hex, c.NameEn, c.MeaningEn);
}

public sealed partial class CardScheme
{
    /// <summary>A scheme has 3 to 7 colours (红黄蓝 three-tier up to the seven colours some places use).</summary>
    public const int MinColours = 3, MaxColours = 7;

    /// <summary>Months until a minor's guardianship is assessed again: 1–24, 6 unless the area says otherwise.</summary>
    public const int MinReassessMonths = 1, MaxReassessMonths = 24, DefaultReassessMonths = 6;

    [GeneratedRegex("^[a-z]{1,20}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexPattern();

    /// <summary>
    /// The rules of a scheme, pure (no database): name 2–50; 3–7 colours, each with a key of 1–20 letters a–z (stable: households
    /// hold it), a card name 1–20, a meaning 1–100, optionally an English name up to 40 and an English meaning up to 200, a visit frequency of 1–365 days (<see cref="VisitPlan"/>) and a colour #RRGGBB;
    /// keys and card names unique within the scheme (compared trimmed, keys case-blind); colours listed from the highest risk
    /// down, the first visited at least weekly and none more often than the one above it; the guardianship re-assessment
    /// 1–24 months. Errors name the field and the colour's row: <c>colours[2].visitEveryDays</c>.
    /// </summary>
    public static Errors Check(string? name, IReadOnlyList<CardColourFields?>? colours, int? guardianshipReassessMonths, Errors? errors = null)
    {
        errors ??= new Errors();
        errors.Text("name", name, "方案名称", "Scheme name", 2, 50);
        if (guardianshipReassessMonths is not { } months)
            errors.Add("guardianshipReassessMonths", Lang.T("监护评估复评周期不能为空", "The guardianship re-assessment interval is required"));
        else if (months is < MinReassessMonths or > MaxReassessMonths)
            errors.Add("guardianshipReassessMonths", Lang.T($"监护评估复评周期须在 {MinReassessMonths} 到 {MaxReassessMonths} 个月之间",
                $"The guardianship re-assessment interval is {MinReassessMonths} to {MaxReassessMonths} months"));

        if (colours is null || colours.Count < MinColours || colours.Count > MaxColours)
        {
            errors.Add("colours", Lang.T($"户卡颜色须有 {MinColours} 到 {MaxColours} 种（现有 {colours?.Count ?? 0} 种）",
                $"A scheme has {MinColours} to {MaxColours} colours (this one has {colours?.Count ?? 0})"));
            if (colours is null || colours.Count > MaxColours) return errors;
        }
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < colours.Count; i++)
        {
            var c = colours[i] ?? new CardColourFields(null, null, null, null, null);
            var p = $"colours[{i}].";
            var row = i + 1;
            if (string.IsNullOrWhiteSpace(c.Key)) errors.Add(p + "key", Lang.T($"第 {row} 种颜色的颜色代码不能为空", $"Colour {row}: the key is required"));
            else if (!KeyPattern().IsMatch(c.Key.Trim().ToLowerInvariant()))
                errors.Add(p + "key", Lang.T($"第 {row} 种颜色的颜色代码须为 1 到 20 个英文字母（如 red、orange）", $"Colour {row}: the key is 1 to 20 letters a–z (e.g. red, orange)"));
            else if (keys.TryGetValue(c.Key.Trim().ToLowerInvariant(), out var first))
                errors.Add(p + "key", Lang.T($"第 {row} 种颜色的颜色代码与第 {first + 1} 种重复", $"Colour {row}: the key repeats colour {first + 1}'s"));
            else keys[c.Key.Trim().ToLowerInvariant()] = i;

            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(p + "name", Lang.T($"第 {row} 种颜色的户卡名称不能为空", $"Colour {row}: the card name is required"));
            else if (c.Name.Trim().Length > 20) errors.Add(p + "name", Errors.TooLong($"第 {row} 种颜色的户卡名称", $"Colour {row}: the card name", 20));
            else if (names.TryGetValue(c.Name.Trim(), out var same))
                errors.Add(p + "name", Lang.T($"第 {row} 种颜色的户卡名称与第 {same + 1} 种重复", $"Colour {row}: the card name repeats colour {same + 1}'s"));
            else names[c.Name.Trim()] = i;

            if (string.IsNullOrWhiteSpace(c.Meaning)) errors.Add(p + "meaning", Lang.T($"第 {row} 种颜色的含义不能为空", $"Colour {row}: the meaning is required"));
            else if (c.Meaning.Trim().Length > 100) errors.Add(p + "meaning", Errors.TooLong($"第 {row} 种颜色的含义", $"Colour {row}: the meaning", 100));

            if (c.NameEn is { } ne && ne.Trim().Length > 40)
                errors.Add(p + "nameEn", Lang.T($"第 {row} 种颜色的英文名称不能超过 40 个字符", $"Colour {row}: the English name is at most 40 characters long"));
            if (c.MeaningEn is { } me && me.Trim().Length > 200)
                errors.Add(p + "meaningEn", Lang.T($"第 {row} 种颜色的英文含义不能超过 200 个字符", $"Colour {row}: the English meaning is at most 200 characters long"));

            if (c.VisitEveryDays is not { } days) errors.Add(p + "visitEveryDays", Lang.T($"第 {row} 种颜色的探访周期不能为空", $"Colour {row}: the visit frequency is required"));
            else if (days is < VisitPlan.MinEveryDays or > VisitPlan.MaxEveryDays)
                errors.Add(p + "visitEveryDays", Lang.T($"第 {row} 种颜色的探访周期须在 {VisitPlan.MinEveryDays} 到 {VisitPlan.MaxEveryDays} 天之间",
                    $"Colour {row}: the visit frequency is {VisitPlan.MinEveryDays} to {VisitPlan.MaxEveryDays} days"));

            if (string.IsNullOrWhiteSpace(c.Hex)) errors.Add(p + "hex", Lang.T($"第 {row} 种颜色的显示颜色不能为空", $"Colour {row}: the colour is required"));
            else if (!HexPattern().IsMatch(c.Hex.Trim()))
                errors.Add(p + "hex", Lang.T($"第 {row} 种颜色的显示颜色须为 #RRGGBB 格式（如 #E53935）", $"Colour {row}: the colour is written #RRGGBB (e.g. #E53935)"));
        }
        // The colours run from the highest risk down (the order they are listed and offered in): the first is visited at least
        // weekly (DOMAIN.md: high risk ≥ weekly), and no colour more often than the one above it.
        if (colours is { Count: > 0 } && colours[0]?.VisitEveryDays is > HighRiskMaxDays && !errors.Has("colours[0].visitEveryDays"))
            errors.Add("colours[0].visitEveryDays", Lang.T($"第 1 种颜色为最高风险，探访周期不能超过 {HighRiskMaxDays} 天（高风险至少每周探访）",
                $"Colour 1 is the highest risk: it is visited at least every {HighRiskMaxDays} days (high risk: at least weekly)"));
        for (var i = 1; i < (colours?.Count ?? 0); i++)
            if (colours![i]?.VisitEveryDays is { } days && colours[i - 1]?.VisitEveryDays is { } above && days < above && !errors.Has($"colours[{i}].visitEveryDays"))
                errors.Add($"colours[{i}].visitEveryDays", Lang.T($"第 {i + 1} 种颜色的风险低于第 {i} 种，探访周期不能短于它的 {above} 天（颜色按风险从高到低排列）",
                    $"Colour {i + 1} is a lower risk than colour {i}: it cannot be visited more often than every {above} days (colours run from the highest risk down)"));
        return errors;
    }

    /// <summary>The longest visit interval of a scheme's first (highest-risk) colour: a week (DOMAIN.md).</summary>
    public const int HighRiskMaxDays = 7;
}
