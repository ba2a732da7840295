using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>行政区划: the area tree on the left, the selected area and its children on the right.</summary>
[Authorize(AreasPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("含已撤销", "Retired too")] public bool Retired { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];

    /// <summary>Whether the user may set a 类似乡级单位 as needing a station.</summary>
    public bool CanConfigure => me.Has(AreasPermissions.Configure);
    public BrowseAreas.Details? Selected { get; private set; }
    public PageOf<BrowseAreas.Node> Children { get; private set; } = new([], 0, 1, 20);

    public async Task<IActionResult> OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var code = Code ?? (Roots.Count == 1 ? Roots[0].Code : null);
        if (code is not null)
        {
            var details = await BrowseAreas.Get(db, code);
            if (!details.IsOk) return NotFound();
            Selected = details.Value;
        }
        var c = Selected?.Code;
        var q = db.Areas.Where(a => c == null ? a.Level == AreaLevel.Province : a.ParentCode == c);
        if (!Retired) q = q.Where(a => a.ValidTo == null);
        if (!string.IsNullOrWhiteSpace(Keyword)) q = q.Where(a => a.Name.Contains(Keyword.Trim()) || a.Code.StartsWith(Keyword.Trim()));
        var rows = q.OrderBy(a => a.Code).Select(a => new BrowseAreas.Node(a.Code, a.Name, a.Level, "", a.Kind, a.IsGenerated, a.ValidTo == null,
            db.Set<Area>().Any(x => x.ParentCode == a.Code)));
        ModelState.AddListProblems(PageNumber, Size);
        Children = await rows.ToPageAsync(PageNumber, Size);
        return Page();
    }

    /// <summary>设为需建站 / 设为无需建站 for a 类似乡级单位 (the same use case as the API).</summary>
    public async Task<IActionResult> OnPostNeedsStationAsync(bool? needsStation)
    {
        // Razor Pages take no [Authorize] on a handler: the permission is checked here.
        if (!CanConfigure) return Forbid();
        var result = await SetNeedsStation.Handle(db, me, Code ?? "", new SetNeedsStation.Request(needsStation));
        if (!result.IsOk && result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (result.IsOk) TempData["Toast"] = Wushe.Platform.Localization.Lang.T("修改成功", "Saved");
        else TempData["ToastError"] = string.Join(" ", result.Failure!.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]);
        return Redirect($"/Areas?code={Code}");
    }

    /// <summary>htmx: the children of a tree node.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(string code, string? target)
    {
        var children = await BrowseAreas.Children(db, code);
        return children.IsOk ? Tree(children.Value!, target) : NotFound();
    }

    static readonly string[] Targets = ["/Areas", "/Stations", "/Stations/Supervisions"];

    PartialViewResult Tree(List<BrowseAreas.Node> nodes, string? target)
    {
        var partial = Partial("_TreeNodes", nodes);
        partial.ViewData["Target"] = Targets.Contains(target) ? target : "/Areas";
        return partial;
    }

    /// <summary>
    /// The area picker's levels (_AreaPicker): the roots of the user's scope, or the children of ?parent=, as
    /// JSON shaped like GET /api/v1/areas. The page serves it because the API takes bearer tokens only.
    /// </summary>
    public async Task<IActionResult> OnGetPickerAsync(string? parent, [FromServices] Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var options = json.Value.SerializerOptions;
        if (parent is null) return new JsonResult(await BrowseAreas.Roots(db, me), options);
        var children = await BrowseAreas.Children(db, parent);
        return children.IsOk ? new JsonResult(children.Value, options) : NotFound();
    }

    /// <summary>htmx: the filter box over the tree (请输入区划名称).</summary>
    public async Task<IActionResult> OnGetSearchAsync(string? q, string? target) =>
        Tree(string.IsNullOrWhiteSpace(q) ? await BrowseAreas.Roots(db, me) : await BrowseAreas.Search(db, q), target);
}
