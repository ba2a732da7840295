using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>申报回执: the printable receipt of a submission (<see cref="GetApplicationReceipt"/>); not submitted: 409 with its words.</summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class ReceiptModel(AppDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetApplicationReceipt.Receipt? Receipt { get; private set; }

    /// <summary>Why there is no receipt yet (a draft), or null.</summary>
    public string? NotYet { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await GetApplicationReceipt.Handle(db, me, Id);
        if (result.IsOk)
        {
            Receipt = result.Value;
            return Page();
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        // Not submitted yet: no receipt — said plainly on the page, with the way back (not the 409 page's "refresh and try again").
        NotYet = result.Failure.Title;
        return Page();
    }
}
