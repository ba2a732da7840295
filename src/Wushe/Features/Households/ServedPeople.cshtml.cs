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

/// <summary>服务对象（去重）: the people behind the summary's 服务人数（去重）, by area, kind, source and period (<see cref="ListServedPeople"/>); paged; export.</summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class ServedPeopleModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("服务类型", "Kind")] public ServiceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("开始日期", "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), Label("结束日期", "To")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true), Label("服务对象姓名", "Name")] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true), Label("来源", "Source")] public ServiceSource? Source { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListServedPeople.Row> People { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    /// <summary>The period the list covers, as the list reads it (this year up to today when no dates are given): "2026-01-01 至 2026-12-01".</summary>
    public string Period { get; private set; } = "";

    ListServedPeople.Query Query(int? page, int? size) => new(Area, Kind, From, To, page, size, Keyword, Sort, Source);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        var (from, to, _) = ListServiceRecords.Period(From, To, Platform.ChinaTime.Today(clock));
        Period = Lang.T($"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}", $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        // A sort key the list does not know is named above and not applied (the list's default order).
        var result = await ListServedPeople.Handle(db, clock, query);
        if (result.IsOk) People = result.Value!;
        else ModelState.AddFailure(result.Failure!, "");
    }

    /// <summary>导出: the same people (every page) as an Excel file; a malformed condition exports nothing and says so.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var result = await ExportServedPeople.Handle(db, clock, query);
        if (!result.IsOk) return this.ExportRefused();
        var (content, name) = result.Value!;
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    /// <summary>This list (or its export, <paramref name="handler"/> "Export") with the same conditions, in another order.</summary>
    public string PageUrl(int page, string? sort = null, string? handler = null) =>
        $"/Households/ServedPeople?{(handler is null ? "" : $"handler={handler}&")}area={Area}&kind={Kind}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&keyword={Uri.EscapeDataString(Keyword ?? "")}&sort={sort ?? Sort}&source={Source}&page={page}&size={People.Size}";

    /// <summary>The export of the people as they are filtered (area, kind, period, name, order).</summary>
    public string ExportUrl => PageUrl(1, handler: "Export");

    /// <summary>The service records of the same area, kind and period.</summary>
    public string RecordsUrl => $"/Households/ServiceRecords?area={Area}&kind={Kind}&source={Source}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";
}
