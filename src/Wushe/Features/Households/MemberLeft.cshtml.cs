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

/// <summary>成员迁出或死亡 (<c>?id=</c> the member): <see cref="RecordMemberLeft"/>, confirmed before it is saved.</summary>
[Authorize(HouseholdsPermissions.ManagePolicy)]
public sealed class MemberLeftModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public RecordMemberLeft.Request Input { get; set; } = new(null, null);

    public string MemberName { get; private set; } = "";
    public Guid HouseholdId { get; private set; }
    public string HouseholdName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Load()) return NotFound();
        Input = new RecordMemberLeft.Request(null, ChinaTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load()) return NotFound();
        var result = await ModelState.IfParsed("Input.", () => RecordMemberLeft.Validate(Input, ChinaTime.Today(clock)), () => RecordMemberLeft.Handle(db, clock, Id, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Input.Status == ResidentStatus.Deceased
                ? Lang.T($"已登记 {MemberName} 死亡", $"{MemberName}'s death recorded")
                : Lang.T($"已登记 {MemberName} 迁出", $"{MemberName} recorded as moved out");
            return Redirect($"/Households/Details?id={HouseholdId}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    async Task<bool> Load()
    {
        var member = await db.Set<Resident>().AsNoTracking().Where(r => r.Id == Id).Select(r => new { r.Name, r.HouseholdId }).FirstOrDefaultAsync();
        if (member is null) return false;
        var household = await db.Set<Household>().AsNoTracking().Where(h => h.Id == member.HouseholdId).Select(h => new { h.HeadName, h.Address }).FirstAsync();
        (MemberName, HouseholdId, HouseholdName) = (member.Name, member.HouseholdId, $"{household.HeadName} · {household.Address}");
        return true;
    }
}
