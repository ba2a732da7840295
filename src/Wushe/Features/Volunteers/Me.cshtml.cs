using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>我的志愿服务: the volunteer's own page (phone first): their registration and number, and their skills and availability to keep.</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class MeModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public EditMyVolunteer.Request Input { get; set; } = new(null, null, null);
    public GetVolunteer.Details? Volunteer { get; private set; }
    public bool Editing { get; private set; }

    public async Task OnGetAsync(bool? edit)
    {
        await LoadAsync();
        Editing = edit == true;
        if (Volunteer is { } v) Input = new(v.Skills, v.SkillNotes, v.Availability, v.Version);
    }

    async Task LoadAsync() => Volunteer = (await GetVolunteer.Mine(db, me, clock)).Value;

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => new Errors(), () => EditMyVolunteer.Handle(db, me, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("保存成功", "Saved");
            return Redirect("/Volunteers/Me");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        Editing = true;
        await LoadAsync();
        return Page();
    }
}
