using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>登记需求: for a household (from its page: ?householdId=) or for an area with the requester's name and phone; photos with it.</summary>
[Authorize(NeedsPermissions.ManagePolicy)]
public sealed class RaiseModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty] public RaiseNeed.Request Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public sealed record Member(Guid Id, string Name);

    /// <summary>The household the need is for, when raised from its page: its address and members.</summary>
    public string? HouseholdAddress { get; private set; }
    public List<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? householdId)
    {
        Input = new RaiseNeed.Request { HouseholdId = householdId, Urgency = NeedUrgency.Normal,
            AreaCode = me.Active?.AreaCode is { Length: 12 } a && !a.EndsWith("000", StringComparison.Ordinal) ? a : null };
        if (!await Load()) return NotFound();
        return Page();
    }

    async Task<bool> Load()
    {
        if (Input.HouseholdId is not { } id) return true;
        HouseholdAddress = await db.Set<Household>().Where(h => h.Id == id).Select(h => h.Address).FirstOrDefaultAsync();
        if (HouseholdAddress is null) return false;
        Members = await HouseholdLookups.ActiveResidents(db).Where(r => r.HouseholdId == id).OrderBy(r => r.Name).Select(r => new Member(r.Id, r.Name)).ToListAsync();
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await ModelState.IfParsed("Input.", () => RaiseNeed.Validate(Input), () => RaiseNeed.Handle(db, me, sealer, clock, Input, Photos));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"需求已登记：{result.Value!.NeedNo}", $"Need raised: {result.Value!.NeedNo}");
            return Redirect($"/Needs/Details?id={result.Value.Id}");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        // The photos' message belongs to the photo field, outside Input.
        if (ModelState.TryGetValue("Input.Photos", out var photos))
            foreach (var e in photos.Errors.ToList()) ModelState.AddModelError(nameof(Photos), e.ErrorMessage);
        if (!await Load()) return NotFound();
        return Page();
    }

    public string Invalid(string field) => ViewData.ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
