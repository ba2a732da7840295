using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>修改志愿活动 (<see cref="EditActivity"/>): the activity's own fields and whom it is open to; shifts are shown, not changed here.</summary>
[Authorize(VolunteersPermissions.OrganizeActivitiesPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public EditActivity.Request Input { get; set; } = new();

    public GetActivity.Details? Activity { get; private set; }
    public List<Wushe.Features.Volunteers.Teams.GetTeam.Choice> TeamChoices { get; private set; } = [];
    /// <summary>For an activity an organization holds: its registered name, the activity's organizer (not typed); null otherwise.</summary>
    public string? OrganizationName { get; private set; }
    /// <summary>Why the organization may not change it now (suspended or deregistered); null while it may.</summary>
    public string? Halted { get; private set; }

    async Task<bool> LoadAsync()
    {
        if ((Activity = (await GetActivity.Handle(db, clock, Id)).Value) is null) return false;
        TeamChoices = await Wushe.Features.Volunteers.Teams.GetTeam.ChoicesAsync(db);
        // A team chosen before and now dissolved or out of the list stays visible, so that saving does not drop it unnoticed.
        foreach (var t in Activity.Teams.Where(t => TeamChoices.All(c => c.Id != t.Id))) TeamChoices.Add(new(t.Id, t.Name, t.Brand));
        // An activity an organization holds keeps its registered name as organizer, whoever edits it.
        if ((Activity.OrganizationId ?? me.ActingOrganization) is { } organization) OrganizationName = await Organizations.OrganizationAccess.NameAsync(db, organization);
        Halted = await ActivityOrganizers.HaltedAsync(db, HttpContext.RequestAborted);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var a = Activity!;
        if (a.Status != ActivityStatus.Published) return Redirect($"/Volunteers/Activities/Details/{Id}");
        Input = new EditActivity.Request
        {
            Title = a.Title, Kind = a.Kind, TargetGroup = a.TargetGroup, Place = a.Place, Latitude = a.Latitude, Longitude = a.Longitude, GeofenceMeters = a.GeofenceMeters,
            Description = a.Description, SkillsWanted = a.SkillsWanted, CutoffHours = a.CutoffHours, OrganizerName = a.OrganizerName, OpenTo = a.OpenTo,
            TeamIds = a.Teams.Select(t => t.Id).ToList(), Version = a.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => PublishActivity.ValidateFields(input.AsPublished()), () => EditActivity.Handle(db, me, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("修改成功", "Saved");
            return Redirect($"/Volunteers/Activities/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return await LoadAsync() ? Page() : NotFound();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
