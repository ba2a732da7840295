using System.Text;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;

namespace Wushe.Features.Areas;

/// <summary>
/// Reads the national division list: four CSV files laid out as the shipped list
/// (<see cref="NationalDivisions"/>) — provinces, cities, areas, streets — UTF-8 or, when the
/// bytes are not UTF-8, GB18030 (what Chinese Excel saves). Pure: no database.
/// </summary>
public static class DivisionList
{
    /// <summary>At most this many problems are listed (the first ones, in file and line order).</summary>
    public const int MaxProblems = 200;

    public static readonly string[] FileNames = ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"];

    /// <summary>One place of the list: its 12-digit code, name and parent's 12-digit code ("" for a province).</summary>
    public sealed record Row(string File, int Line, string Code12, string Name, string ParentCode12);

    /// <summary>A problem of the files, its message naming the file (and the line, when it is about one row).</summary>
    public sealed record Problem(string File, int? Line, string Message)
    {
        public override string ToString() => Message;
    }

    /// <summary>The rows, the problems (none when the list is sound) and notes such as "read as GB18030".</summary>
    public sealed record Parsed(IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems, IReadOnlyList<string> Notes)
    {
        /// <summary>Problems about single rows (a wrong header or a missing file is not one).</summary>
        public int BadRows => Problems.Count(p => p.Line is not null);
    }

    sealed record Layout(string File, int Digits, string[] Columns, string ParentColumn, int ParentDigits)
    {
        public string Header => string.Join(',', Columns);
    }

    static readonly Layout[] Layouts =
    [
        new("provinces.csv", 2, ["code", "name"], "", 0),
        new("cities.csv", 4, ["code", "name", "provinceCode"], "provinceCode", 2),
        new("areas.csv", 6, ["code", "name", "cityCode", "provinceCode"], "cityCode", 4),
        new("streets.csv", 9, ["code", "name", "areaCode", "provinceCode", "cityCode"], "areaCode", 6),
    ];

