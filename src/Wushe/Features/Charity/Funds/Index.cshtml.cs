using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Funds;

/// <summary>社区慈善基金 (staff): tree-left, list-right; search and status, the list's totals, paging keeping the search (<see cref="ListFunds"/>).</summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public FundStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public ListFunds.Response Funds { get; private set; } = new(new([], 0, 1, 20), 0, 0, 0, 0, 0);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(CharityPermissions.ManageFunds);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListFunds.Query(Area, Keyword, Status, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        Funds = await ListFunds.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListFunds.Query(Area, Keyword, Status);
        ModelState.AddListProblems(null, null, Area, null, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportFunds.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }
}
