using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Points.Merchants;

/// <summary>登记 / 修改商户 (<see cref="SaveMerchant"/>): area by the picker, the merchant account by its user name.</summary>
[Authorize(PointsPermissions.ManageMerchantsPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveMerchant.Request Input { get; set; } = new(null, null, MerchantKind.Shop, null, null, null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not { } id) return Page();
        if (await db.Set<Merchant>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id) is not { } m) return NotFound();
        var account = m.UserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.UserName).FirstOrDefaultAsync() : null;
        Input = new(m.AreaCode, m.Name, m.Kind, m.Address, m.Contact, account, m.Status, m.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => SaveMerchant.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("新增成功", "Registered") : Lang.T("修改成功", "Saved");
            return Redirect($"/Volunteers/Points/Merchants/Details/{result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }
}
