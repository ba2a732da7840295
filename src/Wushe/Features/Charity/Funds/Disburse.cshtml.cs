using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Funds;

/// <summary>
/// 申请拨付 (<see cref="RaiseDisbursement"/>): a project or need the fund may pay for (the same choices the use case accepts:
/// <see cref="CharityRules.ProjectsFor"/>, <see cref="CharityRules.NeedsFor"/>) or another purpose; the committee then votes.
/// </summary>
[Authorize(CharityPermissions.DisburseFundsPolicy)]
public sealed class DisburseModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Choice(Guid Id, string Label);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RaiseDisbursement.Request Input { get; set; } = new(DisbursementPurpose.Project, null, null, null, null, null, null);

    public string FundName { get; private set; } = "";
    public long AvailableFen { get; private set; }
    public List<Choice> Projects { get; private set; } = [];
    public List<Choice> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var input = Input;
        var result = await ModelState.IfParsed(() => RaiseDisbursement.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已提交拨付申请 {result.Value!.RequestNo}，等待管委会表决", $"Request {result.Value!.RequestNo} raised: the committee votes next");
            return Redirect($"/Charity/Funds/Disbursement/{Id}/{result.Value.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    async Task<bool> LoadAsync()
    {
        if (await db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == Id) is not { } fund) return false;
        FundName = fund.Name;
        AvailableFen = fund.AvailableFen;
        Projects = await CharityRules.ProjectsFor(db, fund.AreaCode).OrderByDescending(p => p.CreatedAt).Take(200)
            .Select(p => new Choice(p.Id, p.ProjectNo + " " + p.Title)).ToListAsync();
        Needs = await CharityRules.NeedsFor(db, fund.AreaCode).OrderByDescending(n => n.RaisedAt).Take(200)
            .Select(n => new Choice(n.Id, n.NeedNo + " " + n.Title)).ToListAsync();
        return true;
    }
}
