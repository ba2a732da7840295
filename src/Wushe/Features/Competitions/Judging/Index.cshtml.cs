using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions.Judging;

/// <summary>我的评审任务 (<see cref="ListMyReviews"/>): the judge's own assignments, searched by title or number and state, paged; each opens its score page.</summary>
[Authorize(CompetitionsPermissions.JudgePolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("评审状态", "State")] public ReviewState? State { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<ListMyReviews.Row> Reviews { get; private set; } = new([], 0, 1, 20);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || State is not null;

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        var valid = ModelState.IsValid;
        Reviews = await ListMyReviews.Handle(db, me, clock, new ListMyReviews.Query(Keyword, State, valid ? PageNumber : null, valid ? Size : null));
    }
}
