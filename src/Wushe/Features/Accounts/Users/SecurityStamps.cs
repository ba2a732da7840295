namespace Wushe.Features.Accounts.Users;

public static class SecurityStamps
{
    /// <summary>
    /// A new security stamp (and concurrency stamp): the user's cookie sessions end at their next
    /// validation, as with UserManager.UpdateSecurityStampAsync. Saved by the caller's SaveChanges, so
    /// the audit record names only the fields that really changed; Identity's own update marks every
    /// column as modified, which would make the audit trail claim the password hash changed.
    /// </summary>
    public static void Renew(User user)
    {
        user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
