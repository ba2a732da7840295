using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions.Awards;

/// <summary>资助项目 (/Competitions/Awards): the awards of the scope or of one call (organization staff: their own), searched, sorted, paged (<see cref="ListAwards"/>), exported (<see cref="ExportAwards"/>).</summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public AwardStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<ListAwards.Row> Awards { get; private set; } = new([], 0, 1, 20);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null;

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size, null);
        Awards = await ListAwards.Handle(db, ModelState.IsValid ? new(CallId, Keyword, Status, Sort, PageNumber, Size) : new(CallId, Keyword, Status, Sort));
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        ModelState.AddListProblems(null, null, null);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportAwards.Handle(db, clock, new(CallId, Keyword, Status, Sort));
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }
}
