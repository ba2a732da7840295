using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// A team's page (<see cref="GetTeam"/>): its statistics, applications (approve / decline with a reason), members (roles, removal with a
/// reason), those who left; staff who manage add a volunteer of their register by number, edit and dissolve the team.
/// </summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record AddInput
    {
        [Label("志愿者编号", "Volunteer number")] public string? VolunteerNo { get; init; }
        [Label("队内职务", "Role")] public TeamRole? Role { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AddInput Add { get; set; } = new();
    [BindProperty] public ReviewTeamApplication.Request Review { get; set; } = new(null);
    [BindProperty] public SetTeamMemberRole.Request Role { get; set; } = new(null);
    [BindProperty] public RemoveTeamMember.Request Remove { get; set; } = new(null);
    [BindProperty] public DissolveTeam.Request Dissolve { get; set; } = new(null);

    public GetTeam.Details? Team { get; private set; }
    public bool CanManage => me.Has(VolunteersPermissions.Manage);
    /// <summary>Which form failed (add, review-{member}, role-{member}, remove-{member}, dissolve), to open it again with its message.</summary>
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync() => (Team = (await GetTeam.Handle(db, clock, Id)).Value) is not null;

    public Task<IActionResult> OnPostAddAsync()
    {
        var r = Add;
        return Run("add", "Add.", async Task<Result<AddTeamMember.Added>> () =>
        {
            var no = r.VolunteerNo?.Trim().ToUpperInvariant() ?? "";
            if (no.Length == 0) return Failure.Invalid("volunteerNo", Lang.T("请输入志愿者编号", "Give the volunteer number"));
            var id = await db.Set<Volunteer>().Where(v => v.VolunteerNo == no).Select(v => (Guid?)v.Id).FirstOrDefaultAsync();
            if (id is null) return Failure.Invalid("volunteerNo", Lang.T("本区划的名册中没有该编号的志愿者", "No volunteer of your register has this number"));
            var added = await AddTeamMember.Handle(db, me, clock, Id, new AddTeamMember.Request(id, r.Role));
            return added.IsOk || added.Failure!.Errors is not { } errors || !errors.ContainsKey("volunteerId") ? added
                : Failure.Invalid("volunteerNo", errors["volunteerId"][0]);
        }, Lang.T("已添加队员", "Member added"));
    }

    public Task<IActionResult> OnPostReviewAsync(Guid memberId)
    {
        var r = Review;
        return Run($"review-{memberId}", "Review.", () => ReviewTeamApplication.ByStaff(db, me, clock, memberId, r),
            r.Approve == true ? Lang.T("已通过申请", "Approved") : Lang.T("已不予通过，申请人会看到原因", "Declined; the applicant sees why"));
    }

    public Task<IActionResult> OnPostRoleAsync(Guid memberId)
    {
        var r = Role;
        return Run($"role-{memberId}", "Role.", () => SetTeamMemberRole.Handle(db, memberId, r), Lang.T("职务已设置", "Role set"));
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid memberId)
    {
        var r = Remove;
        return Run($"remove-{memberId}", "Remove.", () => RemoveTeamMember.Handle(db, me, clock, memberId, r), Lang.T("已移出，本人会看到移出原因", "Removed; they see why"));
    }

    public Task<IActionResult> OnPostDissolveAsync()
    {
        var r = Dissolve;
        return Run("dissolve", "Dissolve.", () => DissolveTeam.Handle(db, me, clock, Id, r), Lang.T("队伍已解散", "The team was dissolved"));
    }

    async Task<IActionResult> Run<T>(string form, string prefix, Func<Task<Result<T>>> useCase, string done)
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed(prefix, () => new Errors(), useCase);
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Volunteers/Teams/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        if (result.Failure.Errors is null) { ModelState.Remove(""); ModelState.AddModelError(prefix + "Form", result.Failure.Title); }
        Open = form;
        return await LoadAsync() ? Page() : NotFound();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
