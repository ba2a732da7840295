using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>我的报名 (phone first): the volunteer's sign-ups, upcoming first; cancel before the cut-off (<see cref="CancelSignUp"/>), with confirmation.</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<VolunteerActivities.MySignUp>? SignUps { get; private set; }

    public async Task OnGetAsync() => SignUps = (await VolunteerActivities.Mine(db, me, clock, PageNumber is >= 1 ? PageNumber : null, Platform.Outcomes.Paging.Sizes.Contains(Size ?? 0) ? Size : 20)).Value;

    public async Task<IActionResult> OnPostCancelAsync(Guid signUpId)
    {
        var result = await CancelSignUp.Handle(db, me, clock, signUpId);
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已取消报名", "Sign-up cancelled");
            return Redirect("/Volunteers/Activities/Mine");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddModelError("", result.Failure.Title);
        await OnGetAsync();
        return Page();
    }
}
