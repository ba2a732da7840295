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
    [BindProperty(SupportsGet = true), Label("开始日期", "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), Label("结束日期", "To")] public DateOnly? To { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public ServiceSummary.Summary? Summary { get; private set; }
    public DateOnly Today => ChinaTime.Today(clock);

    ServiceSummary.Query Query => new(Area, ModelState.ContainsKey(nameof(From)) && ModelState[nameof(From)]!.Errors.Count > 0 ? null : From,
        ModelState.ContainsKey(nameof(To)) && ModelState[nameof(To)]!.Errors.Count > 0 ? null : To);

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
        if (!ModelState.IsValid)
        {
            TempData["ToastError"] = Lang.T("查询条件格式不正确，未导出", "The search conditions are not valid; nothing was exported");
            return Redirect(PeriodUrl(Area, From, To));
        }
        var result = await ExportServiceSummary.Handle(db, me, clock, Query);
        if (result.IsOk) return File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName);
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData["ToastError"] = Lang.T("查询条件格式不正确，未导出", "The search conditions are not valid; nothing was exported");
        return Redirect(PeriodUrl(Area, From, To));
    }

    public static string PeriodUrl(string? area, DateOnly? from, DateOnly? to) => $"/Households/Services?area={area}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    /// <summary>The records behind a figure: same area and period, optionally one kind.</summary>
    public string RecordsUrl(string area, ServiceKind? kind = null) =>
        $"/Households/ServiceRecords?area={area}&kind={kind}&from={Summary!.From:yyyy-MM-dd}&to={Summary.To:yyyy-MM-dd}";
}
