using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 停用 / 启用: an administrator disables an account (it cannot sign in; its sessions end at their next
/// validation) or enables it again, which also lifts a lockout after failed sign-ins (解锁).
/// </summary>
public static class ChangeUserStatus
{
    public sealed record Response(Guid Id, UserStatus Status, string StatusName);

    public static async Task<Result<Response>> Lock(AppDb db, CurrentUser actor, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var user = await UserScope.FindAsync(db, actor.Scope, id, ct);
        if (user is null) return Failure.NotFound();
        if (await UserScope.CheckManageableAsync(db, actor, user, ct) is { } refused) return refused;
        if (user.Id == actor.Id) return Failure.Conflict(Lang.T("不能停用当前登录的账号", "You cannot disable the account you are signed in with"));
        if (user.IsDisabled) return Failure.Conflict(Lang.T("该用户已停用", "The user is already disabled"));
        user.Disable();
        SecurityStamps.Renew(user); // signed-in sessions of the user end
        await db.SaveChangesAsync(ct);
        return Describe(user, clock);
    }

    public static async Task<Result<Response>> Unlock(AppDb db, CurrentUser actor, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var user = await UserScope.FindAsync(db, actor.Scope, id, ct);
        if (user is null) return Failure.NotFound();
        if (await UserScope.CheckManageableAsync(db, actor, user, ct) is { } refused) return refused;
        if (UserStatuses.Of(user, clock.GetUtcNow()) == UserStatus.Normal)
            return Failure.Conflict(Lang.T("该用户已是正常状态", "The user is already active"));
        user.Enable();
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        return Describe(user, clock);
    }

    static Response Describe(User user, TimeProvider clock)
    {
        var status = UserStatuses.Of(user, clock.GetUtcNow());
        return new Response(user.Id, status, UserStatuses.Label(status));
    }
}
