using Microsoft.AspNetCore.Identity;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.MyAccount;

/// <summary>
/// 修改密码: the signed-in user gives the current password, then a new one that follows <see cref="PasswordRule"/> and
/// differs from it. Clears <see cref="User.MustChangePassword"/>. Identity renews the security stamp: API tokens end.
/// The page (/Account/ChangePassword) and POST /api/v1/me/password both call <see cref="Handle"/>.
/// </summary>
public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    /// <summary>The request's own rules, without the database: both fields given, the new one per <see cref="PasswordRule"/>.</summary>
    public static Errors Validate(Request request) => new Errors()
        .Text("currentPassword", request.CurrentPassword, "原密码", "Current password", 1, PasswordRule.MaxLength)
        .Password("newPassword", request.NewPassword, "新密码", "New password");

    /// <summary>
    /// Failures: invalid (currentPassword wrong; newPassword against the rule or unchanged); not found (the account is gone).
    /// </summary>
    public static async Task<Result<bool>> Handle(Request request, CurrentUser me, UserManager<User> users)
    {
        var errors = Validate(request);
        if (errors.Any) return errors.ToFailure();
        var user = await users.FindByIdAsync(me.Id.ToString()!);
        if (user is null) return Failure.NotFound();
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
            return Failure.Invalid("currentPassword", Lang.T("原密码错误", "The current password is wrong"));
        if (request.NewPassword == request.CurrentPassword)
            return Failure.Invalid("newPassword", Lang.T("新密码不能与原密码相同", "The new password must differ from the current one"));
        var required = user.MustChangePassword;
        user.PasswordChosen();
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            if (required) user.RequirePasswordChange();
            var mismatch = result.Errors.Any(e => e.Code == "PasswordMismatch");
            return Failure.Invalid(mismatch ? "currentPassword" : "newPassword",
                mismatch ? Lang.T("原密码错误", "The current password is wrong") : PasswordRule.NotMet("新密码", "New password"));
        }
        return true;
    }
}
