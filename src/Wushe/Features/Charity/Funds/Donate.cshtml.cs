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
    /// <summary>The campaigns raising for this fund in the last year, newest first (the use case checks the donation's date).</summary>
    public List<(Guid Id, string Label)> Campaigns { get; private set; } = [];

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

    async Task<string?> NameAsync()
    {
        var name = await db.Set<CommunityFund>().Where(f => f.Id == Id).Select(f => f.Name).FirstOrDefaultAsync();
        if (name is null) return null;
        var today = ChinaTime.Today(clock);
        var since = today.AddYears(-1);
        Campaigns = (await db.Set<Charity.Campaigns.Campaign>().Where(c => c.StartsOn <= today && c.EndsOn >= since
                && db.Set<Charity.Campaigns.CampaignFund>().Any(l => l.CampaignId == c.Id && l.FundId == Id))
            .OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name, c.StartsOn, c.EndsOn }).ToListAsync())
            .Select(c => (c.Id, $"{c.Name}（{ChinaTime.Format(c.StartsOn)} 至 {ChinaTime.Format(c.EndsOn)}）")).ToList();
        return name;
    }
}
