using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Funds;

/// <summary>登记捐赠 (<see cref="RecordDonation"/>): money or goods to the fund; the form is submitted once (FormSubmissions), the receipt number shown after.</summary>
[Authorize(CharityPermissions.RecordDonationsPolicy)]
public sealed class DonateModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RecordDonation.Request Input { get; set; } = new(DonorKind.Enterprise, null, false, null, DonationChannel.BankTransfer, null, null, null, null);

    public string FundName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await NameAsync() is not { } name) return NotFound();
        FundName = name;
        Input = Input with { DonatedOn = ChinaTime.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await NameAsync() is not { } name) return NotFound();
        FundName = name;
        var input = Input;
        var result = await ModelState.IfParsed(() => RecordDonation.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已登记，捐赠票据编号 {result.Value!.ReceiptNo}", $"Recorded: receipt {result.Value!.ReceiptNo}");
            return Redirect($"/Charity/Funds/Details/{Id}?tab=donations");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    Task<string?> NameAsync() => db.Set<CommunityFund>().Where(f => f.Id == Id).Select(f => f.Name).FirstOrDefaultAsync();
}
