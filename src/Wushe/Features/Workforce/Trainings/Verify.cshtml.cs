using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Volunteers.Certificates;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>培训证明验证: the public page (no sign-in) a certificate's QR code opens (<c>?no=</c>), or where its number is typed (<see cref="VerifyTrainingCertificate"/>).</summary>
[AllowAnonymous]
public sealed class VerifyModel(AppDb db, VerifyLimits limits) : PageModel
{
    [BindProperty] public VerifyTrainingCertificate.Request Input { get; set; } = new();

    public VerifyTrainingCertificate.Verified? Found { get; private set; }

    /// <summary>Why the look-up found nothing to show (rate limit, unknown number); null otherwise.</summary>
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(string? no)
    {
        Input = new VerifyTrainingCertificate.Request(no);
        if (!string.IsNullOrWhiteSpace(no)) Show(await VerifyTrainingCertificate.Handle(db, limits, Origin, Input));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        Show(await ModelState.IfParsed("Input.", () => VerifyTrainingCertificate.Validate(input), () => VerifyTrainingCertificate.Handle(db, limits, Origin, input)));
        return Page();
    }

    string? Origin => HttpContext.Connection.RemoteIpAddress?.ToString();

    void Show(Result<VerifyTrainingCertificate.Verified> result)
    {
        if (result.IsOk) { Found = result.Value; return; }
        if (result.Failure!.Kind == FailureKind.TooManyRequests)
        {
            Response.SetRetryAfter(result.Failure.RetryAfter);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        if (result.Failure.Errors is not { Count: > 0 }) Refusal = result.Failure.Title;
        else ModelState.AddFailure(result.Failure, "Input.");
    }

    public string Invalid(string key) => ViewData.ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
