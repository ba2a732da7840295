using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>入围公示 (no sign-in): the ranked shortlist without personal data (<see cref="PublicNotice"/>), the answered objections, and during the period the objection form (<see cref="LodgeObjection"/>), answered by a reference number.</summary>
[AllowAnonymous]
public sealed class PublicNoticeModel(AppDb db, Sealer sealer, TimeProvider clock, ObjectionLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public LodgeObjection.Request Input { get; set; } = new();
    public PublicNotice.Response Notice { get; private set; } = null!;
    public string? Reference { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } refused ? refused : Page();

    async Task<IActionResult?> LoadAsync()
    {
        var result = await PublicNotice.Handle(db, clock, Id);
        if (!result.IsOk) return this.Refused(result.Failure!);
        Notice = result.Value!;
        return null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => LodgeObjection.Validate(input),
            () => LodgeObjection.Handle(db, sealer, clock, limits, HttpContext.Connection.RemoteIpAddress?.ToString(), Id, input));
        if (result.IsOk)
        {
            Reference = result.Value!.Reference;
            Input = new();
            ModelState.Clear();
        }
        else if (result.Failure!.Kind == FailureKind.NotFound) return this.Refused(result.Failure);
        else
        {
            Response.SetRetryAfter(result.Failure.RetryAfter);
            ModelState.AddFailure(result.Failure, "Input.");
        }
        return await LoadAsync() is { } refused ? refused : Page();
    }
}
