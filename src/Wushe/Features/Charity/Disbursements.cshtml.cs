using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>拨付申请 (staff, committee): the requests of every fund of the scope, search and status, paging keeping them (<see cref="ListDisbursements"/>).</summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class DisbursementsModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public DisbursementStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<ListDisbursements.Row> Requests { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size, null, null, null);
        Requests = (await ListDisbursements.Handle(db, ModelState.IsValid ? new(null, Status, Keyword, PageNumber, Size) : new(null, Status, Keyword))).Value!;
    }
}
