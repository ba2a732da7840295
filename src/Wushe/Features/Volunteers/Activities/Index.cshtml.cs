using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>志愿活动: tree-left, list-right (<see cref="ListActivities"/>); organizers publish from here.</summary>
[Authorize(VolunteersPermissions.ViewActivitiesPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("服务类别", "Category")] public VolunteerServiceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public ActivityStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? When { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListActivities.Row> Activities { get; private set; } = new([], 0, 1, 20);
    public bool CanOrganize => me.Has(VolunteersPermissions.OrganizeActivities);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Kind is not null || Status is not null || !string.IsNullOrEmpty(When);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var query = new ListActivities.Query(Area, Keyword, Kind, Status, When is "upcoming" or "past" ? When : null, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query: query);
        Activities = await ListActivities.Handle(db, clock, query);
    }

    /// <summary>导出: the activity list as searched (<see cref="ExportVolunteerActivities"/>); conditions that do not parse export nothing.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListActivities.Query(Area, Keyword, Kind, Status, When is "upcoming" or "past" ? When : null);
        ModelState.AddListProblems(null, null, Area, query: query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportVolunteerActivities.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page) =>
        $"/Volunteers/Activities?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&kind={Kind}&status={Status}&when={When}&page={page}&size={Activities.Size}";
}
