using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Points;

/// <summary>我的积分 (phone first): balance, stars, the entries paged; a donation form where the region allows it (<see cref="DonatePoints"/>).</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public DonatePoints.Request Input { get; set; } = new(null, null, null);

    public MyPoints.Response? Points { get; private set; }

    public async Task OnGetAsync() =>
        Points = (await MyPoints.Handle(db, me, clock, PageNumber is >= 1 ? PageNumber : null, Paging.Sizes.Contains(Size ?? 0) ? Size : 20)).Value;

    public async Task<IActionResult> OnPostDonateAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => DonatePoints.Handle(db, me, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已转赠 {result.Value!.Points} 积分给 {result.Value.ToName}", $"{result.Value!.Points} points given to {result.Value.ToName}");
            return Redirect("/Volunteers/Points");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        await OnGetAsync();
        return Page();
    }
}
