using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;

namespace Wushe.Features.Charity.Funds;

/// <summary>台账核对: runs <see cref="CheckFundLedgers"/> over every fund of the user's scope and lists what does not hold.</summary>
[Authorize(CharityPermissions.CheckLedgersPolicy)]
public sealed class CheckModel(AppDb db, TimeProvider clock) : PageModel
{
    public CheckFundLedgers.Report Report { get; private set; } = null!;

    public async Task OnGetAsync() => Report = await CheckFundLedgers.Handle(db, clock, new());
}
