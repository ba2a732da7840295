using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>出具志愿服务证明 for a volunteer of the scope (from the volunteer's details): the period, and the responsible person and contact if not the station's.</summary>
[Authorize(VolunteersPermissions.OrganizePolicy)]
public sealed class IssueModel(AppDb db, CurrentUser me, TimeProvider clock, Platform.Sensitive.Sealer sealer) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid VolunteerId { get; set; }
    [BindProperty] public IssueCertificate.Request Input { get; set; } = new();

    public GetVolunteer.Details? Volunteer { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var today = ChinaTime.Today(clock);
        Input = new IssueCertificate.Request(VolunteerId, new DateOnly(today.Year, 1, 1), today);
        return Page();
    }

    async Task<bool> LoadAsync() => (Volunteer = (await GetVolunteer.Handle(db, clock, VolunteerId)).Value) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input with { VolunteerId = VolunteerId };
        var result = await ModelState.IfParsed("Input.", () => IssueCertificate.Validate(input.From, input.To, ChinaTime.Today(clock)),
            () => IssueCertificate.Handle(db, me, clock, sealer, Platform.Web.PublicAddress.Of(HttpContext), input));
        if (result.IsOk)
        {
            var c = result.Value!;
            TempData["Toast"] = c.Existing
                ? Lang.T($"该期间的证明已出具过（{c.Number}），未重复出具", $"This period was certified already ({c.Number}); no second certificate")
                : Lang.T($"已出具证明 {c.Number}", $"Certificate {c.Number} issued");
            return Redirect($"/Volunteers/Certificates?volunteerId={VolunteerId}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return await LoadAsync() ? Page() : NotFound();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
