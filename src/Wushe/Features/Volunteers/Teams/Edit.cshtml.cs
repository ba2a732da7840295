using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>新建 / 修改志愿服务队 (<see cref="SaveTeam"/>): without an id a new team (area, owner, organization), with one the team's own fields.</summary>
[Authorize(VolunteersPermissions.ManagePolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveTeam.Request Input { get; set; } = new();

    public GetTeam.Details? Team { get; private set; }
    /// <summary>Organizations serving the user's area (the server checks the one chosen serves the team's area).</summary>
    public List<ServingOrganizations.Serving> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? area)
    {
        if (Id is { } id)
        {
            if ((Team = (await GetTeam.Handle(db, clock, id)).Value) is not { } t) return NotFound();
            Input = new SaveTeam.Request { Name = t.Name, Brand = t.Brand, Kind = t.Kind, Description = t.Description, FoundedOn = t.FoundedOn, Version = t.Version };
            return Page();
        }
        var code = Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
        Input = new SaveTeam.Request { AreaCode = code is not null && me.Scope.Covers(code) ? code : null, FoundedOn = ChinaTime.Today(clock) };
        await LoadOrganizationsAsync();
        return Page();
    }

    async Task LoadOrganizationsAsync()
    {
        if (me.Active?.AreaCode is { } here) Organizations = await ServingOrganizations.Of(db, here);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => new Errors(),
            () => Id is { } id ? SaveTeam.Edit(db, clock, id, input) : SaveTeam.Create(db, me, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("新增成功", "Created") : Lang.T("修改成功", "Saved");
            return Redirect($"/Volunteers/Teams/Details/{result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        if (Id is { } again && (Team = (await GetTeam.Handle(db, clock, again)).Value) is null) return NotFound();
        await LoadOrganizationsAsync();
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
