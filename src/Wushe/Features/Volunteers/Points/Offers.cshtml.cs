using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>积分兑换 (phone first): offers of the volunteer's county; redeem with a confirmation (<see cref="RedeemOffer"/>), the code on 我的兑换.</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class OffersModel(AppDb db, CurrentUser me, TimeProvider clock, IOptions<PointsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public BrowseOffers.Response? Offers { get; private set; }

    public async Task OnGetAsync() =>
        Offers = (await BrowseOffers.Handle(db, me, clock, Keyword, PageNumber is >= 1 ? PageNumber : null, Paging.Sizes.Contains(Size ?? 0) ? Size : 20)).Value;

    public async Task<IActionResult> OnPostRedeemAsync(Guid offerId)
    {
        var result = await RedeemOffer.Handle(db, me, clock, options.Value, offerId);
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"兑换成功，兑换码 {result.Value!.Code}，请到店出示", $"Redeemed: show code {result.Value!.Code} at the counter");
            return Redirect("/Volunteers/Points/Redemptions");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddModelError("", result.Failure.Title);
        await OnGetAsync();
        return Page();
    }
}
