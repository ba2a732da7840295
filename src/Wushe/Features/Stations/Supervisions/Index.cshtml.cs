using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations.Supervisions;

/// <summary>督导记录: all supervision visits in scope, by area and date range.</summary>
[Authorize(StationsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public SupervisionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListSupervisions.Row> Rows { get; private set; } = new([], 0, 1, 20);
    public bool CanSupervise => me.Has(StationsPermissions.Supervise);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        Rows = await ListSupervisions.Handle(db, new ListSupervisions.Query(Area, null, Kind, From, To, PageNumber, Size));
    }
}
