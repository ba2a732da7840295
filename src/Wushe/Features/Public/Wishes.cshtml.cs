using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Charity.Wishes;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Public;

/// <summary>心愿墙 (no sign-in, on a phone): the open wishes of ?area= and the latest fulfilled with their thanks (<see cref="WishWall"/>); 认领 leads to sign-in.</summary>
public sealed class WishesModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public WishWall.Response Wall { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var query = new WishWall.Query(Area, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, null);
        var wall = await WishWall.Handle(db, ModelState.IsValid ? query : new WishWall.Query());
        if (!wall.IsOk) return this.Refused(wall.Failure!);
        Wall = wall.Value!;
        return Page();
    }
}
