using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>培训管理: tree-left, list-right (<see cref="ListTrainings"/>): title or organizer, kind, year; 新建培训 for those who train.</summary>
[Authorize(WorkforcePermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("培训类型", "Kind")] public TrainingKind? Kind { get; set; }
    [BindProperty(SupportsGet = true), Label("年度", "Year")] public int? Year { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListTrainings.Row> Trainings { get; private set; } = new([], 0, 1, 20);
    public bool CanTrain => me.Has(WorkforcePermissions.Train);
    public bool CanSeeFigures => me.Has(WorkforcePermissions.Figures);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Kind is not null || Year is not null;

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var query = new ListTrainings.Query(Area, Keyword, Kind, Year, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query: query);
        Trainings = await ListTrainings.Handle(db, query);
    }
}
