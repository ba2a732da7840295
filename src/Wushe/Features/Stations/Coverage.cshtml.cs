using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;

using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>覆盖情况: coverage per level for an area, and per child area.</summary>
[Authorize(StationsPermissions.ViewPolicy)]
public sealed class CoverageModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public Coverage.Response Figures { get; private set; } = null!;
    public List<string> Path { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await Coverage.Handle(db, me, Area);
        if (!result.IsOk) return NotFound();
        Figures = result.Value!;
        if (Figures.AreaCode != Scope.Country) Path = await GetStation.AreaPath(db, Figures.AreaCode);
        return Page();
    }
}
