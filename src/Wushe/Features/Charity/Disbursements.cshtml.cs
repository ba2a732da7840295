using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>拨付申请 (staff, committee): tree-left, the requests of every fund of the area chosen, search and status, paging and 导出 keeping them (<see cref="ListDisbursements"/>).</summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class DisbursementsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public DisbursementStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<ListDisbursements.Row> Requests { get; private set; } = new([], 0, 1, 20);
    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListDisbursements.Query(null, Status, Keyword, PageNumber, Size, Area);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        Requests = (await ListDisbursements.Handle(db, ModelState.IsValid ? query : query with { Page = null, Size = null, Area = null })).Value!;
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListDisbursements.Query(null, Status, Keyword, null, null, Area);
        ModelState.AddListProblems(null, null, Area, null, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var file = (await ExportDisbursements.Handle(db, clock, query)).Value;
        return File(file.Content, Platform.Export.Spreadsheet.XlsxContentType, file.FileName);
    }
}
