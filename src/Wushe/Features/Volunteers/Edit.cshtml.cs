using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>修改志愿者信息 (<see cref="EditVolunteer"/>): the ID shown masked and not editable; empty phone boxes keep what is stored.</summary>
[Authorize(VolunteersPermissions.ManagePolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public EditVolunteer.Request Input { get; set; } = new();
    public GetVolunteer.Details? Volunteer { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var v = Volunteer!;
        Input = new EditVolunteer.Request
        {
            Name = v.Name, AreaCode = v.AreaCode, Skills = v.Skills, SkillNotes = v.SkillNotes, Availability = v.Availability, GuardianName = v.GuardianName,
            GuardianRelation = v.GuardianRelation, GuardianConsentOn = v.GuardianConsentOn, SelfSupporting = v.SelfSupporting, Version = v.Version,
        };
        return Page();
    }

    async Task<bool> LoadAsync() => (Volunteer = (await GetVolunteer.Handle(db, clock, Id)).Value) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => new Errors(), () => EditVolunteer.Handle(db, me, sealer, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("保存成功", "Saved");
            return Redirect($"/Volunteers/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return await LoadAsync() ? Page() : NotFound();
    }
}
