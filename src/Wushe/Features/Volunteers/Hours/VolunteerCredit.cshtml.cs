using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>志愿服务信用记录 of a volunteer of the scope (staff): as the volunteer sees theirs (<see cref="CreditRecord.ForVolunteer"/>); out of scope 404.</summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
public sealed class VolunteerCreditModel(AppDb db) : PageModel
{
    public CreditRecord.Response Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if ((await CreditRecord.ForVolunteer(db, id)).Value is not { } r) return NotFound();
        Record = r;
        return Page();
    }
}
