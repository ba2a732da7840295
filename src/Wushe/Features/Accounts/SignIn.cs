using Microsoft.AspNetCore.Authentication;
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

/// <summary>Sign in with a user name or a mobile number and a password; lockout after repeated failures.</summary>
public static class SignIn
{
    public sealed record Request(string Login, string Password);

    public static async Task<Result<User>> Handle(Request request, AppDb db, SignInManager<User> signIn, Sealer sealer, TimeProvider clock)
    {
        var errors = new Errors()
            .Text("login", request.Login, "用户名或手机号", "User name or mobile", 1, 100)
            .Text("password", request.Password, "密码", "Password", 1, 100);
        if (errors.Any) return errors.ToFailure();

        var login = request.Login.Trim();
        var user = await Find(db, sealer, login);
        var failed = Failure.Invalid("password", Lang.T("用户名或密码错误", "Wrong user name or password"));
        if (user is null)
        {
            await Audit(db, clock, null, AuditOutcome.Failed, "unknown");
            return failed;
        }
        if (user.IsDisabled)
        {
            await Audit(db, clock, user, AuditOutcome.Denied, "disabled");
            return Failure.Invalid("login", Lang.T("账号已停用，请联系管理员", "This account is disabled; please contact your administrator"));
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await Audit(db, clock, user, AuditOutcome.Denied, "locked");
            return Failure.Invalid("login", Lang.T("密码错误次数过多，账号已锁定，请 15 分钟后再试", "Too many failed attempts: the account is locked; try again in 15 minutes"));
        }
        if (!check.Succeeded)
        {
            await Audit(db, clock, user, AuditOutcome.Failed, "password");
            return failed;
        }
        return user;
    }

    public static async Task<User?> Find(AppDb db, Sealer sealer, string login)
    {
        var users = db.Users.IgnoreQueryFilters();
        if (Mobile.IsValid(login))
        {
            var hash = sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(login));
            var byPhone = await users.FirstOrDefaultAsync(u => u.Phone!.Hash == hash);
            if (byPhone is not null) return byPhone;
        }
        var normalized = login.ToUpperInvariant();
        return await users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    static async Task Audit(AppDb db, TimeProvider clock, User? user, AuditOutcome outcome, string reason)
    {
        // Identity has already saved (or, racing another sign-in, failed to save) the failure count:
        // the audit record must not carry that user entity along.
        db.ChangeTracker.Clear();
        var who = new CurrentUser(user?.Id, user?.UserName, [], null) { Origin = db.Actor.Origin };
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), who, AuditAction.SignInFailed, nameof(User), user?.Id.ToString() ?? "", outcome: outcome, reason: reason));
        await db.SaveChangesAsync();
    }

    public static async Task RecordSuccess(AppDb db, TimeProvider clock, User user)
    {
        db.ChangeTracker.Clear();
        var who = new CurrentUser(user.Id, user.UserName, [], null) { Origin = db.Actor.Origin };
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), who, AuditAction.SignIn, nameof(User), user.Id.ToString()));
        await db.SaveChangesAsync();
    }

    /// <summary>POST /api/v1/auth/token: a bearer token for API clients.</summary>
    public static RouteHandlerBuilder MapToken(this IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token", async Task<IResult> (Request request, AppDb db, SignInManager<User> signIn, Sealer sealer, TimeProvider clock) =>
        {
            var result = await Handle(request, db, signIn, sealer, clock);
            if (!result.IsOk) return Http.Problem(result.Failure!);
            await RecordSuccess(db, clock, result.Value!);
            var principal = await signIn.CreateUserPrincipalAsync(result.Value!);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .WithTags("Account")
        .WithSummary("登录获取令牌 · Sign in for a bearer token")
        .WithDescription("Exchange a user name (or mobile number) and password for a bearer token.")
        .Produces<AccessTokenResponse>()
        .ProducesValidationProblem();
}
