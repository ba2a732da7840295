using Microsoft.AspNetCore.Identity;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts;

/// <summary>
/// The one password rule of the platform: 8 to 100 characters, with letters and digits. Identity's
/// own validator is configured down to nothing (<see cref="Configure"/>) and <see cref="Validator"/>
/// applies this rule whenever Identity sets a password; use cases check it first with
/// <see cref="Password"/>, so a refusal names its field.
/// </summary>
public static class PasswordRule
{
    public const int MinLength = 8, MaxLength = 100;

    /// <summary>The rule in words, for placeholders and messages.</summary>
    public static string Description => Lang.T($"至少 {MinLength} 位，须同时包含字母和数字", $"{MinLength}+ characters with letters and digits");

    /// <summary>Null when the value follows the rule; otherwise UI.md's message naming the field.</summary>
    public static string? Check(string? value, string labelZh, string labelEn)
    {
        if (string.IsNullOrEmpty(value)) return Lang.T($"{labelZh}不能为空", $"{labelEn} is required");
        if (value.Length is < MinLength or > MaxLength)
            return Lang.T($"{labelZh}长度必须介于 {MinLength} 和 {MaxLength} 之间", $"{labelEn} must be between {MinLength} and {MaxLength} characters long");
        if (!value.Any(char.IsAsciiDigit) || !value.Any(char.IsAsciiLetter))
            return Lang.T($"{labelZh}须同时包含字母和数字", $"{labelEn} must contain letters and digits");
        return null;
    }

    /// <summary>The message when Identity refuses a password that passed <see cref="Check"/> (rare): the field, then the rule.</summary>
    public static string NotMet(string labelZh, string labelEn) =>
        Lang.T($"{labelZh}不符合要求：", $"The {labelEn.ToLowerInvariant()} does not meet the rule: ") + Description;

    public static Errors Password(this Errors errors, string field, string? value, string labelZh, string labelEn) =>
        errors.Add(field, Check(value, labelZh, labelEn));

    /// <summary>Identity's built-in rules off: this rule is the only one (it runs as <see cref="Validator"/>).</summary>
    public static void Configure(PasswordOptions o)
    {
        o.RequiredLength = 1;
        o.RequiredUniqueChars = 1;
        o.RequireDigit = false;
        o.RequireLowercase = false;
        o.RequireUppercase = false;
        o.RequireNonAlphanumeric = false;
    }

    /// <summary>The rule as Identity's password validator, for every password Identity sets.</summary>
    public sealed class Validator : IPasswordValidator<User>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
            Task.FromResult(Check(password, "密码", "Password") is { } message
                ? IdentityResult.Failed(new IdentityError { Code = "PasswordRule", Description = message })
                : IdentityResult.Success);
    }
}
