using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>慈善资金统计 (staff): tree-left, an area and a period of months; raised and spent by donor type, campaign, purpose, child area and fund, the report's sentence, 导出 (<see cref="CharityReport"/>).</summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class ReportModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("统计年度", "Year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true), Label("开始月份", "From month")] public int? FromMonth { get; set; }
    [BindProperty(SupportsGet = true), Label("结束月份", "To month")] public int? ToMonth { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public CharityReport.Report? Report { get; private set; }
    public DateOnly Today => ChinaTime.Today(clock);

    CharityReport.Query Query => new(Area, Parsed(nameof(Year), Year), Parsed(nameof(FromMonth), FromMonth), Parsed(nameof(ToMonth), ToMonth));

    /// <summary>A value that did not parse is shown as a condition not applied, and the default is used.</summary>
    int? Parsed(string field, int? value) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? null : value;

    public async Task<IActionResult> OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var result = await CharityReport.Handle(db, me, clock, Query);
        if (result.IsOk) Report = result.Value;
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else ModelState.AddFailure(result.Failure, "");
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!ModelState.IsValid) return this.ExportRefused();
        var result = await ExportCharityReport.Handle(db, me, clock, Query);
        if (result.IsOk) return File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName);
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        return this.ExportRefused();
    }

    public string PeriodUrl(string area) => $"/Charity/Report?area={area}&year={Report!.Period.Year}&fromMonth={Report.Period.FromMonth}&toMonth={Report.Period.ToMonth}";
}
