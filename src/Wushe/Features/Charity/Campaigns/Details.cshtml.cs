using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>募捐活动详情 (staff): particulars, progress and what each linked fund raised (<see cref="GetCampaign"/>).</summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public GetCampaign.Response Campaign { get; private set; } = null!;
    public bool CanManage => me.Has(CharityPermissions.ManageFunds);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var result = await GetCampaign.Handle(db, clock, id);
        if (!result.IsOk) return NotFound();
        Campaign = result.Value!;
        return Page();
    }
}
