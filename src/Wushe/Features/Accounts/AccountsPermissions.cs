using Wushe.Platform.Access;

namespace Wushe.Features.Accounts;

public static class AccountsPermissions
{
    public const string ManageUsersPolicy = "users.manage", RevealSensitivePolicy = "sensitive.reveal";

    /// <summary>Create users, assign roles and scopes, lock and unlock, within one's own scope.</summary>
    public static readonly Permission ManageUsers = new(ManageUsersPolicy, Role.BureauStaff);

    /// <summary>See a sensitive value in full, giving a reason; every use is audited.</summary>
    public static readonly Permission RevealSensitive = new(RevealSensitivePolicy, Role.BureauStaff, Role.StationWorker);
}
