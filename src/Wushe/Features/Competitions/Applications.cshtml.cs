using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>申报列表: a call's applications for its host (<see cref="ListApplications"/>): status tabs with counts, search, focus, sort, paging, export.</summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class ApplicationsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public ApplicationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("服务领域", "Focus")] public FocusArea? Focus { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public ListApplications.Listed? Listed { get; private set; }
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null || Focus is not null;

    ListApplications.Query Query(int? page, int? size) => new(Keyword, Status, Focus, Sort, page, size);

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, null, query, query);
        var result = await ListApplications.Handle(db, me, CallId, ModelState.IsValid ? query : Query(null, null) with { Sort = null });
        if (!result.IsOk) return NotFound();
        Listed = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, null, query, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var result = await ExportApplications.Handle(db, me, clock, CallId, query);
        return result.IsOk ? File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName) : NotFound();
    }

    public string PageUrl(int page, string? sort = null, bool tab = false, ApplicationStatus? status = null) =>
        $"/Competitions/Applications?callId={CallId}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={(tab ? status : Status)}&focus={Focus}&sort={sort ?? Sort}&page={page}&size={Listed?.Applications.Size}";
}
