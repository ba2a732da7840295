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
/// 申请拨付 (<see cref="RaiseDisbursement"/>): a project, need or open micro-wish the fund may pay for (the same choices the use case
/// accepts: <see cref="CharityRules.ProjectsFor"/>, <see cref="CharityRules.NeedsFor"/>, <see cref="CharityRules.WishesFor"/>) or another
/// purpose; ?wish= (from the wish's page) starts with that wish, its public title and value. The committee then votes.
/// </summary>
[Authorize(CharityPermissions.DisburseFundsPolicy)]
public sealed class DisburseModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Choice(Guid Id, string Label);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RaiseDisbursement.Request Input { get; set; } = new(DisbursementPurpose.Project, null, null, null, null, null, null, null);
    [BindProperty(SupportsGet = true), Label("微心愿", "Micro-wish")] public Guid? Wish { get; set; }

    public string FundName { get; private set; } = "";
    public long AvailableFen { get; private set; }
    public List<Choice> Projects { get; private set; } = [];
    public List<Choice> Needs { get; private set; } = [];
    public List<Choice> Wishes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Wish is { } wishId && await db.Set<CommunityFund>().Where(f => f.Id == Id).Select(f => f.AreaCode).FirstAsync() is var area
            && await CharityRules.WishesFor(db, area).AsNoTracking().FirstOrDefaultAsync(w => w.Id == wishId) is { } wish)
            Input = new(DisbursementPurpose.MicroWish, null, null, wish.Id, Charity.Wishes.WishFunding.Title(wish), wish.ValueFen / 100m, null, null);
        return Page();
    }

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
        Wishes = (await CharityRules.WishesFor(db, fund.AreaCode).OrderByDescending(w => w.Priority).ThenBy(w => w.PublishedAt).Take(200).AsNoTracking().ToListAsync())
            .Select(w => new Choice(w.Id, Charity.Wishes.WishFunding.Title(w) + Lang.T($"（估值 {Platform.Money.Yuan(w.ValueFen)}）", $" (value {Platform.Money.Yuan(w.ValueFen)})"))).ToList();
        return true;
    }
}
