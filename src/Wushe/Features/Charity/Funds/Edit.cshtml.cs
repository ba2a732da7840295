using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Funds;

/// <summary>设立 / 修改基金 (<see cref="SetUpFund"/>): the place by the picker (fixed once set up), the host among the foundations of the user's area or above it.</summary>
[Authorize(CharityPermissions.ManageFundsPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SetUpFund.Request Input { get; set; } = new(null, null, null, null);

    public List<(Guid Id, string Name)> Hosts { get; private set; } = [];
    public string? FixedPlace { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id) is not { } f) return NotFound();
            Input = new(f.AreaCode, f.HostOrganizationId, f.Purpose, f.EstablishedOn, f.Version);
            FixedPlace = f.Name;
        }
        else Input = Input with { EstablishedOn = ChinaTime.Today(clock) };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => SetUpFund.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T($"已设立“{result.Value!.Name}”", $"Set up {result.Value!.Name}") : Lang.T("修改成功", "Saved");
            return Redirect($"/Charity/Funds/Details/{result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        if (Id is { } fid) FixedPlace = await db.Set<CommunityFund>().Where(f => f.Id == fid).Select(f => f.Name).FirstOrDefaultAsync();
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync() => Hosts = me.Active is { } a ? await CharityRules.HostsAsync(db, a.AreaCode) : [];
}
