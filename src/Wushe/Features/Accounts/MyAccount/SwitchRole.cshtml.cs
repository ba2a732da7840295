using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts.MyAccount;

/// <summary>The area switch of the top bar: choose which role (and so which scope) to act under.</summary>
public sealed class SwitchRoleModel(CurrentUser me) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string key, string? returnUrl)
    {
        if (me.Assignments.Any(a => a.Key == key))
            Response.Cookies.Append(CurrentUser.SelectionCookie, key, new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
