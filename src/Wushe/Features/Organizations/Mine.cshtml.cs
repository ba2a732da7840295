using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Access;

namespace Wushe.Features.Organizations;

/// <summary>本机构 (the menu's entry for organization staff): their organization's details page, or why there is none.</summary>
[Authorize(OrganizationsPermissions.ViewOnePolicy)]
public sealed class MineModel(CurrentUser me) : PageModel
{
    public IActionResult OnGet() =>
        OrganizationAccess.Own(me) is { } id ? Redirect($"/Organizations/Details/{id}")
        : me.Has(OrganizationsPermissions.View) ? Redirect("/Organizations")
        : Page();
}
