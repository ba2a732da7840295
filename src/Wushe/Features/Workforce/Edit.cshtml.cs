using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce;

/// <summary>
/// 登记社会工作者 (no id) and 修改 (?id=): the rules of <see cref="SaveSocialWorker"/>. The employer's fields follow its kind (a station
/// or organization of the scope from a list; a community or another employer's area from the cascader); the ID is entered once and
/// shown masked when editing; an empty phone box keeps the stored phone.
/// </summary>
[Authorize(WorkforcePermissions.ManagePolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveSocialWorker.Request Input { get; set; } = new();

    public GetSocialWorker.Details? Worker { get; private set; }
    public sealed record Choice(Guid Id, string Name);
    public List<Choice> Stations { get; private set; } = [];
    public List<Choice> Organizations { get; private set; } = [];
    /// <summary>Organization staff: the employer is their own organization, fixed.</summary>
    public bool OwnOrganizationOnly => me.ActingOrganization is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null)
        {
            if (!await LoadAsync()) return NotFound();
            var w = Worker!;
            Input = new SaveSocialWorker.Request
            {
                Name = w.Name, Education = w.Education, EmployerKind = w.EmployerKind, StationId = w.StationId, OrganizationId = w.OrganizationId,
                AreaCode = w.EmployerKind is EmployerKind.Community or EmployerKind.Other ? w.AreaCode : null,
                EmployerName = w.EmployerKind == EmployerKind.Other ? w.EmployerName : null, Post = w.Post, StartedOn = w.StartedOn, Version = w.Version,
            };
        }
        else if (me.ActingOrganization is { } own) Input = new SaveSocialWorker.Request { EmployerKind = EmployerKind.Organization, OrganizationId = own };
        await ChoicesAsync();
        return Page();
    }

    async Task<bool> LoadAsync() => Id is { } id && (Worker = (await GetSocialWorker.Handle(db, clock, id)).Value) is not null;

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
            var edited = await ModelState.IfParsed("Input.", () => SocialWorkerForm.Validate(input, Platform.ChinaTime.Today(clock), editing: true), () => SaveSocialWorker.Edit(db, me, sealer, clock, id, input));
            result = edited.IsOk ? id : edited.Failure!;
        }
        else result = await ModelState.IfParsed("Input.", () => SocialWorkerForm.Validate(input, Platform.ChinaTime.Today(clock)), () => SaveSocialWorker.Add(db, me, sealer, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("保存成功", "Saved");
            return Redirect($"/Workforce/Details/{result.Value}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        if (Id is not null && !await LoadAsync()) return NotFound();
        await ChoicesAsync();
        return Page();
    }

    public string Invalid(string field) => ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
