using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Public;

/// <summary>
/// 一个基金的公示 (no sign-in): income, spending, balance and the donations or payments as the public may read them (<see cref="PublicFund"/>),
/// and the quarterly disclosure reports to download (<see cref="QuarterlyDisclosure"/>). An unknown fund or quarter is 404 in the visitor's
/// terms (<see cref="PublicNotFound"/>).
/// </summary>
public sealed class FundModel(AppDb db, TimeProvider clock, IOptions<CharityOptions> options) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    /// <summary>"spending": the payments; else the donations.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    public PublicFund.Response Fund { get; private set; } = null!;
    public List<QuarterlyDisclosure.Quarter> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        ModelState.AddListProblems(PageNumber, Size, null, null, null);
        var result = await PublicFund.Handle(db, clock, options.Value, id, ModelState.IsValid ? new(PageNumber, Size, View) : new(View: View));
        if (!result.IsOk) return this.Refused(result.Failure!);
        Fund = result.Value!;
        Quarters = (await QuarterlyDisclosure.Quarters(db, clock, id)).Value ?? [];
        return Page();
    }

    public async Task<IActionResult> OnGetReportAsync(Guid id, int year, int quarter)
    {
        var result = await QuarterlyDisclosure.Handle(db, clock, id, year, quarter);
        if (!result.IsOk) return this.Refused(result.Failure!);
        var r = result.Value!;
        return File(DisclosureReportPdf.Render(r), "application/pdf", r.FileName);
    }
}
