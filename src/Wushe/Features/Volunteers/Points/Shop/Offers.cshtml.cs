using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Points.Shop;

/// <summary>我的商品: the merchant's offers and the form to add one or edit the one chosen (<see cref="SaveOffer"/>).</summary>
[Authorize(PointsPermissions.MerchantPolicy)]
public sealed class OffersModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveOffer.Request Input { get; set; } = new(null, null, null, null, null, null, 0, true);

    public List<SaveOffer.Row>? Offers { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Offers = (await SaveOffer.ListAsync(db, me)).Value;
        if (Offers is null) return Page();
        if (Id is { } id)
        {
            if (Offers.FirstOrDefault(o => o.Id == id) is not { } o) return NotFound();
            Input = new(o.Title, o.Description, o.PointsPrice, o.Stock, o.ValidFrom, o.ValidTo, o.MinStars, o.IsOn, o.Version);
        }
        else
        {
            var today = ChinaTime.Today(clock);
            Input = Input with { ValidFrom = today, ValidTo = today.AddMonths(3) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => SaveOffer.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("新增成功", "Added") : Lang.T("修改成功", "Saved");
            return Redirect("/Volunteers/Points/Shop/Offers");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        Offers = (await SaveOffer.ListAsync(db, me)).Value;
        return Page();
    }
}
