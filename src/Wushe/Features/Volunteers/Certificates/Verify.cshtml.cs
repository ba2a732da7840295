using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>
/// 志愿服务证明验证: the public page (no sign-in) a certificate's QR code opens (<c>?no=</c>), or where its number is typed
/// (<see cref="VerifyCertificate"/>): valid or revoked, the name, period, hours, issuer and day of issue — nothing more.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(AppDb db, VerifyLimits limits) : PageModel
{
    [BindProperty] public VerifyCertificate.Request Input { get; set; } = new();

    public VerifyCertificate.Verified? Found { get; private set; }

    public async Task OnGetAsync(string? no)
    {
        Input = new VerifyCertificate.Request(no);
        if (!string.IsNullOrWhiteSpace(no)) await LookUpAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => VerifyCertificate.Validate(input), () => VerifyCertificate.Handle(db, limits, Origin, input));
        Show(result);
        return Page();
    }

    string? Origin => HttpContext.Connection.RemoteIpAddress?.ToString();

    async Task LookUpAsync() => Show(await VerifyCertificate.Handle(db, limits, Origin, Input));

    void Show(Result<VerifyCertificate.Verified> result)
    {
        if (result.IsOk) { Found = result.Value; return; }
        if (result.Failure!.Kind == FailureKind.TooManyRequests)
        {
            Response.SetRetryAfter(result.Failure.RetryAfter);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        // A look-up refused as a whole (too many, no such number) is said once, above the form — not as a condition of the
        // address that did not parse (which a GET's ?no= would otherwise show as well).
        if (result.Failure.Errors is not { Count: > 0 }) Refusal = result.Failure.Title;
        else ModelState.AddFailure(result.Failure, "Input.");
    }

    /// <summary>Why the look-up found nothing to show (rate limit, unknown number); null otherwise.</summary>
    public string? Refusal { get; private set; }

    public string Invalid(string key) => ViewData.ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
