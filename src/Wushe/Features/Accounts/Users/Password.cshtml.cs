using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.Users;

/// <summary>重置密码: an administrator sets a new password for a user in its scope.</summary>
[Authorize(AccountsPermissions.ManageUsersPolicy)]
public sealed class PasswordModel(AppDb db, CurrentUser me, UserManager<User> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ResetPassword.Request Input { get; set; } = new(null);

    [BindProperty]
    public string? Confirm { get; set; }

    public GetUser.Details Subject { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await Load() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Load() is { } refused) return refused;
        if (!string.IsNullOrEmpty(Input.NewPassword) && Confirm != Input.NewPassword)
        {
            ModelState.AddModelError(nameof(Confirm), Lang.T("两次输入的密码不一致", "The two passwords differ"));
            // With the rule's own verdict on the new password, so that one submit names both.
            if (PasswordRule.Check(Input.NewPassword, "新密码", "New password") is { } rule) ModelState.AddModelError("Input.NewPassword", rule);
            return Page();
        }
        var result = await ResetPassword.Handle(db, me, users, Id, Input);
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (!result.IsOk)
        {
            ModelState.AddFailure(result.Failure!, "Input.");
            return Page();
        }
        TempData["Toast"] = Lang.T("重置成功", "Password reset");
        return Redirect($"/Admin/Users/Details/{Id}");
    }

    async Task<IActionResult?> Load()
    {
        var found = await GetUser.Handle(db, me, clock, Id);
        if (!found.IsOk) return NotFound();
        Subject = found.Value!;
        if (!Subject.CanManage)
        {
            TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + Subject.WhyNotManageable;
            return Redirect($"/Admin/Users/Details/{Id}");
        }
        return null;
    }
}
