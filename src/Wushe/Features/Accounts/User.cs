using Microsoft.AspNetCore.Identity;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Accounts;

/// <summary>
/// A person who signs in. The phone number (a sign-in name) and the ID number are sealed:
/// stored encrypted with a keyed hash for lookup, shown masked. Identity's own plain
/// PhoneNumber column is never used.
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    private User() { DisplayName = ""; HomeAreaCode = ""; }

    public User(string userName, string displayName, string homeAreaCode, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        DisplayName = displayName;
        HomeAreaCode = homeAreaCode;
        CreatedAt = createdAt;
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    public string DisplayName { get; set; }

    /// <summary>The area the account belongs to: whose administrators manage it.</summary>
    public string HomeAreaCode { get; set; }
    public SealedValue? Phone { get; set; }
    public SealedValue? IdNumber { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set by an administrator (not by failed sign-ins, which lock for a while only).</summary>
    public bool IsDisabled { get; set; }

    /// <summary>
    /// The password was set by an administrator (a new account, a reset): the user must choose its own at
    /// its next sign-in before anything else (<see cref="PasswordChangeRequired"/>). Cleared by changing it.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
