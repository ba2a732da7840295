using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>登记志愿者: staff enter a paper registration form (<see cref="RegisterVolunteer"/>).</summary>
[Authorize(VolunteersPermissions.ManagePolicy)]
public sealed class RegisterModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty] public VolunteerForm.Request Input { get; set; } = new();

    public void OnGet(string? area)
    {
        var code = Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
        if (code is not null && me.Scope.Covers(code) && Platform.Areas.AreaCode.LevelOf(code) == Platform.Areas.AreaLevel.Village) Input = Input with { AreaCode = code };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => VolunteerForm.Validate(input, ChinaTime.Today(clock)), () => RegisterVolunteer.Handle(db, me, sealer, clock, input));
        if (!result.IsOk)
        {
            ModelState.AddFailure(result.Failure!, "Input.");
            return Page();
        }
        TempData["Toast"] = Lang.T($"登记成功，志愿者编号 {result.Value!.VolunteerNo}", $"Registered: volunteer number {result.Value!.VolunteerNo}");
        return Redirect($"/Volunteers/Details/{result.Value.Id}");
    }
}
