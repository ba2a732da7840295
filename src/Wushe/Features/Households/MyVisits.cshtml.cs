using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>
/// 我的探访: tabs overdue / today / this week, tree-left list-right, mine only, one responsible worker, search, sort, paging,
/// print, export; per-worker counts, each a link to the list behind it (<see cref="MyVisits.ListQuery"/>).
/// </summary>
[Authorize(HouseholdsPermissions.VisitPolicy)]
public sealed class MyVisitsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true), Label("只看我包户的", "Mine only")] public bool? Mine { get; set; }
    [BindProperty(SupportsGet = true), Label("包户社工", "Responsible worker")] public Guid? Worker { get; set; }
    [BindProperty(SupportsGet = true), Label("未分配包户社工", "Unassigned")] public bool? Unassigned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }
    public MyVisits.Response List { get; private set; } = null!;
    public List<MyVisits.WorkerRow>? ByWorker { get; private set; }
    public bool CanVisit => me.Has(HouseholdsPermissions.Visit);

    async Task<MyVisits.Query> Query(int? page, int? size)
    {
        var q = new MyVisits.Query(Area, Keyword, Due, Mine, Sort, page, size, Worker, Unassigned);
        var problems = await MyVisits.ProblemsAsync(db, q);
        foreach (var (field, messages) in problems)
            foreach (var message in messages) ModelState.AddModelError(field, message);
        // A due or worker filter that breaks its rules is named above and not applied.
        if (problems.ContainsKey("due")) q = q with { Due = null };
        if (problems.ContainsKey("worker") || problems.ContainsKey("unassigned")) (q, Worker, Unassigned) = (q with { Worker = null, Unassigned = null }, null, null);
        return q;
    }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var q = await Query(PageNumber, Size);
        List = await MyVisits.Handle(db, me, clock, q);
        if (MyVisits.MaySeeSummary(me) && !List.Mine) ByWorker = await MyVisits.ByWorker(db, me, clock, q);
        if (Worker is { } id) WorkerName = ByWorker?.FirstOrDefault(w => w.WorkerId == id)?.WorkerName
            ?? List.Page.Items.FirstOrDefault(r => r.WorkerId == id)?.WorkerName ?? Lang.T("所选社工", "The chosen worker");
    }

    /// <summary>The name of the worker the list is filtered by (from the summary or the rows: no account is read by a given id).</summary>
    public string? WorkerName { get; private set; }

    /// <summary>This list without the worker filter.</summary>
    public string WithoutWorkerUrl() => ListAddress(Due, Sort, List.Mine, null, null, null, null);

    /// <summary>The list behind a count of the per-worker summary (same area and keyword, all households, that worker, that tab).</summary>
    public string CountUrl(MyVisits.WorkerRow row, string due)
    {
        var q = MyVisits.ListQuery(new MyVisits.Query(Area, Keyword), row, due);
        return ListAddress(q.Due, null, false, q.Worker, q.Unassigned, null, null);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var q = await Query(null, null);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportMyVisits.Handle(db, me, clock, q);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    /// <summary>This list's address with some conditions changed (null removes one), back to page 1 unless the page is given.</summary>
    public string ListUrl(string? due = "", string? sort = "", bool? mine = null, int? page = null, string? handler = null) =>
        ListAddress(due == "" ? Due : due, sort == "" ? Sort : sort, mine ?? List.Mine, Worker, Unassigned, page, handler);

    string ListAddress(string? due, string? sort, bool mine, Guid? worker, bool? unassigned, int? page, string? handler)
    {
        var values = new Dictionary<string, string?>
        {
            ["handler"] = handler,
            ["area"] = Area,
            ["keyword"] = Keyword,
            ["due"] = due,
            ["mine"] = mine ? "true" : "false",
            ["worker"] = worker?.ToString(),
            ["unassigned"] = unassigned == true ? "true" : null,
            ["sort"] = sort,
            ["page"] = page?.ToString(),
            ["size"] = Size?.ToString(),
        };
        return QueryHelpers.AddQueryString("/Households/MyVisits", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(v.Key, v.Value)));
    }
}
