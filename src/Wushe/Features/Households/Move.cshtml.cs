using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>迁移 a household (<c>?id=</c>) to another community in the user's scope: <see cref="MoveHousehold"/>, confirmed before it is saved.</summary>
[Authorize(HouseholdsPermissions.ManagePolicy)]
public sealed class MoveModel(AppDb db, Platform.Access.CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MoveHousehold.Request Input { get; set; } = new(null, null, null);

    public string HouseholdName { get; private set; } = "";
    public string AreaName { get; private set; } = "";
    public int MemberCount { get; private set; }
    /// <summary>Why this household cannot be moved by this user (closed; a community's staff), said on opening the page instead of the form.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Load() is not { } version) return NotFound();
        Input = new MoveHousehold.Request(null, null, ChinaTime.Today(clock), null, version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Load() is null) return NotFound();
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var request = Input;
        var result = await ModelState.IfParsed("Input.", () => MoveHousehold.Validate(request, ChinaTime.Today(clock)), () => MoveHousehold.Handle(db, clock, Id, request));
        if (result.IsOk)
        {
            var moved = result.Value!;
            TempData["Toast"] = Lang.T("已迁移该户", "Household moved")
                + (moved.WorkerCleared ? Lang.T("；原包户社工不能服务新社区（村），已清除，请指定包户社工", "; the responsible worker cannot serve the new community, so they were cleared: assign one") : "")
                + (moved.CardKept ? "" : Lang.T("；新社区适用另一户卡方案，原户卡已清除，请重新评估户卡", "; the new community has another card scheme, so the card was cleared: assign one"));
            return Redirect($"/Households/Details?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    async Task<int?> Load()
    {
        var h = await db.Set<Household>().AsNoTracking().Where(x => x.Id == Id)
            .Select(x => new { x.HeadName, x.Address, x.AreaCode, x.MemberCount, x.Version, x.Status }).FirstOrDefaultAsync();
        if (h is null) return null;
        Refusal = !MoveHousehold.MayMove(me) ? MoveHousehold.OnlyTheStation : h.Status == HouseholdStatus.Closed ? MoveHousehold.Closed : null;
        (HouseholdName, MemberCount) = ($"{h.HeadName} · {h.Address}", h.MemberCount);
        AreaName = await MoveHousehold.FromNameAsync(db, h.AreaCode);
        return h.Version;
    }
}
