using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>本机构申报: the calls the organization may apply to now (<see cref="MyCompetitions"/>) and its applications across calls (<see cref="MyApplications"/>), exported as searched (<see cref="ExportMyApplications"/>).</summary>
[Authorize(CompetitionsPermissions.ApplyPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public ApplicationStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<MyCompetitions.Row> Calls { get; private set; } = [];
    public PageOf<MyApplications.Row> Applications { get; private set; } = new([], 0, 1, 20);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Calls = await MyCompetitions.Handle(db, me, clock);
        var query = new MyApplications.Query(Keyword, Status, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, null, query: query);
        Applications = await MyApplications.Handle(db, me, clock, query);
    }

    /// <summary>导出: the organization's applications as searched, as an Excel file (<see cref="ExportMyApplications"/>); a malformed condition exports nothing and says so.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new MyApplications.Query(Keyword, Status);
        ModelState.AddListProblems(null, null, null, query: query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportMyApplications.Handle(db, me, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }
}
