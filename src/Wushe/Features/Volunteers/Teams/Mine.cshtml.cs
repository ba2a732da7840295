using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 我的队伍 (phone first): the volunteer's memberships with status, role and the reason of a decline or removal, leave with
/// confirmation (<see cref="LeaveTeam"/>); for a team they lead, its applications (approve / decline) and roster; and the teams near
/// them to apply to (<see cref="MyTeams.Browse"/>, ?keyword=).
/// </summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public ReviewTeamApplication.Request Review { get; set; } = new(null);

    public IReadOnlyList<MyTeams.Membership>? Memberships { get; private set; }
    public List<MyTeams.TeamRoster> Led { get; private set; } = [];
    public PageOf<MyTeams.NearTeam>? Near { get; private set; }

    public async Task OnGetAsync()
    {
        Memberships = (await MyTeams.Mine(db, me)).Value;
        if (Memberships is null) return;
        foreach (var m in Memberships.Where(m => m.Leads))
            if ((await MyTeams.Roster(db, me, m.TeamId)).Value is { } roster) Led.Add(roster);
        Near = (await MyTeams.Browse(db, me, Keyword, PageNumber is >= 1 ? PageNumber : null, Platform.Outcomes.Paging.Sizes.Contains(Size ?? 0) ? Size : 10)).Value;
    }

    public Task<IActionResult> OnPostApplyAsync(Guid teamId) =>
        Run(() => ApplyToTeam.Handle(db, me, clock, teamId), Lang.T("已提交申请，等待审核", "Applied; waiting for a decision"));

    public Task<IActionResult> OnPostLeaveAsync(Guid memberId) =>
        Run(() => LeaveTeam.Handle(db, me, clock, memberId), Lang.T("已退出", "Done"));

    public Task<IActionResult> OnPostReviewAsync(Guid memberId)
    {
        var r = Review;
        return Run(() => ReviewTeamApplication.ByLeader(db, me, clock, memberId, r),
            r.Approve == true ? Lang.T("已通过申请", "Approved") : Lang.T("已不予通过，申请人会看到原因", "Declined; the applicant sees why"));
    }

    async Task<IActionResult> Run<T>(Func<Task<Result<T>>> useCase, string done)
    {
        var result = ModelState.IsValid ? await useCase() : Platform.Web.PageForms.Unparsed;
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect("/Volunteers/Teams/Mine");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        foreach (var m in result.Failure.Errors?.Values.SelectMany(v => v) ?? [result.Failure.Title]) ModelState.AddModelError("", m);
        await OnGetAsync();
        return Page();
    }
}
