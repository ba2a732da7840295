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

namespace Wushe.Features.Charity.Campaigns;

/// <summary>
/// 发起 / 编辑募捐活动 (<see cref="SaveCampaign"/>): the area by the picker (fixed once set up), period, target and the funds ticked among the
/// active funds of the user's scope (the use case keeps those of the campaign's area).
/// </summary>
[Authorize(CharityPermissions.ManageFundsPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveCampaign.Request Input { get; set; } = new(null, null, null, null, null, null, null);

    public List<(Guid Id, string Name)> Funds { get; private set; } = [];
    public string? FixedArea { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if ((await GetCampaign.Handle(db, clock, id)).Value is not { } c) return NotFound();
            Input = new(c.AreaCode, c.Name, c.Description, c.StartsOn, c.EndsOn, c.TargetFen / 100m, c.Funds.Select(f => f.Id).ToList(), c.Version);
            FixedArea = c.AreaName;
        }
        else
        {
            // 中华慈善日 (5 September) the default when it is ahead this year.
            var today = ChinaTime.Today(clock);
            var day = new DateOnly(today.Year, 9, 5);
            Input = day >= today ? Input with { Name = $"{today.Year}年“中华慈善日”社区募捐", StartsOn = day.AddDays(-5), EndsOn = day.AddDays(10) } : Input with { StartsOn = today, EndsOn = today.AddMonths(1) };
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => SaveCampaign.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T($"已发起“{result.Value!.Name}”", $"Set up {result.Value!.Name}") : Lang.T("修改成功", "Saved");
            return Redirect($"/Charity/Campaigns/Details/{result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        if (Id is { } cid) FixedArea = (await GetCampaign.Handle(db, clock, cid)).Value?.AreaName;
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync() =>
        Funds = (await db.Set<CommunityFund>().Where(f => f.Status == FundStatus.Active).OrderBy(f => f.AreaCode).ThenBy(f => f.Name).Take(300)
            .Select(f => new { f.Id, f.Name }).ToListAsync()).Select(f => (f.Id, f.Name)).ToList();
}
