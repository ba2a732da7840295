using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Wushe.Data;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>签到二维码 (<see cref="ShiftCheckIn"/>): the screen the organizer shows on site — QR code and six digits, renewed every minute (the page reloads itself).</summary>
[Authorize(VolunteersPermissions.OrganizeActivitiesPolicy)]
public sealed class CodeModel(AppDb db, CheckInCodes codes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ShiftId { get; set; }

    public ShiftCheckIn.Screen? Screen { get; private set; }
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await ShiftCheckIn.Handle(db, codes, clock, ShiftId);
        if (result.Failure is { Kind: Platform.Outcomes.FailureKind.Conflict } refused)
        {
            // The organization may not act now: the attendance page says why, and shows what was recorded.
            TempData["ToastError"] = refused.Title;
            return Redirect($"/Volunteers/Hours/Attendance/{ShiftId}");
        }
        if ((Screen = result.Value) is null) return NotFound();
        // The platform's public address (Wushe:PublicBaseUrl): a printed code must not carry an internal or caller-chosen host.
        var baseUrl = Platform.Web.PublicAddress.Of(HttpContext);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(baseUrl + Screen.Url, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(8);
        return Page();
    }
}
