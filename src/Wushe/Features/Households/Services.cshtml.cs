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

namespace Wushe.Features.Households;

/// <summary>服务统计: services, attendances and unique people served for an area and a period, by kind and by child area; every figure clicks through.</summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class ServicesModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("统计年度", "Year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true), Label("开始月份", "From month")] public int? FromMonth { get; set; }
    [BindProperty(SupportsGet = true), Label("结束月份", "To month")] public int? ToMonth { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public ServiceSummary.Summary? Summary { get; private set; }
    public DateOnly Today => ChinaTime.Today(clock);

    ServiceSummary.Query Query => new(Area, Parsed(nameof(Year), Year), Parsed(nameof(FromMonth), FromMonth), Parsed(nameof(ToMonth), ToMonth));

    /// <summary>A value that did not parse is shown as a condition not applied, and the default is used.</summary>
    int? Parsed(string field, int? value) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? null : value;

    public async Task<IActionResult> OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var result = await ServiceSummary.Handle(db, me, clock, Query);
        if (result.IsOk) Summary = result.Value;
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else ModelState.AddFailure(result.Failure, "");
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!ModelState.IsValid) return this.ExportRefused();
        var result = await ExportServiceSummary.Handle(db, me, clock, Query);
        if (result.IsOk) return File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName);
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        return this.ExportRefused();
    }

    public static string PeriodUrl(string? area, int? year, int? fromMonth, int? toMonth) =>
        $"/Households/Services?area={area}&year={year}&fromMonth={fromMonth}&toMonth={toMonth}";

    /// <summary>The records behind a figure: same area and period, optionally one kind.</summary>
    public string RecordsUrl(string area, ServiceKind? kind = null) =>
        $"/Households/ServiceRecords?area={area}&kind={kind}&from={Summary!.From:yyyy-MM-dd}&to={Summary.To:yyyy-MM-dd}";

    /// <summary>The people behind 服务人数（去重）: same area and period, optionally one kind (<see cref="ListServedPeople"/>).</summary>
    public string PeopleUrl(string area, ServiceKind? kind = null) =>
        $"/Households/ServedPeople?area={area}&kind={kind}&from={Summary!.From:yyyy-MM-dd}&to={Summary.To:yyyy-MM-dd}";
}
