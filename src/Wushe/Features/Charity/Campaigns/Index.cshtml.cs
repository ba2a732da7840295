using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>募捐活动 (staff): tree-left, the campaigns of the area with their progress, search and phase, paging keeping them (<see cref="ListCampaigns"/>).</summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("阶段", "Phase")] public CampaignPhase? Phase { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }
    public PageOf<ListCampaigns.Row> Campaigns { get; private set; } = new([], 0, 1, 20);
    public bool CanManage => me.Has(CharityPermissions.ManageFunds);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
        var query = new ListCampaigns.Query(Area, Keyword, Phase, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        Campaigns = await ListCampaigns.Handle(db, clock, ModelState.IsValid ? query : query with { Area = null, Page = null, Size = null });
    }
}
