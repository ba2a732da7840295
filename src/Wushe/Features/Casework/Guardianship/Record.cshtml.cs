using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework.Guardianship;

/// <summary>记录监护评估 of one child (from the guardianship list or the household page); 404 for a child out of scope.</summary>
[Authorize(CaseworkPermissions.AssessPolicy)]
public sealed class RecordModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public RecordGuardianshipAssessment.Request Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid ResidentId { get; set; }

    public string ChildName { get; private set; } = "";
    public int ChildAge { get; private set; }
    public int Months { get; private set; }
    /// <summary>Who may be named the guardian (<see cref="RecordGuardianshipAssessment.GuardiansAsync"/>).</summary>
    public List<string> Guardians { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Load()) return NotFound();
        Input = new RecordGuardianshipAssessment.Request { ResidentId = ResidentId, AssessedOn = ChinaTime.Today(clock), GuardianName = Guardians.Count == 1 ? Guardians[0] : null };
        return Page();
    }

    async Task<bool> Load()
    {
        var child = await db.Set<Resident>().FirstOrDefaultAsync(r => r.Id == ResidentId);
        if (child is null) return false;
        Guardians = await RecordGuardianshipAssessment.GuardiansAsync(db, child, ChinaTime.Today(clock), HttpContext.RequestAborted);
        ChildName = child.Name;
        ChildAge = ChinaTime.AgeOn(child.BirthDate, ChinaTime.Today(clock));
        Months = await RecordGuardianshipAssessment.MonthsAsync(db, child.AreaCode, HttpContext.RequestAborted);
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input = Input with { ResidentId = ResidentId };
        var result = await ModelState.IfParsed("Input.", () => RecordGuardianshipAssessment.Validate(Input, clock), () => RecordGuardianshipAssessment.Handle(db, me, clock, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已保存，下次评估日期 {ChinaTime.Format(result.Value!.NextDueOn)}", $"Saved; next assessment due {ChinaTime.Format(result.Value!.NextDueOn)}");
            return Redirect("/Casework/Guardianship");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        return await Load() ? Page() : NotFound();
    }
}
