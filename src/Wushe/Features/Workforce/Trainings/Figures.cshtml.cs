using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>培训统计 (<see cref="TrainingFigures"/>): tree-left; the period's courses and trainee-times, by kind, child area and month, with a chart.</summary>
[Authorize(WorkforcePermissions.FiguresPolicy)]
public sealed class FiguresModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true), Label("年度", "Year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true), Label("起始月份", "From month")] public int? FromMonth { get; set; }
    [BindProperty(SupportsGet = true), Label("截止月份", "To month")] public int? ToMonth { get; set; }
    [BindProperty(SupportsGet = true), Label("培训类型", "Kind")] public TrainingKind? Kind { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public TrainingFigures.Report? Report { get; private set; }

    T? Parsed<T>(string field, T? value) where T : struct => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? null : value;

    public async Task<IActionResult> OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var result = await TrainingFigures.Handle(db, me, clock,
            new(Area, Parsed(nameof(Year), Year), Parsed(nameof(FromMonth), FromMonth), Parsed(nameof(ToMonth), ToMonth), Parsed(nameof(Kind), Kind)), HttpContext.RequestAborted);
        if (result.IsOk) Report = result.Value;
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else ModelState.AddFailure(result.Failure, "");
        return Page();
    }

    public string AreaUrl(string area) => $"/Workforce/Trainings/Figures?area={area}&year={Report?.Year}&fromMonth={Report?.FromMonth}&toMonth={Report?.ToMonth}&kind={Kind}";
}
