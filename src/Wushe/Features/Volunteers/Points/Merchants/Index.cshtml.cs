using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Points.Merchants;

/// <summary>美德信用商户 (staff): tree-left, list-right; search, kind and status, paging keeping the search (<see cref="ListMerchants"/>).</summary>
[Authorize(PointsPermissions.ViewMerchantsPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("类型", "Kind")] public MerchantKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public MerchantStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListMerchants.Row> Merchants { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(PointsPermissions.ManageMerchants);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Kind is not null || Status is not null;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListMerchants.Query(Area, Keyword, Kind, Status, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        Merchants = await ListMerchants.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListMerchants.Query(Area, Keyword, Kind, Status);
        ModelState.AddListProblems(null, null, Area, query: query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportMerchants.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    /// <summary>This list's address with its conditions and <paramref name="handler"/> (export).</summary>
    public string ListUrl(string? handler = null) =>
        $"/Volunteers/Points/Merchants?{(handler is null ? "" : $"handler={handler}&")}area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&kind={Kind}&status={Status}";
}
