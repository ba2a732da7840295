using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>服务记录: the records behind a figure of the service summary, by area, kind and period; search by a person served or a worker; sorted; paged; export.</summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class ServiceRecordsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("服务类型", "Kind")] public ServiceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("开始日期", "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), Label("结束日期", "To")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true), Label("服务对象或服务人员", "Person or worker")] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true), Label("来源", "Source")] public ServiceSource? Source { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListServiceRecords.Row> Records { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }

    ListServiceRecords.Query Query(int? page, int? size) => new(Area, Kind, From, To, page, size, Keyword, Sort, Source);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        // A sort key the list does not know is named above and not applied (the list's default order).
        var result = await ListServiceRecords.Handle(db, clock, query);
        if (result.IsOk) Records = result.Value!;
        else ModelState.AddFailure(result.Failure!, "");
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var result = await ExportServiceRecords.Handle(db, clock, query);
        if (!result.IsOk) return this.ExportRefused();
        var (content, name) = result.Value!;
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null, string? handler = null) =>
        $"/Households/ServiceRecords?{(handler is null ? "" : $"handler={handler}&")}area={Area}&kind={Kind}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&keyword={Uri.EscapeDataString(Keyword ?? "")}&sort={sort ?? Sort}&source={Source}&page={page}&size={Records.Size}";
}
