using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>添加 / 修改家庭成员: the fields of <see cref="ResidentFields"/>; stored sensitive values show masked and stay when left empty.</summary>
[Authorize(HouseholdsPermissions.ManagePolicy)]
public sealed class ResidentModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    /// <summary>The member edited; or, with <see cref="HouseholdId"/>, none: a member added.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "household")] public Guid? HouseholdId { get; set; }
    [BindProperty] public ResidentFields Resident { get; set; } = new(null, null, null, null);
    /// <summary>The health note on file is cleared (the box shows it masked, so an empty box keeps it).</summary>
    [BindProperty, Label("清除已登记的健康情况", "Clear the health note on file")] public bool ClearHealthNote { get; set; }
    /// <summary>The phone on file is cleared (an empty box keeps it).</summary>
    [BindProperty, Label("清除已登记的联系电话", "Clear the phone on file")] public bool ClearPhone { get; set; }
    /// <summary>The guardian's phone on file is cleared (an empty box keeps it).</summary>
    [BindProperty, Label("清除已登记的监护人电话", "Clear the guardian's phone on file")] public bool ClearGuardianPhone { get; set; }

    public List<TargetGroup> Tags { get; private set; } = [];
    public string HouseholdName { get; private set; } = "";
    public string? MaskedId { get; private set; }
    public string? MaskedPhone { get; private set; }
    public string? MaskedGuardianPhone { get; private set; }
    public bool HasHealthNote { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Load(fill: true)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load(fill: false)) return NotFound();
        // No box ticked sends no tags: on this form that means none (the API's null keeps them).
        // The health note and phones on file are not shown: an empty box keeps them, a "clear" box (with nothing typed) empties one.
        static string? Kept(string? typed, bool clear) => !string.IsNullOrWhiteSpace(typed) ? typed : clear ? "" : null;
        var fields = Resident with
        {
            Tags = Resident.Tags ?? [],
            HealthNote = ClearHealthNote && string.IsNullOrWhiteSpace(Resident.HealthNote) ? "" : Resident.HealthNote,
            Phone = Kept(Resident.Phone, ClearPhone),
            GuardianPhone = Kept(Resident.GuardianPhone, ClearGuardianPhone),
        };
        var today = ChinaTime.Today(clock);
        var result = Id is { } id
            ? await ModelState.IfParsed("Resident.", () => fields.Validate(new Errors(), today), () => SaveResident.Update(db, me, sealer, clock, id, fields))
            : await ModelState.IfParsed("Resident.", () => fields.Validate(new Errors(), today), () => SaveResident.Add(db, me, sealer, clock, HouseholdId!.Value, fields));
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("已添加家庭成员", "Member added") : Lang.T("修改成功", "Saved");
            return Redirect($"/Households/Details?id={HouseholdId}");
        }
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure!, "Resident.");
        if (result.Failure!.Extensions?.GetValueOrDefault(ResidentFields.ExistingHousehold) is Guid existing) ViewData[ResidentFields.ExistingHousehold] = existing;
        return Page();
    }

    async Task<bool> Load(bool fill)
    {
        if (Id is { } id)
        {
            var r = await db.Set<Resident>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (r is null) return false;
            HouseholdId = r.HouseholdId;
            MaskedId = r.IdNumber?.Masked;
            MaskedPhone = r.Phone?.Masked;
            MaskedGuardianPhone = r.GuardianPhone?.Masked;
            HasHealthNote = r.HealthNote.Length > 0;
            if (fill)
            {
                var tags = await db.Set<ResidentTag>().Where(t => t.ResidentId == id).Select(t => t.TargetGroupId).ToListAsync();
                Resident = new ResidentFields(r.Name, r.Sex, r.BirthDate, r.Relation, null, null, null, r.GuardianName, r.GuardianRelation, null, tags, Version: r.Version);
            }
        }
        if (HouseholdId is not { } hid) return false;
        var household = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid);
        if (household is null) return false;
        HouseholdName = $"{household.HeadName} · {household.Address}";
        Tags = await Choices.TagsAsync(db, me);
        return true;
    }
}
