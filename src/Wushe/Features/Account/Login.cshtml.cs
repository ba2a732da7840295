using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Account;

public sealed class LoginModel(AppDb db, SignInManager<User> signIn, Sealer sealer, TimeProvider clock, IConfiguration config) : PageModel
{
    [BindProperty]
    public SignIn.Request Input { get; set; } = new("", "");

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public bool ShowDemoAccounts => config.GetValue("Wushe:Demo:Seed", false);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.SignIn.Handle(Input, db, signIn, sealer, clock);
        if (!result.IsOk)
        {
            ModelState.Clear();
            ModelState.AddFailure(result.Failure!, "Input.");
            return Page();
        }
        await Accounts.SignIn.RecordSuccess(db, clock, result.Value!);
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        Response.Cookies.Delete(Platform.Access.CurrentUser.SelectionCookie);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
