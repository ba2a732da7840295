using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>评审排名 (<see cref="GetRanking"/>): the rules in words, the scores still missing, the ranked table (searched and paged in rank order), 导出.</summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class RankingModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public GetRanking.Ranking Ranking { get; private set; } = null!;
    public PageOf<GetRanking.Row> Rows { get; private set; } = new([], 0, 1, 20);
    public bool CanHost => me.Has(CompetitionsPermissions.Host);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword);

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        var result = await GetRanking.Handle(db, me, clock, CallId);
        if (!result.IsOk) return this.Refused(result.Failure!);
        Ranking = result.Value!;
        IEnumerable<GetRanking.Row> rows = Ranking.Rows;
        if (Searching)
        {
            var k = Keyword!.Trim();
            rows = rows.Where(r => r.ApplicationNo.Contains(k, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(k, StringComparison.OrdinalIgnoreCase)
                || r.OrganizationName.Contains(k, StringComparison.OrdinalIgnoreCase));
        }
        var found = rows.ToList();
        var (page, size) = Paging.Normalize(ModelState.IsValid ? PageNumber : null, ModelState.IsValid ? Size : null);
        Rows = new PageOf<GetRanking.Row>(found.Skip((page - 1) * size).Take(size).ToList(), found.Count, page, size);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var result = await ExportRanking.Handle(db, me, clock, CallId);
        if (!result.IsOk) return this.Refused(result.Failure!);
        return File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName);
    }

    public static string Points(decimal? value) => value is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
