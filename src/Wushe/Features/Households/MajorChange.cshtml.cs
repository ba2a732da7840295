using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>报告重大变故 of a household (<c>?household=</c>): a visit falls due by the next day.</summary>
[Authorize(HouseholdsPermissions.VisitPolicy)]
public sealed class MajorChangeModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "household")] public Guid HouseholdId { get; set; }
    [BindProperty] public ReportMajorChange.Request Input { get; set; } = new(null, null);

    public VisitContext.Info Household { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await VisitContext.LoadAsync(db, HouseholdId) is not { } info) return NotFound();
        Household = info;
        Input = new ReportMajorChange.Request(ChinaTime.Today(clock), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await VisitContext.LoadAsync(db, HouseholdId) is not { } info) return NotFound();
        Household = info;
        var result = await ModelState.IfParsed("Input.", () => ReportMajorChange.Validate(Input, ChinaTime.Today(clock)), () => ReportMajorChange.Handle(db, clock, HouseholdId, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已报告，请于 {ChinaTime.Format(result.Value!.NextDueOn)} 前完成探访", $"Reported: visit by {ChinaTime.Format(result.Value!.NextDueOn)}");
            return Redirect($"/Households/Details/{HouseholdId}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }
}
