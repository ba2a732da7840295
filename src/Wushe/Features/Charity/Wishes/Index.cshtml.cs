using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>微心愿 (staff): the scope's figures (<see cref="WishFigures"/>) and its wishes by status and keyword, newest first, paging keeping the search (<see cref="ListWishes"/>).</summary>
[Authorize(CharityPermissions.ViewWishesPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public WishStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<ListWishes.Row> Wishes { get; private set; } = new([], 0, 1, 20);
    public bool CanKeep => me.Has(CharityPermissions.KeepWishes);
    public WishFigures.Response Figures { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size, null, null, null);
        Wishes = await ListWishes.Handle(db, ModelState.IsValid ? new(null, Status, Keyword, PageNumber, Size) : new(null, Status, Keyword));
        Figures = await WishFigures.Handle(db);
    }
}
