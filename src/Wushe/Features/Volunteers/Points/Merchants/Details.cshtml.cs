using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Points.Merchants;

/// <summary>商户详情: the merchant, its offers and its quarterly figures (<see cref="GetMerchant"/>). Out of scope 404.</summary>
[Authorize(PointsPermissions.ViewMerchantsPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Label("年度", "Year")] public int? Year { get; set; }

    public GetMerchant.Response Merchant { get; private set; } = null!;
    public bool CanManage => me.Has(PointsPermissions.ManageMerchants);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var result = await GetMerchant.Handle(db, clock, id, Year is >= 2000 and <= 2100 ? Year : null);
        if (!result.IsOk) return NotFound();
        Merchant = result.Value!;
        return Page();
    }
}
