using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>办理进度查询: a resident follows their own need by its number and their mobile number (<see cref="TrackNeed"/>), and rates it once resolved (<see cref="RateNeed"/>).</summary>
[AllowAnonymous]
public sealed class TrackModel(AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits) : PageModel
{
    [BindProperty] public TrackNeed.Request Input { get; set; } = new();
    [BindProperty] public RateNeed.Request Rating { get; set; } = new();

    public TrackNeed.Progress? Progress { get; private set; }
    public bool Elder { get; private set; }
    public string? Done { get; private set; }

    public void OnGet(string? no, bool? elder)
    {
        Elder = ElderMode.Read(HttpContext, elder);
        Input = new TrackNeed.Request { NeedNo = no };
    }

    string? Origin => HttpContext.Connection.RemoteIpAddress?.ToString();

    public async Task<IActionResult> OnPostAsync()
    {
        Elder = ElderMode.Read(HttpContext, null);
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => TrackNeed.Validate(input), () => TrackNeed.Handle(db, sealer, limits, Origin, input));
        if (result.IsOk) Progress = result.Value;
        else Show(result.Failure!, "Input.");
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync()
    {
        Elder = ElderMode.Read(HttpContext, null);
        var rating = Rating;
        Input = new TrackNeed.Request { NeedNo = rating.NeedNo, Phone = rating.Phone };
        var result = await ModelState.IfParsed("Rating.", () => RateNeed.Validate(rating), () => RateNeed.Handle(db, sealer, clock, limits, Origin, rating));
        if (result.IsOk) Done = Lang.T("感谢您的评价！", "Thank you for your rating!");
        else Show(result.Failure!, "Rating.");
        var again = await TrackNeed.Handle(db, sealer, limits, Origin, Input);
        if (again.IsOk) Progress = again.Value;
        return Page();
    }

    void Show(Failure failure, string prefix)
    {
        if (failure.Kind == FailureKind.TooManyRequests) Response.SetRetryAfter(failure.RetryAfter);
        ModelState.AddFailure(failure, prefix);
    }

    public string Invalid(string key) => ViewData.ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
