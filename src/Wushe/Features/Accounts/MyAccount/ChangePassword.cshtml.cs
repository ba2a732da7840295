using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.MyAccount;

/// <summary>修改密码; the first page an account sees after an administrator set its password.</summary>
public sealed class ChangePasswordModel(CurrentUser me, UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [BindProperty]
    public ChangePassword.Request Input { get; set; } = new("", "");

    [BindProperty]
    public string? Confirm { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>An administrator set the password: nothing else opens until the user chooses its own.</summary>
    public bool Required => User.HasClaim(c => c.Type == PasswordChangeRequired.ClaimType);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Confirm != Input.NewPassword)
        {
            ModelState.AddModelError(nameof(Confirm), Lang.T("两次输入的密码不一致", "The two passwords differ"));
            // With the rule's own verdict on the new password, so that one submit names both.
            if (PasswordRule.Check(Input.NewPassword, "新密码", "New password") is { } rule) ModelState.AddModelError("Input.NewPassword", rule);
            return Page();
        }
        var result = await ModelState.IfParsed(() => ChangePassword.Handle(Input, me, users));
        if (!result.IsOk)
        {
            ModelState.AddFailure(result.Failure!, "Input.");
            return Page();
        }
        // A new sign-in: the claims no longer carry the must-change mark.
        if (await users.FindByIdAsync(me.Id.ToString()!) is { } user) await signIn.RefreshSignInAsync(user);
        TempData["Toast"] = Lang.T("修改成功", "Changed");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith(PasswordChangeRequired.PagePath, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/");
    }
}
