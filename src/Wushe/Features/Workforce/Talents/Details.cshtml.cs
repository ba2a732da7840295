using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Talents;

/// <summary>A new-talent figure by child area (<see cref="TalentFigures"/>), with its definition; drill down by area.</summary>
[Authorize(TalentsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public TalentFigures.Report? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await TalentFigures.Handle(db, me, clock, Id, Area, HttpContext.RequestAborted);
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (!result.IsOk)
        {
            ModelState.AddFailure(result.Failure!, "");
            result = await TalentFigures.Handle(db, me, clock, Id, null, HttpContext.RequestAborted);
            if (!result.IsOk) return NotFound();
        }
        Report = result.Value;
        return Page();
    }
}
