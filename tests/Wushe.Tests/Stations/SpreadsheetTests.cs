using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using Wushe.Platform.Export;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Stations;

/// <summary>导出: text a user typed is never read as a formula, in Excel or CSV, in every export (Spreadsheet).</summary>
public sealed class SpreadsheetTests(TestApp app)
{
    static readonly string[] Risky = ["=1+1", "=HYPERLINK(\"http://evil.example\",\"点我\")", "+86-1", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"];

    /// <summary>The sheet's XML and its cells as read back: what Excel sees when it opens the file.</summary>
    static (string Xml, List<IDictionary<string, object>> Rows) Open(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        return (xml, rows);
    }

    static bool HasFormula(string sheetXml) => sheetXml.Contains("<x:f", StringComparison.Ordinal) || sheetXml.Contains("<f>", StringComparison.Ordinal) || sheetXml.Contains("<f ", StringComparison.Ordinal);

    [Fact]
    public async Task Excel_cells_that_start_like_a_formula_are_text()
    {
        var rows = Risky.Select((text, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["序号"] = i + 1, ["内容"] = text }).ToList();
        var (xml, read) = Open(await Spreadsheet.XlsxAsync(rows, "测试"));
        Assert.False(HasFormula(xml), "A cell was written as a formula.");
        // Each starts with the apostrophe that keeps it text when the cell is edited (F2 + Enter), the text otherwise as typed
        // (XML keeps a carriage return as a line feed). Review 7b item 20.
        Assert.Equal(Risky.Select(r => "'" + r.Replace('\r', '\n')), read.Select(r => (string)r["内容"]));
        Assert.All(read, r => Assert.False(Spreadsheet.StartsLikeFormula((string)r["内容"])));
        Assert.Equal(Enumerable.Range(1, Risky.Length).Select(i => (double)i), read.Select(r => Convert.ToDouble(r["序号"])));
    }

    [Fact]
    public void CSV_cells_that_start_like_a_formula_are_marked_as_text()
    {
        var rows = Risky.Select(text => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["内容"] = text, ["数量"] = -1 }).ToList();
        var csv = Encoding.UTF8.GetString(Spreadsheet.Csv(rows)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("内容,数量", lines[0]);
        Assert.Equal("'=1+1,-1", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",-1", lines[2]);
        Assert.Equal("'+86-1,-1", lines[3]);
        Assert.Equal("'@SUM(1+1),-1", lines[5]);
        // Every text cell of the file starts with something other than a formula character.
        Assert.All(lines.Skip(1), l => Assert.DoesNotMatch("^\"?[=+@\t\r-]", l));
    }

    [Fact]
    public async Task The_station_list_export_writes_a_typed_formula_as_text()
    {
        using var admin = await app.CreateClientAsync("admin");
        var code = await Places.NewTownshipAsync(app, "导出测试镇");
        var name = "=HYPERLINK(\"http://evil.example\",\"" + code[6..9] + "\")";
        using var created = await admin.PostAsJsonAsync("/api/v1/stations", new { areaCode = code, level = "TownshipStation", name, contactName = "@SUM(1+1)" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var export = await admin.GetAsync($"/Stations?handler=Export&area={code}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Spreadsheet.XlsxContentType, export.Content.Headers.ContentType?.MediaType);
        var (xml, rows) = Open(await export.Content.ReadAsByteArrayAsync());
        Assert.False(HasFormula(xml), "A cell of the export was written as a formula.");
        var row = Assert.Single(rows);
        Assert.StartsWith("'=HYPERLINK(", (string)row["站点名称"], StringComparison.Ordinal);
        Assert.Equal("'@SUM(1+1)", row["联系人"]);
    }
}
