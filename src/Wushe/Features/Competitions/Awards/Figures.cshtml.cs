using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公益创投统计 (/Competitions/Figures?callId=): a call's figures by focus and organization kind, and the awarded projects' outcomes
/// (<see cref="CompetitionFigures"/>); for the host's staff only (<see cref="CompetitionsPermissions.Figures"/>, as the API).
/// </summary>
[Authorize(CompetitionsPermissions.FiguresPolicy)]
public sealed class FiguresModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    public CompetitionFigures.Response Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await CompetitionFigures.Handle(db, CallId);
        if (!result.IsOk) return NotFound();
        Figures = result.Value!;
        return Page();
    }
}
