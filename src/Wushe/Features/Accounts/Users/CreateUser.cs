using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 新增用户: an account with its home area, sealed phone (a sign-in name, so unique) and ID number,
/// an initial password and its roles. Everything is checked before anything is saved.
/// </summary>
public static partial class CreateUser
{
    public sealed record Request(string? UserName, string? DisplayName, string? Phone, string? IdNumber, string? HomeAreaCode, string? Password,
        IReadOnlyList<RoleRequest>? Roles);

    public sealed record Created(Guid Id);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex UserNamePattern();

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Handle"/> runs it first.</summary>
    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors()
            .Text("userName", r.UserName, "用户名", "User name", 2, 30)
            .Text("displayName", r.DisplayName, "姓名", "Name", 2, 50)
            .Password("password", r.Password, "初始密码", "Initial password");
        var userName = r.UserName?.Trim() ?? "";
        if (userName.Length is >= 2 and <= 30)
        {
            if (!UserNamePattern().IsMatch(userName))
                errors.Add("userName", Lang.T("用户名只能包含字母、数字和 . _ -", "The user name may contain letters, digits and . _ - only"));
            else if (Mobile.IsValid(userName))
                errors.Add("userName", Lang.T("用户名不能是手机号码", "The user name cannot be a mobile number"));
        }
        errors.Add("phone", Mobile.Check(r.Phone));
        if (!string.IsNullOrWhiteSpace(r.IdNumber)) errors.Add("idNumber", ResidentId.Check(r.IdNumber, ChinaTime.Today(clock)));
        return errors;
    }

    public static async Task<Result<Created>> Handle(AppDb db, CurrentUser actor, UserManager<User> users, Sealer sealer, TimeProvider clock, Request r,
        CancellationToken ct = default)
    {
        var errors = Validate(r, clock);
        var userName = r.UserName?.Trim() ?? "";
        var normalized = userName.ToUpperInvariant();
        if (!errors.Has("userName") && await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            errors.Duplicate("userName", UserNameTaken);
        var phone = errors.Has("phone") ? null : await CheckPhoneAsync(db, sealer, r.Phone, null, errors, ct);
        var idNumber = errors.Has("idNumber") ? null : await CheckIdNumberAsync(db, sealer, clock, r.IdNumber, null, errors, ct);
        var home = await UserAreas.ValidateHomeAsync(db, actor, r.HomeAreaCode, errors, ct);
        var roles = await RoleGrants.ValidateAsync(db, actor, r.Roles, home, errors, ct: ct);
        if (errors.Any) return errors.ToFailure();

        var user = new User(userName, r.DisplayName!.Trim(), home!, clock.GetUtcNow());
        user.SetPhone(sealer.Seal(SensitiveKind.Phone, phone!));
        if (idNumber is not null) user.SetIdNumber(sealer.Seal(SensitiveKind.IdNumber, idNumber));
        // The administrator chose this password: the user chooses its own at the first sign-in.
        user.RequirePasswordChange();
        // Identity saves the user itself; the roles follow in the same transaction, so a failure saves nothing.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, r.Password!);
        }
        catch (DbUpdateException e) when (UniqueKeys.Violated(db, e) is { } columns)
        {
            // Natural keys raced past the checks above (two requests at one moment): the same answer as the checks give.
            db.ChangeTracker.Clear();
            return DuplicateOf(columns);
        }
        if (!created.Succeeded) return IdentityFailure(created);
        foreach (var (role, area, organization) in roles) db.RoleAssignments.Add(new RoleAssignment(user.Id, role, area, organization));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Created(user.Id);
    }

    static string UserNameTaken => Lang.T("该用户名已存在", "This user name is taken");

    static string PhoneTaken => Lang.T("该手机号已被使用", "This mobile number is already in use");

    static string IdNumberTaken => Lang.T("该身份证号码已被使用", "This ID number is already in use");

    /// <summary>An account's natural keys — user name, mobile number, ID number — as the unique index that refused a save names them.</summary>
    public static Failure DuplicateOf(IReadOnlyList<string> columns) =>
        columns.Contains(nameof(User.NormalizedUserName)) ? Failure.Duplicate("userName", UserNameTaken)
        : columns.Contains("PhoneHash") ? Failure.Duplicate("phone", PhoneTaken)
        : columns.Contains("IdNumberHash") ? Failure.Duplicate("idNumber", IdNumberTaken)
        : UniqueKeys.Conflict();

    /// <summary>A mobile number, normalised, that no other account uses (it is a sign-in name).</summary>
    public static async Task<string?> CheckPhoneAsync(AppDb db, Sealer sealer, string? value, Guid? self, Errors errors, CancellationToken ct)
    {
        if (Mobile.Check(value) is { } message)
        {
            errors.Add("phone", message);
            return null;
        }
        var phone = Mobile.Normalize(value!);
        var hash = sealer.Hash(SensitiveKind.Phone, phone);
        if (await db.Users.AnyAsync(u => u.Phone!.Hash == hash && u.Id != self, ct))
        {
            errors.Duplicate("phone", PhoneTaken);
            return null;
        }
        return phone;
    }

    /// <summary>An optional resident ID number, valid as of today in China, held by no other account.</summary>
    public static async Task<string?> CheckIdNumberAsync(AppDb db, Sealer sealer, TimeProvider clock, string? value, Guid? self, Errors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (ResidentId.Check(value, ChinaTime.Today(clock)) is { } message)
        {
            errors.Add("idNumber", message);
            return null;
        }
        var id = ResidentId.Normalize(value);
        var hash = sealer.Hash(SensitiveKind.IdNumber, id);
        if (await db.Users.AnyAsync(u => u.IdNumber!.Hash == hash && u.Id != self, ct))
        {
            errors.Duplicate("idNumber", IdNumberTaken);
            return null;
        }
        return id;
    }

    /// <summary>Identity's own refusals (rare: the same rules were checked above) named by field.</summary>
    public static Failure IdentityFailure(IdentityResult result)
    {
        var errors = new Errors();
        foreach (var e in result.Errors)
        {
            if (e.Code.StartsWith("Password", StringComparison.Ordinal))
                errors.Add("password", e.Code == "PasswordRule" ? e.Description : PasswordRule.NotMet("密码", "Password"));
            else if (e.Code.Contains("UserName", StringComparison.Ordinal))
                if (e.Code == "DuplicateUserName") errors.Duplicate("userName", UserNameTaken);
                else errors.Add("userName", Lang.T("用户名格式不正确", "The user name is not well formed"));
            else if (e.Code == "ConcurrencyFailure")
                return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this record; reload and try again"));
            else errors.Add("", e.Description);
        }
        return errors.ToFailure();
    }
}
