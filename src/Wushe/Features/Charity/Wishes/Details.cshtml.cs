using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// 微心愿详情 (staff who keep wishes): the person, what the wall shows, its claims and fund requests; 核实发布 (<see cref="VerifyWish"/>),
/// 申请基金资助 for an open wish (to a fund covering its place: <see cref="CharityRules.FundsCovering"/>) and 确认收到 with thanks (<see cref="ConfirmReceipt"/>).
/// </summary>
[Authorize(CharityPermissions.KeepWishesPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public VerifyWish.Request Verify { get; set; } = new(null, null, null, null, null);
    [BindProperty] public ConfirmReceipt.Request Receipt { get; set; } = new(null);
    public GetWish.Response Wish { get; private set; } = null!;
    /// <summary>The funds an open wish may be funded from, when the user may raise requests.</summary>
    public List<(Guid Id, string Name)> Funds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var verify = Verify;
        var result = await ModelState.IfParsed(() => VerifyWish.Handle(db, clock, Id, verify));
        if (result.IsOk)
        {
            TempData["Toast"] = result.Value!.Status == WishStatus.Published ? Lang.T("已发布到心愿墙", "Published on the wall") : Lang.T("已登记不予发布", "Recorded as not published");
            return Redirect($"/Charity/Wishes/Details/{Id}");
        }
        return await FailedAsync(result.Failure!, "Verify.");
    }

    public async Task<IActionResult> OnPostReceiptAsync()
    {
        var receipt = Receipt;
        var result = await ModelState.IfParsed(() => ConfirmReceipt.Handle(db, clock, Id, receipt));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已确认收到，心愿已圆梦", "Receipt confirmed: the wish is fulfilled");
            return Redirect($"/Charity/Wishes/Details/{Id}");
        }
        return await FailedAsync(result.Failure!, "Receipt.");
    }

    async Task<IActionResult> FailedAsync(Failure failure, string prefix)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(failure, prefix);
        return await LoadAsync() ? Page() : NotFound();
    }

    async Task<bool> LoadAsync()
    {
        var w = await GetWish.Handle(db, Id);
        if (!w.IsOk) return false;
        Wish = w.Value!;
        if (Wish.Status == WishStatus.Published && me.Has(CharityPermissions.DisburseFunds))
            Funds = (await CharityRules.FundsCovering(db, Wish.AreaCode).OrderBy(f => f.AreaCode).ThenBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync())
                .Select(f => (f.Id, f.Name)).ToList();
        return true;
    }
}
