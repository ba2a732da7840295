using Wushe.Platform.Localization;

namespace Wushe.Features.Accounts.Users;

public enum UserStatus
{
    Normal = 1,
    Disabled = 2,
    Locked = 3,
}

/// <summary>A user's status as the rules derive it, and how screens name and colour it.</summary>
public static class UserStatuses
{
    public static UserStatus Of(User user, DateTimeOffset now) => Of(user.IsDisabled, user.LockoutEnd, now);

    /// <summary>停用 (by an administrator) wins over 锁定 (too many failed sign-ins, for a while).</summary>
    public static UserStatus Of(bool isDisabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        isDisabled ? UserStatus.Disabled : lockoutEnd is { } end && end > now ? UserStatus.Locked : UserStatus.Normal;

    public static string Label(UserStatus status) => status switch
    {
        UserStatus.Disabled => Lang.T("停用", "Disabled"),
        UserStatus.Locked => Lang.T("锁定", "Locked"),
        _ => Lang.T("正常", "Active"),
    };

    /// <summary>Bootstrap badge colour of a status (UI.md: 正常 primary, 停用 danger, 锁定 warning).</summary>
    public static string Color(UserStatus status) => status switch
    {
        UserStatus.Disabled => "danger",
        UserStatus.Locked => "warning",
        _ => "primary",
    };
}
