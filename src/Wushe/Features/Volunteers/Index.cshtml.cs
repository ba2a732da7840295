using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>志愿者名册: tree-left, list-right; search form, toolbar, table, paging (<see cref="ListVolunteers"/>).</summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public VolunteerStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("技能特长", "Skill")] public VolunteerSkill? Skill { get; set; }
    [BindProperty(SupportsGet = true), Label("来源", "Source")] public VolunteerSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListVolunteers.Row> Volunteers { get; private set; } = new([], 0, 1, 20);
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(VolunteersPermissions.Manage);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null || Skill is not null || Source is not null;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListVolunteers.Query(Area, Keyword, Status, Skill, Source, Sort, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query);
        Volunteers = await ListVolunteers.Handle(db, sealer, clock, query);
    }

    /// <summary>导出: the register as searched (<see cref="ExportVolunteers"/>); conditions that do not parse export nothing.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = new ListVolunteers.Query(Area, Keyword, Status, Skill, Source, Sort);
        ModelState.AddListProblems(null, null, Area, query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportVolunteers.Handle(db, sealer, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public string PageUrl(int page, string? sort = null) =>
        $"/Volunteers?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={Status}&skill={Skill}&source={Source}&sort={sort ?? Sort}&page={page}&size={Volunteers.Size}";
}
