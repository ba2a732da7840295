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

/// <summary>考试统计 (<see cref="ExamFigures"/>): tree-left; the year's sat, passed and pass rate beside the year before with record marks, by level and child area, and a chart over the years.</summary>
[Authorize(ExamsPermissions.ViewPolicy)]
public sealed class FiguresModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("考试年度", "Year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true), Label("级别", "Level")] public SocialWorkLevel? Level { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public ExamFigures.Report? Report { get; private set; }

    int? Parsed(string field, int? value) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? null : value;

    public async Task<IActionResult> OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var level = ModelState.TryGetValue(nameof(Level), out var e) && e.Errors.Count > 0 ? null : Level;
        var result = await ExamFigures.Handle(db, me, clock, new(Area, Parsed(nameof(Year), Year), level), HttpContext.RequestAborted);
        if (result.IsOk) Report = result.Value;
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else ModelState.AddFailure(result.Failure, "");
        return Page();
    }

    public string AreaUrl(string area, int? year = null) => $"/Workforce/Exams/Figures?area={area}&year={year ?? Report?.Year}&level={Level}";
}
