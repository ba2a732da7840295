using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Wushe.Platform.Export;

/// <summary>
/// Every export (导出) writes its rows through here, so that no text a user typed is ever read as a
/// formula by Excel, WPS or LibreOffice (formula injection: "=HYPERLINK(…)", "@SUM(…)", "+86…", "-1+1").
/// <list type="bullet">
/// <item>Excel (.xlsx): every value becomes a number or a text cell, never a formula element. MiniExcel 1.x writes text as
/// <c>t="str"</c> cells (the type OOXML keeps for a formula's cached result; inline or shared strings come only with its later
/// <c>StringStorageMode</c>): not evaluated on open, but F2 + Enter in Excel makes "=1+1" a live formula. So text that starts
/// like a formula gets the same leading apostrophe as in CSV ('=1+1): shown, and kept as text however the cell is edited.</item>
/// <item>CSV: a file has no cell types, so text that starts with <c>= + - @</c>, a tab or a carriage return is
/// written with a leading apostrophe, the mark spreadsheets read as "this is text" (OWASP's advice).</item>
/// </list>
/// Rows are column name → value, in the order shown; values are text, whole or decimal numbers, or null.
/// </summary>
public static class Spreadsheet
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>True when a spreadsheet would take text starting so for a formula.</summary>
    public static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>An .xlsx workbook of one sheet with the rows' keys as headers.</summary>
    public static async Task<byte[]> XlsxAsync(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string sheetName, CancellationToken ct = default)
    {
        var sheet = rows.Select(r => r.ToDictionary(kv => kv.Key, kv => Cell(kv.Value) is string text && StartsLikeFormula(text) ? "'" + text : Cell(kv.Value))).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: sheetName, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>A UTF-8 CSV (with BOM, so Excel reads Chinese) with the rows' keys as headers; risky text is neutralised.</summary>
    public static byte[] Csv(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var row in rows)
        {
            if (first) text.AppendJoin(',', row.Keys.Select(k => CsvField(k))).Append("\r\n");
            first = false;
            text.AppendJoin(',', row.Values.Select(v => CsvField(Cell(v)))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Numbers stay numbers; everything else is text (MiniExcel writes text as a typed string cell, never a formula).</summary>
    static object Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        int or long or decimal or double => value,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string CsvField(object value)
    {
        var text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
        if (value is string && StartsLikeFormula(text)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim() ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
