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

    // Identity's own fields keep Identity's public setters (its stores write them); ours change through the verbs below.
    public string DisplayName { get; private set; }

    /// <summary>The area the account belongs to: whose administrators manage it.</summary>
    public string HomeAreaCode { get; private set; }
    public SealedValue? Phone { get; private set; }
    public SealedValue? IdNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set by an administrator (not by failed sign-ins, which lock for a while only).</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>
    /// The password was set by an administrator (a new account, a reset): the user must choose its own at
    /// its next sign-in before anything else (<see cref="PasswordChangeRequired"/>). Cleared by changing it.
    /// </summary>
    public bool MustChangePassword { get; private set; }

    public void Rename(string displayName) => DisplayName = displayName;

    /// <summary>The account now belongs to another area (an administrator's change, or a division code that moved).</summary>
    public void MoveHome(string homeAreaCode) => HomeAreaCode = homeAreaCode;

    /// <summary>The sealed mobile number (a sign-in name, so unique: checked by the use case).</summary>
    public void SetPhone(SealedValue? phone) => Phone = phone;

    public void SetIdNumber(SealedValue? idNumber) => IdNumber = idNumber;

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;

    /// <summary>An administrator chose the password (a new account, a reset): the user replaces it at its next sign-in.</summary>
    public void RequirePasswordChange() => MustChangePassword = true;

    /// <summary>The user chose its own password.</summary>
    public void PasswordChosen() => MustChangePassword = false;
}
