using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework.Guardianship;

/// <summary>监护评估: the minors of the scope with their last assessment and the next due day; tree-left, list-right; export.</summary>
[Authorize(CaseworkPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("评估结果", "Result")] public GuardianshipLevel? Level { get; set; }
    [BindProperty(SupportsGet = true), Label("到期情况", "Due")] public ListGuardianship.Due? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListGuardianship.Row> Children { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanAssess => me.Has(CaseworkPermissions.Assess);

    ListGuardianship.Query Query(int? page, int? size) => new(Area, Keyword, Level, Due, Sort, page, size);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Children = await ListGuardianship.Handle(db, clock, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportGuardianship.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page) =>
        $"/Casework/Guardianship?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&level={Level}&due={Due}&sort={Sort}&page={page}&size={Children.Size}";
}
