using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>微心愿 (staff): tree-left; the area's figures (<see cref="WishFigures"/>) and its wishes by status and keyword, newest first, paging and 导出 keeping the search (<see cref="ListWishes"/>).</summary>
[Authorize(CharityPermissions.ViewWishesPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public WishStatus? Status { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<ListWishes.Row> Wishes { get; private set; } = new([], 0, 1, 20);
    public bool CanKeep => me.Has(CharityPermissions.KeepWishes);
    public WishFigures.Response Figures { get; private set; } = null!;

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListWishes.Query(Area, Status, Keyword, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        if (!ModelState.IsValid) query = query with { Area = null, Page = null, Size = null };
        Wishes = await ListWishes.Handle(db, query);
        Figures = await WishFigures.Handle(db, query.Area);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListWishes.Query(Area, Status, Keyword);
        ModelState.AddListProblems(null, null, Area, null, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportWishes.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }
}
