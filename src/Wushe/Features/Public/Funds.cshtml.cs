using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Public;

/// <summary>
/// 社区慈善基金公示 (no sign-in): the campaigns under way with their progress (<see cref="Charity.Campaigns.PublicCampaigns"/>) and the funds
/// of an area (?area=) with their money and the area's totals (<see cref="PublicFunds"/>).
/// </summary>
public sealed class FundsModel(AppDb db, TimeProvider clock, IOptions<CharityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PublicFunds.Response Funds { get; private set; } = null!;
    /// <summary>The area's campaigns running today (at most six, newest first).</summary>
    public List<Charity.Campaigns.ListCampaigns.Row> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var query = new PublicFunds.Query(Area, PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, null, query);
        var funds = await PublicFunds.Handle(db, clock, options.Value, ModelState.IsValid ? query : new PublicFunds.Query());
        if (!funds.IsOk) return this.Refused(funds.Failure!);
        Funds = funds.Value!;
        Campaigns = (await Charity.Campaigns.PublicCampaigns.Handle(db, clock, new(ModelState.IsValid ? Area : null, 1, 20))).Items
            .Where(c => c.Phase == Charity.Campaigns.CampaignPhase.Running).Take(6).ToList();
        return Page();
    }
}
