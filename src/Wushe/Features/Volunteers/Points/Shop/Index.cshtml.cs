using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points.Shop;

/// <summary>商户首页 · 核销 (phone first): figures, a code typed in, what it is for and whose, and its confirmation (<see cref="CloseRedemption.ConfirmAsync"/>).</summary>
[Authorize(PointsPermissions.MerchantPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Label("兑换码", "Code")] public string? Code { get; set; }

    public MerchantHome.Response? Home { get; private set; }
    public MerchantHome.Found? Found { get; private set; }

    public async Task OnGetAsync()
    {
        Home = (await MerchantHome.Handle(db, me, clock)).Value;
        if (Home is null || string.IsNullOrWhiteSpace(Code)) return;
        var found = await MerchantHome.FindAsync(db, me, Code);
        if (found.IsOk) Found = found.Value;
        else ModelState.AddModelError("Code", Lang.T("没有该兑换码，请核对后重新输入（只能核销本商户的兑换码）", "No such code: check it and type again (only this merchant's codes)"));
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var result = await CloseRedemption.ConfirmAsync(db, me, clock, Code ?? "");
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"核销成功：{result.Value!.OfferTitle}（{result.Value.VolunteerName}）", $"Confirmed: {result.Value!.OfferTitle} ({result.Value.VolunteerName})");
            return Redirect("/Volunteers/Points/Shop");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        await OnGetAsync();
        ModelState.AddModelError("", result.Failure.Title);
        return Page();
    }
}
