using System.Text.RegularExpressions;
using MiniExcelLibs;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>导出: the station list downloads as Excel, following the search, with masked phones.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class ExportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Bijie_exports_its_279_township_stations_with_Chinese_headers_and_masked_phones()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "bijie");
        await page.GotoAsync("/Stations?level=TownshipStation");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-stations"));
        Assert.Matches(@"^社工站名册_\d{8}\.xlsx$", download.SuggestedFilename);
        var path = await download.PathAsync();
        var rows = MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(279, rows.Count);
        Assert.All(rows, r => Assert.Equal("乡镇（街道）社工站", r["层级"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{3}\*{4}\d{4}$", (string)r["联系电话"]));
    }
}
