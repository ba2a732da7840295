using System.Text;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;

namespace Wushe.Features.Areas;

/// <summary>
/// Imports the national division list from four CSV files laid out like
/// shared/data/divisions (provinces, cities, areas, streets). All or nothing: a file with
/// broken rows is reported row by row and nothing is saved. Re-importing a newer list
/// renames, adds, and retires the codes that vanished (within the provinces it covers).
/// </summary>
public sealed class DivisionImport(AppDb db, TimeProvider clock)
{
    public const int MaxErrors = 200;
    public static readonly string[] FileNames = ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"];

    public sealed record Row(string File, int Line, string Code12, string Name, string ParentCode12);

    public sealed record Summary(int Rows, int Added, int Renamed, int Retired, int Unchanged);

    public sealed record Outcome(Summary? Summary, IReadOnlyList<string> Errors);

    public delegate void Progress(string stage, int done, int total);

    /// <summary>Reads the four files. Expected columns per file: code,name[,parent codes…].</summary>
    public static (List<Row> Rows, List<string> Errors) Parse(IReadOnlyDictionary<string, Stream> files)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        var seen = new HashSet<string>();
        (string File, int Digits, string ParentColumn, int ParentDigits)[] layout =
        [
            ("provinces.csv", 2, "", 0),
            ("cities.csv", 4, "provinceCode", 2),
            ("areas.csv", 6, "cityCode", 4),
            ("streets.csv", 9, "areaCode", 6),
        ];
        foreach (var (file, digits, parentColumn, parentDigits) in layout)
        {
            if (!files.TryGetValue(file, out var stream))
            {
                errors.Add(Lang.T($"缺少文件 {file}", $"The file {file} is missing"));
                continue;
            }
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            var header = reader.ReadLine();
            if (header is null)
            {
                errors.Add(Lang.T($"{file} 是空文件", $"{file} is empty"));
                continue;
            }
            var columns = SplitCsv(header).Select(c => c.Trim()).ToList();
            var codeAt = columns.IndexOf("code");
            var nameAt = columns.IndexOf("name");
            var parentAt = parentColumn.Length > 0 ? columns.IndexOf(parentColumn) : -1;
            if (codeAt < 0 || nameAt < 0 || (parentColumn.Length > 0 && parentAt < 0))
            {
                errors.Add(Lang.T($"{file} 表头不正确，应包含 code、name{(parentColumn.Length > 0 ? "、" + parentColumn : "")} 列",
                    $"{file}: the header must have the columns code, name{(parentColumn.Length > 0 ? ", " + parentColumn : "")}"));
                continue;
            }
            var line = 1;
            while (reader.ReadLine() is { } text)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (errors.Count >= MaxErrors) break;
                var f = SplitCsv(text);
                string At(int i) => i >= 0 && i < f.Count ? f[i].Trim() : "";
                var code = At(codeAt);
                var name = At(nameAt);
                var parent = At(parentAt);
                string Err(string zh, string en) => Lang.T($"{file} 第 {line} 行：{zh}", $"{file} line {line}: {en}");
                if (code.Length != digits || !code.All(char.IsAsciiDigit))
                {
                    errors.Add(Err($"区划代码“{code}”应为 {digits} 位数字", $"the code \"{code}\" must have {digits} digits"));
                    continue;
                }
                if (name.Length is 0 or > 100)
                {
                    errors.Add(Err("名称不能为空，且不超过 100 个字", "the name is required, at most 100 characters"));
                    continue;
                }
                if (parentAt >= 0 && (parent.Length != parentDigits || !code.StartsWith(parent, StringComparison.Ordinal)))
                {
                    errors.Add(Err($"上级代码“{parent}”与区划代码不符", $"the parent code \"{parent}\" does not match the code"));
                    continue;
                }
                var code12 = AreaCode.Normalize(code)!;
                // Cities without counties (东莞 4419, 中山 4420, 儋州 4604) list themselves as a county "xxxx00",
                // and 金门县 lists itself as a township "350527000": the same 12-digit code as the level above,
                // whose children then hang under it directly. Such a row is an alias, not a new place.
                if (digits > 2 && AreaCode.LevelOf(code12) != (AreaLevel)(Array.IndexOf([2, 4, 6, 9], digits) + 1) && seen.Contains(code12)) continue;
                if (digits > 2 && AreaCode.LevelOf(code12) != (AreaLevel)(Array.IndexOf([2, 4, 6, 9], digits) + 1))
                {
                    errors.Add(Err($"区划代码“{code}”的本级部分不能全为 0", $"the code \"{code}\" has an all-zero part at its own level"));
                    continue;
                }
                if (!seen.Add(code12))
                {
                    errors.Add(Err($"区划代码“{code}”重复", $"the code \"{code}\" appears twice"));
                    continue;
                }
                rows.Add(new Row(file, line, code12, name, parent.Length > 0 ? AreaCode.Normalize(parent)! : ""));
            }
        }
        // Every parent must be in the list too.
        foreach (var r in rows.Where(r => r.ParentCode12.Length > 0 && !seen.Contains(r.ParentCode12)).Take(MaxErrors - errors.Count))
            errors.Add(Lang.T($"{r.File} 第 {r.Line} 行：上级区划“{r.ParentCode12.TrimEnd('0')}”不在导入文件中", $"{r.File} line {r.Line}: the parent \"{r.ParentCode12.TrimEnd('0')}\" is not in the files"));
        return (rows, errors);
    }

    public async Task<Outcome> RunAsync(IReadOnlyDictionary<string, Stream> files, Progress? progress = null, CancellationToken ct = default)
    {
        progress?.Invoke("parse", 0, 1);
        var (rows, errors) = Parse(files);
        if (errors.Count > 0) return new Outcome(null, errors);
        return new Outcome(await ApplyAsync(rows, progress, ct), []);
    }

    /// <summary>Applies parsed rows in one transaction.</summary>
    public async Task<Summary> ApplyAsync(IReadOnlyList<Row> rows, Progress? progress = null, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var existing = await db.Areas.IgnoreQueryFilters().Where(a => a.Level != AreaLevel.Village).ToDictionaryAsync(a => a.Code, ct);
        var incoming = rows.Select(r => r.Code12).ToHashSet();
        var provinces = rows.Select(r => r.Code12[..2]).ToHashSet();
        int added = 0, renamed = 0, unchanged = 0, retired = 0, done = 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SuppressEntityAudit = true;
        try
        {
            foreach (var r in rows)
            {
                if (existing.TryGetValue(r.Code12, out var area))
                {
                    if (area.Refresh(r.Name, isGenerated: false)) renamed++;
                    else unchanged++;
                }
                else
                {
                    var level = AreaCode.LevelOf(r.Code12);
                    var kind = level == AreaLevel.Township ? TownshipKind(r.Code12, r.Name) : AreaKind.Other;
                    db.Areas.Add(new Area(r.Code12, r.Name, kind, isGenerated: false, today));
                    added++;
                }
                if (++done % 2000 == 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    progress?.Invoke("save", done, rows.Count);
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // Retire what vanished from the provinces this list covers, and the villages below it.
            var vanished = existing.Values.Where(a => a.ValidTo is null && !incoming.Contains(a.Code) && provinces.Contains(a.Code[..2]) && (!a.IsGenerated || a.Level <= AreaLevel.County)).Select(a => a.Code).ToList();
            foreach (var code in vanished)
            {
                var (low, high) = AreaCode.Range(code);
                retired += await db.Areas.IgnoreQueryFilters()
                    .Where(a => a.ValidTo == null && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0 && !incoming.Contains(a.Code))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ValidTo, today), ct);
            }
            progress?.Invoke("save", rows.Count, rows.Count);

            db.SuppressEntityAudit = false;
            db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Import, nameof(Area), "divisions",
                $"rows={rows.Count},added={added},renamed={renamed},retired={retired}"));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        return new Summary(rows.Count, added, renamed, retired, unchanged);
    }

    /// <summary>From the name's ending where it says (街道/镇/乡), else from the code's township digits.</summary>
    public static AreaKind TownshipKind(string code12, string name) =>
        name.EndsWith("街道", StringComparison.Ordinal) ? AreaKind.Street
        : name.EndsWith('镇') ? AreaKind.Town
        : name.EndsWith('乡') ? AreaKind.Township
        : AreaCode.TownshipKindOf(code12);

    /// <summary>Opens the four files of a folder (the command-line verb and the demo).</summary>
    public static Dictionary<string, Stream> OpenFolder(string folder) =>
        FileNames.Where(f => File.Exists(Path.Combine(folder, f)))
            .ToDictionary(f => f, f => (Stream)File.OpenRead(Path.Combine(folder, f)));

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
