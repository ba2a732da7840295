using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>附近的活动 (phone first): published activities near the volunteer with shifts still open; sign up for a shift here (<see cref="SignUpForShift"/>).</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class BrowseModel(AppDb db, CurrentUser me, TimeProvider clock, SignUpLanes lanes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Near { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<VolunteerActivities.OpenActivity>? Activities { get; private set; }

    public async Task OnGetAsync() => Activities = (await VolunteerActivities.Browse(db, me, clock, Near == "township" ? "township" : null, PageNumber is >= 1 ? PageNumber : null, Platform.Outcomes.Paging.Sizes.Contains(Size ?? 0) ? Size : 10)).Value;

    public async Task<IActionResult> OnPostAsync(Guid shiftId)
    {
        var result = await SignUpForShift.Handle(db, me, clock, lanes, shiftId);
        if (result.IsOk)
        {
            TempData["Toast"] = result.Value!.Status == SignUpStatus.Confirmed
                ? Lang.T("报名成功，请按时参加", "Signed up: please be on time")
                : Lang.T($"名额已满，您已进入候补（第 {result.Value.WaitlistPosition} 位），有人取消时自动递补", $"Full: you are waitlisted (number {result.Value.WaitlistPosition}) and move up when someone cancels");
            return Redirect("/Volunteers/Activities/Mine");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddModelError("", result.Failure.Title);
        await OnGetAsync();
        return Page();
    }
}
