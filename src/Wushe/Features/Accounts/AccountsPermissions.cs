using Wushe.Platform.Access;

namespace Wushe.Features.Accounts;

public static class AccountsPermissions
{
    /// <summary>Create users, assign roles and scopes, lock and unlock, within one's own scope.</summary>
    public static readonly Permission ManageUsers = new("users.manage", Role.BureauStaff);

    /// <summary>See a sensitive value in full, giving a reason; every use is audited.</summary>
    public static readonly Permission RevealSensitive = new("sensitive.reveal", Role.BureauStaff, Role.StationWorker);
}
