using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations;

/// <summary>新增 / 修改社工站.</summary>
[Authorize(StationsPermissions.ManagePolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    [BindProperty]
    public SaveStation.Request Input { get; set; } = new(null, StationLevel.TownshipStation, null, null, null, null, null, false);

    public string? AreaName { get; private set; }
    public string? PhoneMasked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? area)
    {
        if (Id is { } id)
        {
            var s = await db.Stations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (s is null) return NotFound();
            Input = new SaveStation.Request(s.AreaCode, s.Level, s.Name, s.Address, s.ContactName, null, s.OpenedOn, s.IsCivilizationPracticeStation, s.Version);
            PhoneMasked = s.ContactPhone?.Masked;
            AreaName = string.Join(" / ", await GetStation.AreaPath(db, s.AreaCode));
        }
        else if (Wushe.Platform.Areas.AreaCode.Normalize(area) is { } code)
        {
            var level = Wushe.Platform.Areas.AreaCode.LevelOf(code) switch
            {
                Wushe.Platform.Areas.AreaLevel.City => StationLevel.CityCentre,
                Wushe.Platform.Areas.AreaLevel.County => StationLevel.CountyStation,
                _ => StationLevel.TownshipStation,
            };
            Input = Input with { AreaCode = code, Level = level };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is { } id)
        {
            // An empty phone box keeps the stored number: SaveStation's rule, the same as the API's.
            var existing = await db.Stations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (existing is null) return NotFound();
            var input = Input;
            var result = await ModelState.IfParsed("Input.", () => SaveStation.Validate(input, clock), () => SaveStation.Update(db, sealer, clock, id, input));
            if (!result.IsOk)
            {
                // The area and level are fixed: the form shows the station's own, and says so if a post tried to change them.
                Input = Input with { AreaCode = existing.AreaCode, Level = existing.Level };
                ModelState.SetModelValue("Input.AreaCode", existing.AreaCode, existing.AreaCode);
                ModelState.SetModelValue("Input.Level", existing.Level.ToString(), existing.Level.ToString());
                return Fail(result.Failure!, existing.ContactPhone?.Masked, string.Join(" / ", await GetStation.AreaPath(db, existing.AreaCode)));
            }
            TempData["Toast"] = Lang.T("修改成功", "Saved");
            return Redirect($"/Stations/Details?id={id}");
        }
        var created = await ModelState.IfParsed("Input.", () => SaveStation.Validate(Input, clock), () => SaveStation.Create(db, me, sealer, clock, Input));
        if (!created.IsOk) return Fail(created.Failure!, null, null);
        TempData["Toast"] = Lang.T("新增成功", "Added");
        return Redirect($"/Stations/Details?id={created.Value!.Id}");
    }

    IActionResult Fail(Failure failure, string? phone, string? area)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(failure, "Input.");
        PhoneMasked = phone;
        AreaName = area;
        return Page();
    }
}
