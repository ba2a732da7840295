using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations.Ratings;

/// <summary>新增评星: name, year, and the round's modules (with maximum scores) and levels (with thresholds), prefilled with the defaults.</summary>
[Authorize(StationsPermissions.RatingsPolicy)]
public sealed class CreateModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public List<RatingModule> Modules { get; set; } = RatingRound.DefaultModules();
    [BindProperty] public List<RatingLevel> Levels { get; set; } = RatingRound.DefaultLevels();

    public void OnGet()
    {
        Year = ChinaTime.Today(clock).Year;
        Name = $"{Year} 年度评星";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var modules = Modules.Where(m => !string.IsNullOrWhiteSpace(m.Name) || m.MaxScore != 0).ToList();
        var levels = Levels.Where(l => !string.IsNullOrWhiteSpace(l.Name) || l.MinScore != 0).ToList();
        var result = await RatingRounds.Create(db, me, clock, new RatingRounds.CreateRequest(Name, Year, null, modules, levels));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect($"/Stations/Ratings/Details?id={result.Value}");
        }
        ModelState.AddFailure(result.Failure!);
        return Page();
    }
}
