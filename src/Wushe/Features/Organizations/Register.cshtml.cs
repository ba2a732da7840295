using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>新增社会组织.</summary>
[Authorize(OrganizationsPermissions.ManagePolicy)]
public sealed class RegisterModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : OrganizationFormPage(db)
{
    public override bool Editing => false;

    public async Task<IActionResult> OnGetAsync(string? area)
    {
        // The registering area defaults to the tree node the list showed, else the user's own area.
        var code = Wushe.Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
        if (code is not null && me.Scope.Covers(code)) Input = Input with { AreaCode = code };
        await LoadChoices(null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var created = await ModelState.IfParsed("Input.", () => OrganizationForm.Validate(input, clock), () => RegisterOrganization.Handle(Db, me, sealer, clock, input));
        if (!created.IsOk) return await Fail(created.Failure!, null);
        TempData["Toast"] = Lang.T("新增成功", "Added");
        return Redirect($"/Organizations/Details/{created.Value!.Id}");
    }
}
