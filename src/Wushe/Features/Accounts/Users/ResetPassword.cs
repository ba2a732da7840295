using Microsoft.AspNetCore.Identity;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>重置密码: an administrator sets a new password; the user's sessions end (new security stamp).</summary>
public static class ResetPassword
{
    public sealed record Request(string? NewPassword);

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser actor, UserManager<User> users, Guid id, Request r, CancellationToken ct = default)
    {
        var user = await UserScope.FindAsync(db, actor.Scope, id, ct);
        if (user is null) return Failure.NotFound();
        if (await UserScope.CheckManageableAsync(db, actor, user, ct) is { } refused) return refused;
        var errors = new Errors().Password("newPassword", r.NewPassword, "新密码", "New password");
        if (errors.Any) return errors.ToFailure();

        // Identity's validators (the same PasswordRule) and hasher; saved with new stamps (sessions end) so the
        // audit names only what changed.
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, r.NewPassword!);
            if (!checkedPassword.Succeeded)
                return Failure.Invalid("newPassword", PasswordRule.NotMet("新密码", "New password"));
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, r.NewPassword!);
        // The administrator knows this password now: the user chooses its own at the next sign-in.
        user.RequirePasswordChange();
        SecurityStamps.Renew(user);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }
}
