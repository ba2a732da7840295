using System.Text;
using System.Text.RegularExpressions;

namespace Wushe.Tests.Platform;

/// <summary>
/// The bilingual pairs of the source, read as text (docs/decisions/0002): the English side of every <c>T("中文", "English")</c>,
/// <c>Lang.T(…)</c> and <c>[Label(…)]</c> — in pages and in code, its interpolated parts included — has no full-width punctuation
/// (，。：；（）、“” …), and no page's markup has full-width punctuation outside a pair, where it reaches English readers as it is:
/// <c>@T("主办单位", "Host")：@name</c> prints "Host：…", <c>string.Join("、", names)</c> joins an English list with 、. A mark that
/// belongs to both languages is a pair too: <c>@T("：", ": ")</c>, <c>string.Join(T("、", ", "), …)</c>.
/// <para>
/// The browser's page walk (Browser/PageWalkTests) reads what pages show in English, but only the pages it reaches within its budget of
/// pages, with the demo's data, in the Browser category that a quick run leaves out: the application form (/Competitions/Apply) is
/// reached by none of its roles, and its "主办单位：" went out in English (review of issue 12). This reads every page's source.
/// </para>
/// Text marked as Chinese for every reader (an element with <c>lang="zh-CN"</c> on its line) and comments are not read.
/// </summary>
public sealed partial class BilingualTextTests
{
    [Fact]
    public void English_text_has_no_full_width_punctuation_in_pairs_nor_around_them_in_pages()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Wushe", "Features");
        var found = new List<string>();
        var pages = 0;
        foreach (var file in Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var name = Path.GetRelativePath(features, file);
            var page = file.EndsWith(".cshtml", StringComparison.Ordinal);
            if (page) pages++;
            found.AddRange(Problems(File.ReadAllText(file), page).Select(p => $"{name}:{p}"));
        }
        Assert.True(pages > 100, $"Only {pages} pages were read: the check would prove little.");
        Assert.True(found.Count == 0, $"{found.Count} place(s) where full-width punctuation reaches English readers:\n" + string.Join("\n", found));
    }

    [Theory]
    // The application form's header before its fix: the colon after the pair, and the list joined with 、.
    [InlineData("""<div>@T("主办单位", "Host")：@call.HostName</div>""", 1)]
    [InlineData("""<div>@T("资助领域", "Focus areas")：@string.Join("、", focuses)</div>""", 2)]
    [InlineData("""<li>@c.Name：@c.Detail</li>""", 1)]
    [InlineData("""<span>@a.OrganizationName（@a.KindName）</span>""", 2)]
    // An English side with a full-width mark, in its text or in code it prints.
    [InlineData("""@T("项目预算（元）", "Budget（yuan)")""", 1)]
    [InlineData("""@T($"缺少：{string.Join("、", missing)}", $"Missing: {string.Join("、", missing)}")""", 1)]
    [InlineData("""Lang.T($"第 {i} 批", $"Tranche {i}：{Competition.GateLabel(g)}")""", 1)]
    [InlineData("""[Label("追回金额（元）", "Amount (yuan）")]""", 1)]
    // Pairs as they should be: the marks inside the pair, the Chinese side free, nested pairs and verbatim strings read.
    [InlineData("""<div>@T("主办单位", "Host")@T("：", ": ")@call.HostName</div>""", 0)]
    [InlineData("""@string.Join(T("、", ", "), names)""", 0)]
    [InlineData("""@T($"缺少：{string.Join("、", missing)}（共 {n} 项）", $"Missing: {string.Join(", ", missing)} ({n})")""", 0)]
    [InlineData("""@T($"合计 {Lang.T("、", ", ")} {x:0.#}", $"Total {(n > 1 ? "s" : "")} {{braces}} {Lang.T("（", " (")}")""", 0)]
    [InlineData(""""@T(@"引号""（）""", @"Quotes ""()""")"""", 0)]
    // Not read: comments, and text marked as Chinese for every reader.
    [InlineData("""@* 已转介 XX机构（状态） *@""", 0)]
    [InlineData("""<div lang="zh-CN">扫码反映您的“急难愁盼”</div>""", 0)]
    public void The_check_finds_marks_outside_pairs_and_in_english_sides(string source, int problems)
    {
        Assert.Equal(problems, Problems(source, page: true).Count);
    }

    /// <summary>
    /// Full-width punctuation: CJK symbols and punctuation (U+3000–U+303F: 、。《》「」…), full-width forms (U+FF00–U+FFEF: ，：；（）！？…)
    /// and the curly quotes that Chinese text uses (“”‘’).
    /// </summary>
    static bool FullWidth(char c) => c is >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef' or '\u201c' or '\u201d' or '\u2018' or '\u2019';

    /// <summary>The problems of one file: "line: what".</summary>
    static List<string> Problems(string text, bool page)
    {
        var problems = new List<string>();
        var masked = text.ToCharArray();
        void Mask(int from, int to)
        {
            for (var i = from; i < to && i < masked.Length; i++)
                if (masked[i] != '\n') masked[i] = ' ';
        }
        int Line(int at) => text.AsSpan(0, at).Count('\n') + 1;

        foreach (Match m in PairStart().Matches(text))
        {
            if (ReadPair(text, m.Index + m.Length) is not { } pair) continue;
            var english = pair.English;
            foreach (var c in english.Text.Where(FullWidth).Distinct())
                problems.Add($"{Line(m.Index)}: \"{c}\" in the English side of {Cut(text[m.Index..pair.End])}");
            foreach (var hole in english.Holes)
                foreach (var c in Outside(hole).Where(FullWidth).Distinct())
                    problems.Add($"{Line(m.Index)}: \"{c}\" in code the English side prints, {Cut(text[m.Index..pair.End])}");
            Mask(m.Index, pair.End);
        }
        if (!page) return problems;

        foreach (Match m in Comment().Matches(text)) Mask(m.Index, m.Index + m.Length);
        var lines = new string(masked).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Contains("lang=\"zh-CN\"", StringComparison.Ordinal)) continue;
            foreach (var c in line.Where(FullWidth).Distinct())
                problems.Add($"{i + 1}: \"{c}\" outside a pair: {Cut(text.Split('\n')[i].Trim())}");
        }
        return problems;
    }

    /// <summary>Code with its pairs taken out: what is left prints as it is, in either language.</summary>
    static string Outside(string code)
    {
        var kept = code.ToCharArray();
        foreach (Match m in PairStart().Matches(code))
            if (ReadPair(code, m.Index + m.Length) is { } pair)
                for (var i = m.Index; i < pair.End; i++) kept[i] = ' ';
        return new string(kept);
    }

    static string Cut(string s) => s.Length <= 120 ? s : s[..120] + "…";

    sealed record Literal(int End, string Text, List<string> Holes);

    sealed record Pair(int End, Literal Chinese, Literal English);

    /// <summary>Two string literals and the closing parenthesis from <paramref name="at"/> (just after "T("); null when the arguments are anything else.</summary>
    static Pair? ReadPair(string s, int at)
    {
        var i = SkipSpace(s, at);
        if (ReadLiteral(s, i) is not { } chinese) return null;
        i = SkipSpace(s, chinese.End);
        if (i >= s.Length || s[i] != ',') return null;
        i = SkipSpace(s, i + 1);
        if (ReadLiteral(s, i) is not { } english) return null;
        i = SkipSpace(s, english.End);
        return i < s.Length && s[i] == ')' ? new Pair(i + 1, chinese, english) : null;
    }

    static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    /// <summary>
    /// The C# string literal starting at <paramref name="i"/> — regular, verbatim (@), interpolated ($) or both — with its text (escapes
    /// read as the character escaped) and the code of its interpolation holes; null when none starts there (raw literals are not read).
    /// </summary>
    static Literal? ReadLiteral(string s, int i)
    {
        bool interpolated = false, verbatim = false;
        var j = i;
        for (; j < s.Length && s[j] is '$' or '@'; j++)
            if (s[j] == '$') interpolated = true; else verbatim = true;
        if (j >= s.Length || s[j] != '"' || (j + 2 < s.Length && s[j + 1] == '"' && s[j + 2] == '"' && !verbatim)) return null;
        var text = new StringBuilder();
        var holes = new List<string>();
        for (j++; j < s.Length;)
        {
            var c = s[j];
            if (c == '"')
            {
                if (verbatim && j + 1 < s.Length && s[j + 1] == '"') { text.Append('"'); j += 2; continue; }
                return new Literal(j + 1, text.ToString(), holes);
            }
            if (c == '\\' && !verbatim) { if (j + 1 < s.Length) text.Append(s[j + 1]); j += 2; continue; }
            if (interpolated && c == '{')
            {
                if (j + 1 < s.Length && s[j + 1] == '{') { text.Append('{'); j += 2; continue; }
                var end = CodeEnd(s, j + 1);
                holes.Add(s[(j + 1)..Math.Min(end, s.Length)]);
                j = end + 1;
                continue;
            }
            if (interpolated && c == '}' && j + 1 < s.Length && s[j + 1] == '}') { text.Append('}'); j += 2; continue; }
            if (c == '\n' && !verbatim) return null;
            text.Append(c);
            j++;
        }
        return null;
    }

    /// <summary>Where the code of an interpolation hole from <paramref name="i"/> ends: its closing brace, brackets nested and string and character literals skipped.</summary>
    static int CodeEnd(string s, int i)
    {
        var depth = 0;
        for (var j = i; j < s.Length;)
        {
            var c = s[j];
            if (c is '"' or '$' or '@' && ReadLiteral(s, j) is { } literal) { j = literal.End; continue; }
            if (c == '\'')
            {
                var close = s.IndexOf('\'', j + (j + 1 < s.Length && s[j + 1] == '\\' ? 3 : 2));
                j = close < 0 ? s.Length : close + 1;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0) return j;
                depth--;
            }
            j++;
        }
        return s.Length;
    }

    /// <summary>Where a pair's arguments begin: T( in pages, Lang.T( anywhere, and the [Label( attribute.</summary>
    [GeneratedRegex(@"(?:(?<=\bLang\.)|(?<![\w.]))(?:T|Label)\(")]
    private static partial Regex PairStart();

    /// <summary>Razor and HTML comments.</summary>
    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wushe.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Wushe.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
