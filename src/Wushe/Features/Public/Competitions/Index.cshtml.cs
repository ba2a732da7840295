using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Public.Competitions;

/// <summary>公益创投公告 (no sign-in, <see cref="PublicCompetitions"/>): the calls published, on notice or decided, newest first; a keyword and an area narrow them.</summary>
public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<PublicCompetitions.Row> Calls { get; private set; } = new([], 0, 1, 20);

    public async Task<IActionResult> OnGetAsync()
    {
        var query = new PublicCompetitions.Query(Area, Keyword, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        var result = await PublicCompetitions.Handle(db, clock, ModelState.IsValid ? query : new PublicCompetitions.Query(Keyword: Keyword));
        if (!result.IsOk) return this.Refused(result.Failure!);
        Calls = result.Value!;
        return Page();
    }
}
