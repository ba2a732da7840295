using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>家庭户管理: tree-left, list-right; search by name, ID tail, tag, card colour, visit state; export.</summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("身份证号后四位", "ID number's last 4")] public string? IdTail { get; set; }
    [BindProperty(SupportsGet = true), Label("重点人群标签", "Target group")] public Guid? Tag { get; set; }
    [BindProperty(SupportsGet = true), Label("重点人群", "In a target group")] public bool? Tagged { get; set; }
    [BindProperty(SupportsGet = true), Label("户卡颜色", "Card colour")] public string? Colour { get; set; }
    [BindProperty(SupportsGet = true), Label("探访状态", "Visit state")] public DueState? Due { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public HouseholdStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("包户社工", "Responsible worker")] public Guid? Worker { get; set; }
    [BindProperty(SupportsGet = true), Label("未分配包户社工", "Unassigned")] public bool? Unassigned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListHouseholds.Row> Households { get; private set; } = new([], 0, 1, 20);
    public List<TargetGroup> Tags { get; private set; } = [];
    public List<Choices.Option> Colours { get; private set; } = [];
    /// <summary>The responsible workers to filter by (at a township or below; null above, <see cref="Choices.WorkersAsync"/>).</summary>
    public List<Choices.Option>? WorkerChoices { get; private set; }
    public string? AreaName { get; private set; }
    public DateOnly Today { get; } = ChinaTime.Today(clock);
    public bool CanManage => me.Has(HouseholdsPermissions.Manage);

    ListHouseholds.Query Query(int? page, int? size) => new(Area, Keyword, IdTail, Tag, Colour, Due, Status, Worker, Sort, page, size, Tagged, Unassigned);

    /// <summary>The query with its problems named on the page; a worker filter that breaks its rules is not applied.</summary>
    async Task<ListHouseholds.Query> Checked(int? page, int? size)
    {
        var query = Query(page, size);
        ModelState.AddListProblems(page, size, Area, query);
        var problems = await ListHouseholds.ProblemsAsync(db, query);
        foreach (var (field, messages) in problems)
            foreach (var message in messages) ModelState.AddModelError(field == "idTail" ? nameof(IdTail) : field, message);
        if (problems.ContainsKey("worker") || problems.ContainsKey("unassigned")) (query, Worker, Unassigned) = (query with { Worker = null, Unassigned = null }, null, null);
        return query;
    }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        Tags = await Choices.TagsAsync(db, me);
        Colours = await Choices.ColoursAsync(db, me);
        WorkerChoices = await Choices.WorkersAsync(db, me, Area);
        // A worker chosen from a link (the per-worker counts of My visits) stays chosen though the list of names is not offered.
        if (Worker is { } w && WorkerChoices is not null && WorkerChoices.All(o => o.Value != w.ToString()))
            WorkerChoices.Add(new Choices.Option(w.ToString(), Lang.T("所选社工", "The chosen worker")));
        var query = await Checked(PageNumber, Size);
        Households = await ListHouseholds.Handle(db, query, Today);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = await Checked(null, null);
        if (!ModelState.IsValid) return this.ExportRefused();
        var result = await ExportHouseholds.Handle(db, clock, query);
        if (!result.IsOk) return this.ExportRefused();
        var (content, name) = result.Value!;
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null) =>
        $"/Households?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&idTail={Uri.EscapeDataString(IdTail ?? "")}&tag={Tag}&tagged={Tagged}&colour={Uri.EscapeDataString(Colour ?? "")}&due={Due}&status={Status}&worker={Worker}&unassigned={Unassigned}&sort={sort ?? Sort}&page={page}&size={Households.Size}";
}
