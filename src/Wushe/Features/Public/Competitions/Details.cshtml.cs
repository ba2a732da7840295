using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Platform.Web;

namespace Wushe.Features.Public.Competitions;

/// <summary>申报通知 (no sign-in, <see cref="GetPublicCompetition"/>): a published call as a notice; a draft, a withdrawn call or none is 404 in the visitor's terms.</summary>
public sealed class DetailsModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetPublicCompetition.Notice Call { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await GetPublicCompetition.Handle(db, clock, Id);
        if (!result.IsOk) return this.Refused(result.Failure!);
        Call = result.Value!;
        return Page();
    }
}
