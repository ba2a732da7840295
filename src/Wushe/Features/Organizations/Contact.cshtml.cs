using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>本机构 · 修改联系信息: organization staff keep their own organization's contact details (<see cref="EditOwnOrganization"/>).</summary>
[Authorize(OrganizationsPermissions.EditOwnPolicy)]
public sealed class ContactModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : OrganizationFormPage(db)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public override bool Editing => true;
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Own() is not { } o) return NotFound();
        var served = await Db.Set<OrganizationServiceArea>().Where(s => s.OrganizationId == Id).OrderBy(s => s.ServedAreaCode).Select(s => s.ServedAreaCode).ToListAsync();
        Input = new OrganizationForm.Request(o.AreaCode, o.Name, null, o.Kind, null, null, null, null,
            o.ContactName, null, o.Address, served, Organization.Split(o.FocusAreas), null, o.Version);
        Describe(o);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Own() is not { } o) return NotFound();
        var i = Input;
        var request = new EditOwnOrganization.Request(i.ContactName, i.ContactPhone, i.Address, i.ServiceAreas, i.FocusAreas, i.Version, i.ClearContactPhone);
        var result = await ModelState.IfParsed("Input.", () => EditOwnOrganization.Validate(request, clock),
            () => EditOwnOrganization.Handle(Db, me, sealer, clock, Id, request));
        if (!result.IsOk)
        {
            Describe(o);
            return await Fail(result.Failure!, Id);
        }
        TempData["Toast"] = Lang.T("修改成功", "Saved");
        return Redirect($"/Organizations/Details/{Id}");
    }

    /// <summary>The user's own organization when it is the one asked for; null otherwise (404, as any other organization).</summary>
    async Task<Organization?> Own() =>
        OrganizationAccess.Own(me) == Id ? await Db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id) : null;

    void Describe(Organization o)
    {
        Name = o.Name;
        PhoneMasked = o.ContactPhone?.Masked;
    }
}
