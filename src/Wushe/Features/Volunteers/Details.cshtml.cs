using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>志愿者详情: the registration (masked; reveal with a reason), and the status actions for staff who manage volunteers.</summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel, IRevealHost
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ChangeVolunteerStatus.Request Status { get; set; } = new(null, null);
    [BindProperty] public RevealVolunteerField.Request Reveal { get; set; } = new(null, null);

    public GetVolunteer.Details? Volunteer { get; private set; }
    public bool CanManage => me.Has(VolunteersPermissions.Manage);
    public bool CanOrganize => me.Has(VolunteersPermissions.Organize);
    public bool CanReveal => me.Has(HouseholdsPermissions.Reveal);
    /// <summary>The field shown in full after a reveal (idNumber, phone, guardianPhone) and its value.</summary>
    public (string Field, string Value)? Revealed { get; private set; }
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync() => (Volunteer = (await GetVolunteer.Handle(db, clock, Id)).Value) is not null;

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (!CanManage) return Forbid();
        var status = Status;
        var result = await ModelState.IfParsed("Status.", () => new Errors(), () => ChangeVolunteerStatus.Handle(db, clock, Id, status));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("状态已变更", "Status changed");
            return Redirect($"/Volunteers/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Status.");
        Open = "status";
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevealAsync()
    {
        var reveal = Reveal;
        var result = await ModelState.IfParsed("Reveal.", () => new Errors(), () => RevealVolunteerField.Handle(db, me, sealer, clock, Id, reveal));
        if (result.IsOk) Revealed = (result.Value!.Field, result.Value.Value);
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        else
        {
            ModelState.AddRevealFailure(result.Failure, reveal.Field, "idNumber", "phone", "guardianPhone");
            Open = "reveal-" + reveal.Field;
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public string? Shown(string field) => Revealed is { } r && r.Field == field ? r.Value : null;

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
