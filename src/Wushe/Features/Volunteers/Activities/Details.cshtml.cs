using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>志愿活动详情: the activity, each shift's places and roster; organizers change places, remove a volunteer with a reason, cancel the activity.</summary>
[Authorize(VolunteersPermissions.ViewActivitiesPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ManageSignUps.CapacityRequest Capacity { get; set; } = new(null);
    [BindProperty] public ManageSignUps.RemoveRequest Remove { get; set; } = new(null);
    [BindProperty] public CancelActivity.Request Cancel { get; set; } = new(null);

    public GetActivity.Details? Activity { get; private set; }
    public bool CanOrganize => me.Has(VolunteersPermissions.OrganizeActivities);
    /// <summary>Why the user's organization may not act now (suspended, deregistered): it reads and may cancel, nothing more.</summary>
    public string? Halted { get; private set; }
    /// <summary>Edit, places, removals: an organizer whose organization may act.</summary>
    public bool CanChange => CanOrganize && Halted is null;
    /// <summary>The teams' pages are the register's keepers' (<see cref="VolunteersPermissions.View"/>); an organization reads their names.</summary>
    public bool SeesTeams => me.Has(VolunteersPermissions.View);
    /// <summary>Which form failed (capacity-{shift}, remove-{signUp}, cancel), to open it again with its message.</summary>
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync()
    {
        Halted = await ActivityOrganizers.HaltedAsync(db, HttpContext.RequestAborted);
        return (Activity = (await GetActivity.Handle(db, clock, Id)).Value) is not null;
    }

    public Task<IActionResult> OnPostCapacityAsync(Guid shiftId)
    {
        var r = Capacity;
        return Run($"capacity-{shiftId}", "Capacity.", () => ManageSignUps.ChangeCapacity(db, clock, shiftId, r), Lang.T("名额已调整", "Places changed"));
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid signUpId)
    {
        var r = Remove;
        return Run($"remove-{signUpId}", "Remove.", () => ManageSignUps.Remove(db, clock, signUpId, r), Lang.T("已移出", "Removed"));
    }

    public Task<IActionResult> OnPostCancelAsync()
    {
        var r = Cancel;
        return Run("cancel", "Cancel.", () => CancelActivity.Handle(db, clock, Id, r), Lang.T("活动已取消，已报名的志愿者会看到取消原因", "Cancelled; the volunteers signed up see why"));
    }

    async Task<IActionResult> Run<T>(string form, string prefix, Func<Task<Result<T>>> useCase, string done)
    {
        if (!CanOrganize) return Forbid();
        var result = await ModelState.IfParsed(prefix, () => new Errors(), useCase);
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Volunteers/Activities/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        if (result.Failure.Errors is null) { ModelState.Remove(""); ModelState.AddModelError(prefix + "Form", result.Failure.Title); }
        Open = form;
        return await LoadAsync() ? Page() : NotFound();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
