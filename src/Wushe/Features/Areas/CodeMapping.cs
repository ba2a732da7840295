using Wushe.Platform.Areas;
using Wushe.Platform.Localization;

namespace Wushe.Features.Areas;

/// <summary>
/// An old → new code mapping for re-coded places (a county that became a city: 米林县 540422 →
/// 米林市 540481), as the statistics bureau publishes with each list: a CSV of two columns
/// <c>old,new</c>, one pair a line, codes of 2, 4, 6, 9 or 12 digits, both of the same level.
/// A header line is optional. A pair moves everything under the old code to the same place
/// under the new one (prefix replacement); a pair at a lower level overrides one above it.
/// </summary>
public static class CodeMapping
{
    public const string FileName = "mapping.csv";
    public const int MaxPairs = 20_000;

    public sealed record Pair(int Line, string Old12, string New12)
    {
        public string OldPrefix => AreaCode.Prefix(Old12);
        public string NewPrefix => AreaCode.Prefix(New12);
    }

    /// <summary>The pairs in file order, or the problems (each naming mapping.csv and its line).</summary>
    public static (List<Pair> Pairs, List<DivisionList.Problem> Problems) Parse(byte[] bytes)
    {
        var pairs = new List<Pair>();
        var problems = new List<DivisionList.Problem>();
        var text = CsvText.Decode(bytes, FileName, out _, out var refusal);
        if (refusal is not null) return ([], [new(FileName, null, refusal)]);
        using var reader = new StringReader(text);
        var line = 0;
        var olds = new HashSet<string>();
        void Problem(string zh, string en) => problems.Add(new(FileName, line, Lang.T($"{FileName} 第 {line} 行：{zh}", $"{FileName} line {line}: {en}")));
        while (reader.ReadLine() is { } row && problems.Count < DivisionList.MaxProblems)
        {
            line++;
            if (string.IsNullOrWhiteSpace(row)) continue;
            var f = DivisionList.SplitCsv(row).Select(x => x.Trim()).ToList();
            if (line == 1 && f.Count >= 1 && !f[0].All(char.IsAsciiDigit)) continue; // the header
            if (f.Count < 2 || f.Skip(2).Any(x => x.Length > 0))
            {
                Problem("应为“旧代码,新代码”两列", "must have two columns: old code, new code");
                continue;
            }
            var (oldCode, newCode) = (AreaCode.Normalize(f[0]), AreaCode.Normalize(f[1]));
            if (oldCode is null || newCode is null)
            {
                Problem($"代码“{(oldCode is null ? f[0] : f[1])}”格式不正确（应为 2、4、6、9 或 12 位数字）", $"the code \"{(oldCode is null ? f[0] : f[1])}\" is not well formed (2, 4, 6, 9 or 12 digits)");
                continue;
            }
            if (AreaCode.LevelOf(oldCode) != AreaCode.LevelOf(newCode))
            {
                Problem($"旧代码 {f[0]} 与新代码 {f[1]} 不是同一级区划", $"the old code {f[0]} and the new code {f[1]} are not of the same level");
                continue;
            }
            if (oldCode == newCode)
            {
                Problem($"旧代码与新代码相同（{f[0]}）", $"the old and the new code are the same ({f[0]})");
                continue;
            }
            if (AreaCode.LevelOf(oldCode) == AreaLevel.Province)
            {
                Problem("不支持省级代码的对照", "a province cannot be re-coded by a mapping");
                continue;
            }
            if (!olds.Add(oldCode))
            {
                Problem($"旧代码 {f[0]} 出现了两次", $"the old code {f[0]} appears twice");
                continue;
            }
            if (pairs.Count >= MaxPairs)
            {
                Problem($"对照表最多 {MaxPairs} 行", $"a mapping has at most {MaxPairs} lines");
                break;
            }
            pairs.Add(new Pair(line, oldCode, newCode));
        }
        return problems.Count > 0 ? ([], problems) : (pairs, problems);
    }

    /// <summary>Where a code goes under the mapping (the most specific pair wins), or null when no pair covers it.</summary>
    public static string? Map(IReadOnlyList<Pair> pairsMostSpecificFirst, string code12)
    {
        foreach (var p in pairsMostSpecificFirst)
            if (code12.StartsWith(p.OldPrefix, StringComparison.Ordinal))
                return p.NewPrefix + code12[p.OldPrefix.Length..];
        return null;
    }
}
