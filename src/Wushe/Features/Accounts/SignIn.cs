using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts;

/// <summary>
/// Sign in with a user name or a mobile number and a password. An unknown account, a wrong password,
/// an address locked out of the account and a disabled account all get one answer, "用户名或密码错误",
/// in about the same time (a password hash is checked in every case), so that sign-in tells nobody
/// whether an account exists or what state it is in; the locked state is never told, not even after
/// the right password, which would make the lockout an oracle for guessing (ADR 0004). Every refusal
/// is audited with the account where one is known; <see cref="SignInLimits"/> has the limits.
/// </summary>
public static class SignIn
{
    public sealed record Request(string Login, string Password);

    /// <summary>Audit reasons of failed sign-ins; "password" failures are what the lockout counts.</summary>
    public const string WrongPassword = "password", Unknown = "unknown", Locked = "locked", LockedOut = "lockout", Disabled = "disabled",
        RateLimitedAccount = "rate-limited: account";

    public static async Task<Result<User>> Handle(Request request, AppDb db, UserManager<User> users, Sealer sealer, SignInLimits limits,
        TimeProvider clock, CancellationToken ct = default)
    {
        var errors = new Errors()
            .Text("login", request.Login, "用户名或手机号", "User name or mobile", 1, 100)
            .Text("password", request.Password, "密码", "Password", 1, 100);
        if (errors.Any) return errors.ToFailure();

        var login = request.Login.Trim();
        var key = SignInLimits.AccountKey(login);
        var origin = db.Actor.Origin;
        var failed = Failure.Invalid("password", Lang.T("用户名或密码错误", "Wrong user name or password"));
        var user = await Find(db, sealer, login, ct);

        if (limits.AccountThrottled(key) is { } wait)
        {
            if (limits.ShouldRecord(key, clock.GetUtcNow())) await Audit(db, clock, user, AuditOutcome.Denied, RateLimitedAccount, ct);
            return Failure.TooManyRequests(wait);
        }
        var recentFailures = await RecentFailuresAsync(db, user?.Id, origin, limits, clock, ct);
        if (user is null)
        {
            limits.VerifyDummy(request.Password);
            limits.CountFailure(key);
            await Audit(db, clock, null, AuditOutcome.Failed, Unknown, ct);
            return failed;
        }
        if (recentFailures >= limits.LockoutFailures && user.LockoutEnd > clock.GetUtcNow())
        {
            // Locked out from this address: the password is not even checked (it would tell when a guess is right).
            limits.VerifyDummy(request.Password);
            await Audit(db, clock, user, AuditOutcome.Denied, Locked, ct);
            return failed;
        }
        var right = user.PasswordHash is not null ? await users.CheckPasswordAsync(user, request.Password) : VerifyDummy(limits, request.Password);
        if (!right)
        {
            limits.CountFailure(key);
            await Audit(db, clock, user, AuditOutcome.Failed, WrongPassword, ct);
            if (recentFailures + 1 >= limits.LockoutFailures) await LockOutAsync(db, clock, user, limits, ct);
            return failed;
        }
        if (user.IsDisabled)
        {
            await Audit(db, clock, user, AuditOutcome.Denied, Disabled, ct);
            return failed;
        }
        return user;
    }

    static bool VerifyDummy(SignInLimits limits, string password)
    {
        limits.VerifyDummy(password);
        return false;
    }

    /// <summary>
    /// Wrong passwords for the account from this address since its last sign-in from there, within the
    /// lockout window: read from the audit trail, which every instance shares. Unknown accounts run the
    /// same query (on no key) so that they take the same time.
    /// </summary>
    static async Task<int> RecentFailuresAsync(AppDb db, Guid? userId, string? origin, SignInLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - limits.LockoutWindow;
        var key = userId?.ToString() ?? "-";
        var recent = await db.AuditRecords.AsNoTracking()
            .Where(r => r.Entity == nameof(User) && r.EntityKey == key && r.Origin == origin && r.At > since
                && (r.Action == AuditAction.SignIn || (r.Action == AuditAction.SignInFailed && r.Reason == WrongPassword)))
            .OrderByDescending(r => r.Id).Take(limits.LockoutFailures + 1).Select(r => r.Action).ToListAsync(ct);
        return recent.TakeWhile(a => a == AuditAction.SignInFailed).Count();
    }

    /// <summary>
    /// This address has now failed too often: it is locked out of the account (and only it). The account's
    /// LockoutEnd tells administrators (锁定) and lets them lift every address's lockout at once (解锁).
    /// </summary>
    static async Task LockOutAsync(AppDb db, TimeProvider clock, User user, SignInLimits limits, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + limits.LockoutWindow;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until), ct);
        await Audit(db, clock, user, AuditOutcome.Denied, LockedOut, ct);
    }

    public static async Task<User?> Find(AppDb db, Sealer sealer, string login, CancellationToken ct = default)
    {
        var users = db.Users.IgnoreQueryFilters();
        if (Mobile.IsValid(login))
        {
            var hash = sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(login));
            var byPhone = await users.FirstOrDefaultAsync(u => u.Phone!.Hash == hash, ct);
            if (byPhone is not null) return byPhone;
        }
        var normalized = login.ToUpperInvariant();
        return await users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
    }

    /// <summary>A failed or refused sign-in, naming the account where one is known (its actor is that account, from the request's address).</summary>
    static async Task Audit(AppDb db, TimeProvider clock, User? user, AuditOutcome outcome, string reason, CancellationToken ct)
    {
        // A password re-hash may have saved the user; the audit record must not carry that entity along.
        db.ChangeTracker.Clear();
        var who = new CurrentUser(user?.Id, user?.UserName, [], null) { Origin = db.Actor.Origin };
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), who, AuditAction.SignInFailed, nameof(User), user?.Id.ToString() ?? "", outcome: outcome, reason: reason));
        await db.SaveChangesAsync(ct);
    }

    public static async Task RecordSuccess(AppDb db, TimeProvider clock, User user)
    {
        db.ChangeTracker.Clear();
        var who = new CurrentUser(user.Id, user.UserName, [], null) { Origin = db.Actor.Origin };
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), who, AuditAction.SignIn, nameof(User), user.Id.ToString()));
        await db.SaveChangesAsync();
    }
}
