using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>新建培训 (no id) and 修改培训 (?id=): the rules of <see cref="SaveTraining"/>; the organizer's fields follow its kind, the host area from the cascader.</summary>
[Authorize(WorkforcePermissions.TrainPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveTraining.Request Input { get; set; } = new();

    public GetTraining.Details? Existing { get; private set; }
    public sealed record Choice(Guid Id, string Name);
    public List<Choice> Stations { get; private set; } = [];
    public List<Choice> Organizations { get; private set; } = [];
    public bool OwnOrganizationOnly => me.ActingOrganization is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null)
        {
            if (!await LoadAsync()) return NotFound();
            var t = Existing!;
            Input = new SaveTraining.Request
            {
                Title = t.Title, Kind = t.Kind, OrganizerKind = t.OrganizerKind, OrganizerName = t.OrganizerName, StationId = t.StationId, OrganizationId = t.OrganizationId,
                AreaCode = t.AreaCode, StartsOn = t.StartsOn, EndsOn = t.EndsOn, Hours = t.Minutes / 60m, Place = t.Place, Capacity = t.Capacity, Version = t.Version,
            };
        }
        else
        {
            var today = ChinaTime.Today(clock);
            Input = me.ActingOrganization is { } own
                ? new SaveTraining.Request { OrganizerKind = TrainingOrganizerKind.Organization, OrganizationId = own, AreaCode = me.Active?.AreaCode, StartsOn = today, EndsOn = today, Kind = TrainingKind.Other }
                : new SaveTraining.Request { AreaCode = me.Active?.AreaCode, StartsOn = today, EndsOn = today, Kind = TrainingKind.Rotating };
        }
        await ChoicesAsync();
        return Page();
    }

    async Task<bool> LoadAsync() => Id is { } id && (Existing = (await GetTraining.Handle(db, id)).Value) is not null;

    async Task ChoicesAsync()
    {
        Stations = await db.Stations.Where(s => s.Status == StationStatus.Active).OrderBy(s => s.AreaCode).ThenBy(s => s.Name).Take(500)
            .Select(s => new Choice(s.Id, s.Name)).ToListAsync();
        var orgs = db.Organizations.Where(o => o.Status == OrganizationStatus.Registered || o.Status == OrganizationStatus.Incubating);
        if (me.ActingOrganization is { } own) orgs = db.Organizations.Where(o => o.Id == own);
        Organizations = await orgs.OrderBy(o => o.Name).Take(500).Select(o => new Choice(o.Id, o.Name)).ToListAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        Result<Guid> result;
        if (Id is { } id)
        {
            var edited = await ModelState.IfParsed("Input.", () => SaveTraining.Validate(input, ChinaTime.Today(clock)), () => SaveTraining.Edit(db, me, clock, id, input));
            result = edited.IsOk ? id : edited.Failure!;
        }
        else result = await ModelState.IfParsed("Input.", () => SaveTraining.Validate(input, ChinaTime.Today(clock)), () => SaveTraining.Add(db, me, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("新增成功", "Added") : Lang.T("修改成功", "Saved");
            return Redirect($"/Workforce/Trainings/Details/{result.Value}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        if (Id is not null && !await LoadAsync()) return NotFound();
        await ChoicesAsync();
        return Page();
    }

    public string Invalid(string field) => ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
