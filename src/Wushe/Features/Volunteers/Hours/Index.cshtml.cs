using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>志愿服务记录: tree-left, list-right (<see cref="ListHourRecords"/>) — the disputes to answer first in the tabs; organizers back-fill hours from here.</summary>
[Authorize(VolunteersPermissions.ViewActivitiesPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public HourRecordStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("记录方式", "Kind")] public HourRecordKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("志愿活动", "Activity")] public Guid? ActivityId { get; set; }
    [BindProperty(SupportsGet = true), Label("开始日期", "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), Label("结束日期", "To")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true), Label("记录范围", "Records of")] public HourRecordReach? Of { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public ListHourRecords.Response Records { get; private set; } = new(new([], 0, 1, 20), new(0, 0, 0, 0));
    /// <summary>Back-filling honour hours is a station's or community's (<see cref="VolunteersPermissions.Organize"/>).</summary>
    public bool CanBackFill => me.Has(VolunteersPermissions.Organize);
    /// <summary>The register's keepers also follow the volunteers registered in their area (<see cref="HourRecordReach.Residents"/>); an organization reads its own activities' records.</summary>
    public bool SeesResidents => ListHourRecords.ReadsResidents(me);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null || Kind is not null || ActivityId is not null || From is not null || To is not null || Of is not null;

    ListHourRecords.Query Query(int? page, int? size) => new(Area, Keyword, Status, Kind, ActivityId, From, To, null, Of, page, size);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query: query);
        if (From > To) ModelState.AddModelError(nameof(To), Lang.T("结束日期不能早于开始日期", "To cannot be before From"));
        Records = await ListHourRecords.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query: query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportHourRecords.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";

    public string PageUrl(int page, bool tab = false, HourRecordStatus? status = null) =>
        $"/Volunteers/Hours?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={(tab ? status : Status)}&kind={Kind}&activityId={ActivityId}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&of={Of}&page={page}&size={Records.Records.Size}";
}
