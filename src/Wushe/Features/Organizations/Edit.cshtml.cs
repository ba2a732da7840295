using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>修改社会组织.</summary>
[Authorize(OrganizationsPermissions.ManagePolicy)]
public sealed class EditModel(AppDb db, Sealer sealer, TimeProvider clock) : OrganizationFormPage(db)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public override bool Editing => true;
    public OrganizationStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var o = await Db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id);
        if (o is null) return NotFound();
        var served = await Db.Set<OrganizationServiceArea>().Where(s => s.OrganizationId == Id).OrderBy(s => s.ServedAreaCode).Select(s => s.ServedAreaCode).ToListAsync();
        Input = new OrganizationForm.Request(o.AreaCode, o.Name, o.CreditCode, o.Kind, o.ParentId, o.RegisteringAuthority, o.RegisteredOn, o.LegalRepresentative,
            o.ContactName, null, o.Address, served, Organization.Split(o.FocusAreas), null, o.Version);
        await Describe(o);
        await LoadChoices(Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var existing = await Db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id);
        if (existing is null) return NotFound();
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => OrganizationForm.Validate(input, clock, existing.Status), () => EditOrganization.Handle(Db, sealer, clock, Id, input));
        if (!result.IsOk)
        {
            // The registering area is fixed: the form shows the organization's own.
            Input = Input with { AreaCode = existing.AreaCode };
            ModelState.SetModelValue("Input.AreaCode", existing.AreaCode, existing.AreaCode);
            await Describe(existing);
            return await Fail(result.Failure!, Id);
        }
        TempData["Toast"] = Lang.T("修改成功", "Saved");
        return Redirect($"/Organizations/Details/{Id}");
    }

    async Task Describe(Organization o)
    {
        Status = o.Status;
        PhoneMasked = o.ContactPhone?.Masked;
        AreaName = string.Join(" / ", await PathOf(o.AreaCode));
    }
}
