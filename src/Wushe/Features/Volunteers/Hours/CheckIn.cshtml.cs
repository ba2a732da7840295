using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 扫码签到 (phone first): the page the organizer's QR code opens (<c>?t=</c> the token) or where the six digits are typed; the phone's position
/// goes with it for a geofenced activity (<see cref="ScanAttendance"/>). The first scan checks in, the second checks out.
/// </summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class CheckInModel(AppDb db, CurrentUser me, CheckInCodes codes, CheckInLimits limits, TimeProvider clock) : PageModel
{
    [BindProperty] public ScanAttendance.Request Scan { get; set; } = new(null, null, null);

    public ScanAttendance.Answer? Done { get; private set; }

    public void OnGet(string? t) => Scan = new(t is { Length: <= 100 } ? t : null, null, null);

    public async Task<IActionResult> OnPostAsync()
    {
        var r = Scan;
        var result = await ModelState.IfParsed(() => ScanAttendance.Handle(db, me, codes, limits, clock, r));
        if (result.IsOk)
        {
            Done = result.Value;
            Scan = new(null, null, null);
            ModelState.Clear();
            return Page();
        }
        ModelState.AddFailure(result.Failure!, "Scan.");
        if (result.Failure!.Errors is null) ModelState.AddModelError("", result.Failure.Title);
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
