using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>补录时长（荣誉时） (<see cref="AddHonourHours"/>): service done offline, with the reason and the evidence; marked as back-filled.</summary>
[Authorize(VolunteersPermissions.OrganizePolicy)]
public sealed class HonourModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public AddHonourHours.Request Input { get; set; } = new(null, null, null, null, null, null, null, null, null, null);

    public void OnGet(string? area, Guid? activityId, string? volunteerNo)
    {
        var code = Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
        Input = new(volunteerNo, activityId, code is not null && me.Scope.Covers(code) ? code : null, ChinaTime.Today(clock).AddDays(-1), new TimeOnly(9, 0), null, null, null, null, null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => new Platform.Outcomes.Errors(), () => AddHonourHours.Handle(db, me, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已为 {result.Value!.VolunteerName} 补录 {VolunteerHours.Format(result.Value.Minutes)} 小时，{ChinaTime.Format(result.Value.FinalOn)} 公示期满后生效",
                $"{VolunteerHours.Format(result.Value!.Minutes)} hours back-filled for {result.Value.VolunteerName}; final on {ChinaTime.Format(result.Value.FinalOn)}");
            return Redirect($"/Volunteers/Hours/Details/{result.Value.Id}");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        if (result.Failure!.Errors is null) ModelState.AddModelError("", result.Failure.Title);
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
