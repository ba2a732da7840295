using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Exams;

/// <summary>考试成绩: tree-left, list-right (<see cref="ListExamCandidates"/>): year, level, passed, name; ID numbers masked.</summary>
[Authorize(ExamsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("考试年度", "Year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true), Label("级别", "Level")] public SocialWorkLevel? Level { get; set; }
    [BindProperty(SupportsGet = true), Label("是否通过", "Passed")] public bool? Passed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListExamCandidates.Row> Candidates { get; private set; } = new([], 0, 1, 20);
    public bool CanEnter => me.Has(WorkforcePermissions.Exams);
    public bool Searching => Year is not null || Level is not null || Passed is not null || !string.IsNullOrWhiteSpace(Keyword);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var query = new ListExamCandidates.Query(Area, Year, Level, Passed, Keyword, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query: query);
        Candidates = await ListExamCandidates.Handle(db, query);
    }

    /// <summary>导出: the results as searched (<see cref="ExportExamCandidates"/>); conditions that do not parse export nothing.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListExamCandidates.Query(Area, Year, Level, Passed, Keyword);
        ModelState.AddListProblems(null, null, Area, query: query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportExamCandidates.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string ExportUrl => $"/Workforce/Exams?handler=Export&area={Area}&year={Year}&level={Level}&passed={Passed}&keyword={Uri.EscapeDataString(Keyword ?? "")}";
}