    /// <summary>Parses the four files (a missing one is a problem). Streams are read to their end, not closed.</summary>
    public static Parsed Parse(IReadOnlyDictionary<string, Stream> files)
    {
        var rows = new List<Row>();
        var problems = new List<(int File, int Line, Problem Problem)>();
        var notes = new List<string>();
        var seen = new HashSet<string>();
        for (var fileIndex = 0; fileIndex < Layouts.Length; fileIndex++)
        {
            var layout = Layouts[fileIndex];
            var file = layout.File;
            var rowProblems = 0;
            void FileProblem(string zh, string en) => problems.Add((fileIndex, 0, new Problem(file, null, Lang.T(zh, en))));
            void RowProblem(int line, string zh, string en)
            {
                rowProblems++;
                problems.Add((fileIndex, line, new Problem(file, line, Lang.T($"{file} 第 {line} 行：{zh}", $"{file} line {line}: {en}"))));
            }

            if (!files.TryGetValue(file, out var stream))
            {
                FileProblem($"缺少文件 {file}", $"The file {file} is missing");
                continue;
            }
            var text = CsvText.Decode(ReadAll(stream), file, out var note, out var refusal);
            if (refusal is not null)
            {
                problems.Add((fileIndex, 0, new Problem(file, null, refusal)));
                continue;
            }
            if (note is not null) notes.Add(note);
            using var reader = new StringReader(text);
            var header = reader.ReadLine();
            if (header is null || header.Trim().Length == 0)
            {
                FileProblem($"{file} 是空文件，第一行应为表头 {layout.Header}", $"{file} is empty; its first line must be the header {layout.Header}");
                continue;
            }
            var columns = SplitCsv(header).Select(c => c.Trim()).ToList();
            var codeAt = columns.IndexOf("code");
            var nameAt = columns.IndexOf("name");
            var parentAt = layout.ParentColumn.Length > 0 ? columns.IndexOf(layout.ParentColumn) : -1;
            // The header of a deeper level (streets.csv uploaded as provinces.csv) has the columns of this one too.
            var deeper = Layouts.Skip(fileIndex + 1).LastOrDefault(l => columns.Contains(l.ParentColumn));
            if (codeAt < 0 || nameAt < 0 || (layout.ParentColumn.Length > 0 && parentAt < 0) || deeper is not null)
            {
                var hint = deeper is null ? "" : Lang.T($"（这是 {deeper.File} 的表头，是否选错了文件？）", $" (that is the header of {deeper.File}: was the wrong file chosen?)");
                FileProblem($"{file} 的表头应为 {layout.Header}{hint}", $"The header of {file} must be {layout.Header}{hint}");
                continue;
            }
            var line = 1;
            while (reader.ReadLine() is { } rowText)
            {
                line++;
                if (string.IsNullOrWhiteSpace(rowText)) continue;
                if (rowProblems >= MaxProblems) break;
                var f = SplitCsv(rowText);
                string At(int i) => i >= 0 && i < f.Count ? f[i].Trim() : "";
                var code = At(codeAt);
                var name = At(nameAt);
                var parent = At(parentAt);
                if (code.Length != layout.Digits || !code.All(char.IsAsciiDigit))
                {
                    RowProblem(line, $"区划代码“{code}”应为 {layout.Digits} 位数字", $"the code \"{code}\" must have {layout.Digits} digits");
                    continue;
                }
                if (name.Length is 0 or > 100)
                {
                    RowProblem(line, "名称不能为空，且不超过 100 个字", "the name is required, at most 100 characters");
                    continue;
                }
                if (parentAt >= 0 && (parent.Length != layout.ParentDigits || !code.StartsWith(parent, StringComparison.Ordinal)))
                {
                    RowProblem(line, $"上级代码“{parent}”与区划代码不符", $"the parent code \"{parent}\" does not match the code");
                    continue;
                }
                var code12 = AreaCode.Normalize(code)!;
                // Cities without counties (东莞 4419, 中山 4420, 儋州 4604) list themselves as a county "xxxx00",
                // and 金门县 lists itself as a township "350527000": the same 12-digit code as the level above,
                // whose children then hang under it directly. Such a row is an alias, not a new place.
                var ownLevel = (AreaLevel)(fileIndex + 1);
                if (fileIndex > 0 && AreaCode.LevelOf(code12) != ownLevel)
                {
                    if (seen.Contains(code12)) continue;
                    RowProblem(line, $"区划代码“{code}”的本级部分不能全为 0", $"the code \"{code}\" has an all-zero part at its own level");
                    continue;
                }
                if (!seen.Add(code12))
                {
                    RowProblem(line, $"区划代码“{code}”重复", $"the code \"{code}\" appears twice");
                    continue;
                }
                rows.Add(new Row(file, line, code12, name, parent.Length > 0 ? AreaCode.Normalize(parent)! : ""));
            }
        }
        // Every parent must be in the list too.
        foreach (var r in rows.Where(r => r.ParentCode12.Length > 0 && !seen.Contains(r.ParentCode12)))
        {
            var parent = AreaCode.Prefix(r.ParentCode12);
            problems.Add((Array.FindIndex(Layouts, l => l.File == r.File), r.Line, new Problem(r.File, r.Line,
                Lang.T($"{r.File} 第 {r.Line} 行：上级区划“{parent}”不在导入文件中", $"{r.File} line {r.Line}: the parent \"{parent}\" is not in the files"))));
        }

        // Natural order: the files as the list lays them out, then line by line.
        var ordered = problems.OrderBy(p => p.File).ThenBy(p => p.Line).Select(p => p.Problem).ToList();
        if (ordered.Count > MaxProblems)
        {
            var more = ordered.Count - MaxProblems;
            ordered = [.. ordered.Take(MaxProblems), new Problem("", null, Lang.T($"……另有 {more} 个问题未列出", $"… and {more} more problem(s) not listed"))];
        }
        return new Parsed(ordered.Count > 0 ? [] : rows, ordered, notes);
    }

    /// <summary>Opens the four files of a folder (the command-line verb, a configured demo list).</summary>
    public static Dictionary<string, Stream> OpenFolder(string folder) =>
        FileNames.Where(f => File.Exists(Path.Combine(folder, f)))
            .ToDictionary(f => f, f => (Stream)File.OpenRead(Path.Combine(folder, f)));

    static byte[] ReadAll(Stream stream)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Minimal RFC 4180 field splitter: quotes, doubled quotes, commas inside quotes.</summary>
    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}

/// <summary>
/// Decodes an uploaded text file: UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that are not
/// UTF-8 are read as GB18030, the superset of GBK that Chinese Excel saves as "CSV (逗号分隔)".
/// A file that is neither is refused, never decoded into mojibake.
/// </summary>
public static class CsvText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The text of the file; <paramref name="note"/> says when it was read as GB18030; <paramref name="refusal"/> is set (and the text empty) when it cannot be read.</summary>
    public static string Decode(byte[] bytes, string file, out string? note, out string? refusal)
    {
        note = refusal = null;
        ReadOnlySpan<byte> b = bytes;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) b = b[3..];
        else if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        try
        {
            return StrictUtf8.GetString(b);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try GB18030 below.
        }
        try
        {
            var text = Gb18030.Value.GetString(b);
            note = Lang.T($"{file} 不是 UTF-8 编码，已按 GB18030（GBK）编码读取", $"{file} is not UTF-8; it was read as GB18030 (GBK)");
            return text;
        }
        catch (DecoderFallbackException)
        {
            refusal = Lang.T($"{file} 的编码无法识别（既不是 UTF-8，也不是 GB18030/GBK）。请用 Excel 打开后选择“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”，再重新上传",
                $"The encoding of {file} is not recognised (neither UTF-8 nor GB18030/GBK). Open it in Excel, choose Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\", and upload it again");
            return "";
        }
    }
}
