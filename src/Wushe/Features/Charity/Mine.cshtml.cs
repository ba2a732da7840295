using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>我的捐赠 (donor, on a phone too): their donations, receipts to download (<see cref="DonationReceipt.ForDonor"/>) and the total (<see cref="MyDonations"/>).</summary>
[Authorize(CharityPermissions.DonorPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public MyDonations.Response Mine { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size, null, null, null);
        Mine = await MyDonations.Handle(db, me, ModelState.IsValid ? new(PageNumber, Size) : new());
    }

    public async Task<IActionResult> OnGetReceiptAsync(Guid id)
    {
        var result = await DonationReceipt.ForDonor(db, me, clock, id);
        return result.IsOk ? File(result.Value!.Content, "application/pdf", result.Value.FileName) : NotFound();
    }
}
