using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>
/// 全国系统对接: our documented layout (docs/national-exchange.md) for handing volunteers and final hours to the national volunteer
/// service information system (全国志愿服务信息系统) and taking them from it — two sheets, Chinese headers as the national system's
/// batch templates have them, read and written as Excel (.xlsx) or CSV (UTF-8 with BOM). What the import and export use cases share:
/// the columns, the file's formats, reading a file into rows (row numbers as a spreadsheet shows them, the header being row 1),
/// the error report by row and column, the templates. Headers are always Chinese (the national system's), whatever the page's language.
/// </summary>
public static class NationalLayout
{
    /// <summary>At most this many bytes a file (an upload), and rows a file (an upload or an export).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>The form field of an uploaded file.</summary>
    public const string FileField = "file";

    /// <summary>China time in the files: 2026-05-01 09:00.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>证件类型: the only one the register keeps (a resident ID, GB 11643).</summary>
    public const string ResidentIdType = "居民身份证";

    /// <summary>A row whose first cell is this is the template's example and is never imported.</summary>
    public const string ExampleMarker = "示例";

    public enum Format { Xlsx, Csv }

    /// <summary>"xlsx" (default) or "csv"; null when neither.</summary>
    public static Format? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" or "excel" => Format.Xlsx,
        "csv" => Format.Csv,
        _ => null,
    };

    public static string FormatMessage => Lang.T("文件格式应为 xlsx 或 csv", "The format is xlsx or csv");

    /// <summary>A column: its Chinese header (the file's), English name (for the page), the field it fills, whether required, an example, a note.</summary>
    public sealed record Column(string Header, string HeaderEn, string Field, bool Required, string Example, string Note, string NoteEn)
    {
        public string Label => Lang.T(Header, HeaderEn);
    }

    /// <summary>志愿者信息 sheet.</summary>
    public static readonly Column[] VolunteerColumns =
    [
        new("证件类型", "ID type", "idType", true, ResidentIdType, "仅支持“居民身份证”", "Only 居民身份证 (resident ID)"),
        new("证件号码", "ID number", "idNumber", true, "", "18 位居民身份证号码，请设为文本格式", "18-character resident ID; format the column as text"),
        new("姓名", "Name", "name", true, "李志强", "", ""),
        new("性别", "Sex", "sex", false, "男", "男 或 女，须与证件号码一致", "男 or 女, as the ID number says"),
        new("出生日期", "Birth date", "birthDate", false, "1990-05-12", "yyyy-MM-dd，须与证件号码一致", "yyyy-MM-dd, as the ID number says"),
        new("手机号码", "Mobile number", "phone", true, "13800000000", "11 位手机号码", "11-digit mobile number"),
        new("所在区划代码", "Area code", "areaCode", true, "", "居住社区（村）的 12 位区划代码，须在导入人的管辖范围内", "The 12-digit code of the community lived in, within the importer's area"),
        new("志愿者编号", "Volunteer number", "volunteerNo", false, "", "导出时填写；导入时不使用（平台另行编号）", "Filled on export; not read on import (the platform numbers)"),
        new("技能特长", "Skills", "skills", false, "陪伴关怀、驾驶", "多项用顿号（、）分隔", "Several separated by 、"),
        new("特长说明", "About the skills", "skillNotes", false, "", "不超过 200 字", "At most 200 characters"),
        new("监护人姓名", "Guardian", "guardianName", false, "", "未满 18 周岁（未以自己劳动收入为主要生活来源）必填", "Required under 18 unless self-supporting"),
        new("监护人关系", "Guardian's relation", "guardianRelation", false, "", "如 母亲", "e.g. mother"),
        new("监护人电话", "Guardian's phone", "guardianPhone", false, "", "", ""),
        new("监护人同意日期", "Guardian's consent on", "guardianConsentOn", false, "", "yyyy-MM-dd", "yyyy-MM-dd"),
        new("以自己劳动收入为主要生活来源", "Self-supporting", "selfSupporting", false, "", "16 至 18 周岁适用：是 或 否", "16 to 18 only: 是 (yes) or 否 (no)"),
    ];

    /// <summary>志愿服务记录 sheet.</summary>
    public static readonly Column[] HourColumns =
    [
        new("志愿者编号", "Volunteer number", "volunteerNo", false, "", "志愿者编号与证件号码至少填写一项；都填时以证件号码为准", "The volunteer number or the ID number, at least one; the ID number decides when both are given"),
        new("证件类型", "ID type", "idType", false, ResidentIdType, "仅支持“居民身份证”", "Only 居民身份证 (resident ID)"),
        new("证件号码", "ID number", "idNumber", false, "", "已登记志愿者的居民身份证号码", "The resident ID of a registered volunteer"),
        new("姓名", "Name", "name", true, "李志强", "须与志愿者登记的姓名一致", "As the volunteer is registered"),
        new("活动名称", "Activity", "activityTitle", true, "重阳节敬老助老服务", "2 至 100 字", "2 to 100 characters"),
        new("组织单位", "Organizer", "organizerName", true, "幸福社区居民委员会", "2 至 60 字", "2 to 60 characters"),
        new("服务内容", "Service content", "content", true, "为高龄老人理发、打扫卫生", "2 至 200 字", "2 to 200 characters"),
        new("开始时间", "Start", "startedAt", true, "2026-10-29 09:00", "北京时间 yyyy-MM-dd HH:mm", "China time, yyyy-MM-dd HH:mm"),
        new("结束时间", "End", "endedAt", true, "2026-10-29 11:30", "北京时间 yyyy-MM-dd HH:mm，须晚于开始时间且不晚于现在", "China time, after the start and not in the future"),
        new("服务时长（小时）", "Hours", "hours", true, "2.5", "0.5 小时的整数倍，不超过每日上限，不超过起止时间之差", "A multiple of 0.5 h, within the daily cap and the span from start to end"),
        new("记录人", "Recorder", "recorder", true, "王红", "不超过 50 字", "At most 50 characters"),
    ];

    /// <summary>One problem of a file: the row as a spreadsheet numbers it (0: the file as a whole), the column's header, the message.</summary>
    public sealed record RowError(int Row, string Column, string Message);

    /// <summary>A row the import left alone on purpose (a volunteer already registered, hours already imported), with why.</summary>
    public sealed record Skipped(int Row, string Message);

    /// <summary>A failure's problems in reading order: keys <c>rows[5].idNumber</c> become row 5, column 证件号码; others the file's.</summary>
    public static List<RowError> Report(Failure failure, Column[] columns) =>
    [
        .. (failure.Errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value.Select(m => ToRowError(e.Key, m, columns)))
            .OrderBy(e => e.Row).ThenBy(e => Array.FindIndex(columns, c => c.Header == e.Column)),
    ];

    static RowError ToRowError(string key, string message, Column[] columns)
    {
        if (!key.StartsWith("rows[", StringComparison.Ordinal)) return new(0, "", message);
        var close = key.IndexOf(']', StringComparison.Ordinal);
        var row = int.Parse(key[5..close], CultureInfo.InvariantCulture);
        var field = key[(close + 2)..];
        return new(row, columns.FirstOrDefault(c => c.Field == field)?.Header ?? field, message);
    }

    /// <summary>The error report as a CSV (UTF-8 with BOM) to download beside the page's table: 行号, 列, 错误.</summary>
    public static byte[] ReportCsv(IEnumerable<RowError> errors) =>
        Spreadsheet.Csv(errors.Select(e => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["行号"] = e.Row == 0 ? "文件" : e.Row.ToString(CultureInfo.InvariantCulture), ["列"] = e.Column, ["错误"] = e.Message,
        }));

    /// <summary>The rows written as a file of <paramref name="format"/>: headers in the columns' order, text cells never read as formulas.</summary>
    public static async Task<byte[]> WriteAsync(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, Column[] columns, string sheetName, Format format, CancellationToken ct)
    {
        // An empty file still has its headers (a row of empty cells would be read back as nothing: blank rows are skipped).
        IReadOnlyList<IReadOnlyDictionary<string, object?>> sheet = rows.Count > 0 ? rows : [columns.ToDictionary(c => c.Header, _ => (object?)null)];
        if (format == Format.Csv)
        {
            var csv = Spreadsheet.Csv(sheet);
            return rows.Count > 0 ? csv : [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', columns.Select(c => c.Header)) + "\r\n")];
        }
        return await Spreadsheet.XlsxAsync(sheet, sheetName, ct);
    }

    public static string ContentType(Format format) => format == Format.Csv ? Spreadsheet.CsvContentType : Spreadsheet.XlsxContentType;

    public static string Extension(Format format) => format == Format.Csv ? ".csv" : ".xlsx";

    /// <summary>A blank file of the sheet: the headers and one example row (first cell <see cref="ExampleMarker"/>-marked, never imported).</summary>
    public static Task<byte[]> TemplateAsync(Column[] columns, string sheetName, Format format, CancellationToken ct)
    {
        var example = columns.ToDictionary(c => c.Header, c => (object?)c.Example);
        example[columns[0].Header] = ExampleMarker;
        return WriteAsync([example], columns, sheetName, format, ct);
    }

    /// <summary>The rows of a file by column (<paramref name="columns"/> order), blank and example rows left out; or what is wrong with the file.</summary>
    public sealed record Sheet(List<(int Row, string?[] Cells)> Rows, Failure? Failure);

    static Failure FileProblem(string message) => Failure.Invalid(FileField, message);

    /// <summary>Checks an uploaded file's name and size and copies it: the stream to read, or the problem.</summary>
    public static async Task<(MemoryStream? Content, Failure? Failure)> ReceiveAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, FileProblem(Lang.T("请选择要导入的文件（.xlsx 或 .csv）", "Please choose the file (.xlsx or .csv) to import")));
        if (FormatOf(file.FileName) is null)
            return (null, FileProblem(Lang.T("仅支持 .xlsx（Excel）或 .csv（UTF-8）文件，请使用导入模板", "Only .xlsx (Excel) or .csv (UTF-8) files: use the template")));
        if (file.Length > MaxBytes) return (null, FileProblem(Lang.T("文件不能超过 10 MB，请分批导入", "The file may be at most 10 MB; import in parts")));
        var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        return (content, null);
    }

    /// <summary>The format a file's name says (.xlsx or .csv), else null.</summary>
    public static Format? FormatOf(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Format.Xlsx
        : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Format.Csv : null;

    /// <summary>Reads a file of the sheet: the header row must name every required column (in any order; unknown columns are ignored).</summary>
    public static Sheet Read(Stream content, string fileName, Column[] columns)
    {
        if (content.Length > MaxBytes) return new([], FileProblem(Lang.T("文件不能超过 10 MB，请分批导入", "The file may be at most 10 MB; import in parts")));
        if (FormatOf(fileName) is not { } format)
            return new([], FileProblem(Lang.T("仅支持 .xlsx（Excel）或 .csv（UTF-8）文件，请使用导入模板", "Only .xlsx (Excel) or .csv (UTF-8) files: use the template")));
        IEnumerable<List<object?>> lines;
        try
        {
            lines = format == Format.Csv ? CsvLines(content) : XlsxLines(content);
            return ReadLines(lines, columns);
        }
        catch (DecoderFallbackException)
        {
            return new([], FileProblem(Lang.T("CSV 文件须为 UTF-8 编码（Excel 中“另存为”选择“CSV UTF-8”）", "The CSV file must be UTF-8 (in Excel, save as \"CSV UTF-8\")")));
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or IOException or FormatException
            or InvalidCastException or IndexOutOfRangeException or ArgumentException)
        {
            return new([], FileProblem(Lang.T("文件无法读取：请上传用导入模板填写的 .xlsx 或 .csv 文件", "The file cannot be read: upload an .xlsx or .csv file filled in from the template")));
        }
    }

    static Sheet ReadLines(IEnumerable<List<object?>> lines, Column[] columns)
    {
        var rows = new List<(int, string?[])>();
        var index = new int[columns.Length];
        var rowNumber = 0;
        foreach (var values in lines)
        {
            rowNumber++;
            if (rowNumber == 1)
            {
                var headers = values.Select(v => Text(v)?.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)).ToList();
                var missing = new List<string>();
                for (var c = 0; c < columns.Length; c++)
                {
                    index[c] = headers.FindIndex(h => h == columns[c].Header);
                    if (index[c] < 0 && columns[c].Required) missing.Add(columns[c].Header);
                }
                if (missing.Count > 0)
                    return new([], FileProblem(Lang.T($"第 1 行缺少列：{string.Join("、", missing)}（请使用导入模板）", $"Row 1 lacks the columns {string.Join(", ", missing)} (use the template)")));
                continue;
            }
            var row = new string?[columns.Length];
            for (var c = 0; c < columns.Length; c++) row[c] = index[c] >= 0 && index[c] < values.Count ? Cell(values[index[c]], columns[c].Field) : null;
            if (row.All(string.IsNullOrWhiteSpace) || row[0] == ExampleMarker) continue;
            if (rows.Count == MaxRows)
                return new([], FileProblem(Lang.T($"一次最多导入 {MaxRows} 行，请分批导入", $"At most {MaxRows} rows at a time; import in parts")));
            rows.Add((rowNumber, row));
        }
        if (rowNumber == 0) return new([], FileProblem(Lang.T("文件是空的：第 1 行应为列名（请使用导入模板）", "The file is empty: row 1 holds the headers (use the template)")));
        if (rows.Count == 0) return new([], FileProblem(Lang.T("文件中没有数据（第 2 行起每行一条）", "The file holds no data (one record a row, from row 2)")));
        return new(rows, null);
    }

    static IEnumerable<List<object?>> XlsxLines(Stream content)
    {
        // A zip file begins with "PK": anything else named .xlsx (a renamed .xls or .csv) is refused as unreadable, not half-read.
        var head = new byte[2];
        if (content.Read(head, 0, 2) < 2 || head[0] != (byte)'P' || head[1] != (byte)'K') throw new InvalidDataException("not an xlsx");
        content.Position = 0;
        foreach (IDictionary<string, object?> cells in content.Query(useHeaderRow: false)) yield return [.. cells.Values];
    }

    /// <summary>RFC 4180 CSV in strict UTF-8 (a BOM is dropped; other encodings throw): quoted fields may hold commas, quotes and line breaks.</summary>
    static IEnumerable<List<object?>> CsvLines(Stream content)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = reader.ReadToEnd();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var row = new List<object?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>A cell as text: numbers without exponent (an ID number typed as a number has lost its last digits: marked so), dates as
    /// yyyy-MM-dd or yyyy-MM-dd HH:mm, a leading apostrophe (our exports' guard against formulas) dropped.</summary>
    static string? Cell(object? value, string field) => value switch
    {
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero && field is not ("startedAt" or "endedAt") ? DateFormat : TimeFormat, CultureInfo.InvariantCulture),
        double n when field == "idNumber" && n >= 1e15 => n.ToString("0", CultureInfo.InvariantCulture) + "#NUMBER",
        _ => Text(value) is { } t && t.Length > 1 && t[0] == '\'' && Spreadsheet.StartsLikeFormula(t[1..]) ? t[1..] : Text(value),
    };

    static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim(),
    };

    /// <summary>The ID number of a row, or null with the problem named: the type must be a resident ID, the number not masked nor mangled by Excel.</summary>
    public static string? IdNumber(string? type, string? number, int row, Action<int, string, string> error)
    {
        if (!string.IsNullOrEmpty(type) && type is not (ResidentIdType or "身份证" or "内地居民身份证" or "1"))
        {
            error(row, "idType", Lang.T("证件类型仅支持“居民身份证”（平台实名登记以居民身份证为准）", "Only 居民身份证 (resident ID) is supported"));
            return null;
        }
        if (string.IsNullOrEmpty(number)) return null;
        if (number.EndsWith("#NUMBER", StringComparison.Ordinal))
        {
            error(row, "idNumber", Lang.T("证件号码被 Excel 当作数字改写了末几位：请将该列设为文本格式后重新填写", "Excel took the ID number for a number and changed its last digits: format the column as text and type it again"));
            return null;
        }
        if (number.Contains('*', StringComparison.Ordinal))
        {
            error(row, "idNumber", Lang.T("证件号码已脱敏（含 *），无法导入：请由有权查看完整信息的人员导出完整证件号码", "The ID number is masked (has *): export with full ID numbers (needs the reveal permission)"));
            return null;
        }
        return number;
    }

    static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];
    static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>A China time of the file (yyyy-MM-dd HH:mm) as an instant, or null with the problem named.</summary>
    public static DateTimeOffset? Time(string? text, int row, string field, string labelZh, string labelEn, Action<int, string, string> error)
    {
        if (string.IsNullOrEmpty(text)) { error(row, field, Lang.T($"{labelZh}不能为空", $"{labelEn} is required")); return null; }
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return new DateTimeOffset(t, Platform.ChinaTime.Offset);
        error(row, field, Lang.T($"{labelZh}格式不正确，应为 yyyy-MM-dd HH:mm（如 2026-10-29 09:00）", $"{labelEn} is not a time like 2026-10-29 09:00"));
        return null;
    }

    /// <summary>A date of the file, null when empty; a bad one is named.</summary>
    public static DateOnly? Date(string? text, int row, string field, string labelZh, string labelEn, Action<int, string, string> error)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return DateOnly.FromDateTime(d);
        error(row, field, Lang.T($"{labelZh}格式不正确，应为 yyyy-MM-dd（如 1990-05-12）", $"{labelEn} is not a date like 1990-05-12"));
        return null;
    }

    /// <summary>Runs <paramref name="f"/> with Chinese as the UI language: the file's values (sex, skills) are the national system's Chinese words whatever the page's language.</summary>
    public static T InChinese<T>(Func<T> f)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Lang.Chinese);
        try { return f(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>技能特长 as the file writes them: Chinese labels joined by 、.</summary>
    public static string SkillsText(VolunteerSkill skills) => InChinese(() => string.Join("、", Volunteer.Split(skills).Select(Volunteer.SkillLabel)));

    static readonly Dictionary<string, VolunteerSkill> SkillsByName = InChinese(() => Volunteer.AllSkills.ToDictionary(Volunteer.SkillLabel));

    /// <summary>Skills from the file's text (Chinese labels, or the English names of the enumeration), or null with the unknown ones named.</summary>
    public static List<VolunteerSkill>? Skills(string? text, int row, Action<int, string, string> error)
    {
        var names = (text ?? "").Split(['、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var skills = new List<VolunteerSkill>();
        var unknown = new List<string>();
        foreach (var n in names)
            if (SkillsByName.TryGetValue(n, out var s) || Enum.TryParse(n, ignoreCase: true, out s) && Volunteer.AllSkills.Contains(s)) skills.Add(s);
            else unknown.Add(n);
        if (unknown.Count == 0) return skills;
        error(row, "skills", Lang.T($"技能特长不在可选范围内：{string.Join("、", unknown)}（可选：{string.Join("、", SkillsByName.Keys)}）",
            $"Unknown skills: {string.Join(", ", unknown)} (choose from {string.Join(", ", SkillsByName.Keys)})"));
        return null;
    }
}
