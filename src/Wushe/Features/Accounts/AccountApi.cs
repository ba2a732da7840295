using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts;

/// <summary>The signed-in user: who they are, their roles and scopes; changing one's password.</summary>
public static class AccountApi
{
    public sealed record Me(Guid Id, string UserName, string DisplayName, IReadOnlyList<MyRole> Roles, string? ActiveRole);

    public sealed record MyRole(string Key, Role Role, string RoleName, string AreaCode, string AreaName);

    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    /// <summary>
    /// 修改密码: the current password, then a new one that follows <see cref="PasswordRule"/> and differs from
    /// it. Clears <see cref="User.MustChangePassword"/>. Failures: invalid (currentPassword wrong,
    /// newPassword against the rule or unchanged). Identity renews the security stamp: API tokens end.
    /// </summary>
    public static async Task<Result<bool>> ChangePassword(ChangePasswordRequest request, CurrentUser me, UserManager<User> users)
    {
        var errors = new Errors()
            .Text("currentPassword", request.CurrentPassword, "原密码", "Current password", 1, PasswordRule.MaxLength)
            .Password("newPassword", request.NewPassword, "新密码", "New password");
        if (errors.Any) return errors.ToFailure();
        var user = await users.FindByIdAsync(me.Id.ToString()!);
        if (user is null) return Failure.NotFound();
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
            return Failure.Invalid("currentPassword", Lang.T("原密码错误", "The current password is wrong"));
        if (request.NewPassword == request.CurrentPassword)
            return Failure.Invalid("newPassword", Lang.T("新密码不能与原密码相同", "The new password must differ from the current one"));
        var required = user.MustChangePassword;
        user.PasswordChosen();
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            if (required) user.RequirePasswordChange();
            return Failure.Invalid(result.Errors.Any(e => e.Code == "PasswordMismatch") ? "currentPassword" : "newPassword",
                result.Errors.Any(e => e.Code == "PasswordMismatch") ? Lang.T("原密码错误", "The current password is wrong")
                    : PasswordRule.NotMet("新密码", "New password"));
        }
        return true;
    }

    public static Me Describe(CurrentUser me, string displayName) => new(me.Id!.Value, me.UserName ?? "", displayName,
        me.Assignments.Select(a => new MyRole(a.Key, a.Role, Roles.Label(a.Role), a.AreaCode, a.AreaLabel)).ToList(), me.Active?.Key);

    public static void Map(RouteGroupBuilder api)
    {
        MapToken(api).WithoutIdempotency("sign-in: a token must never be replayed from storage");
        var g = api.MapGroup("/me").WithTags("Account");
        g.MapGet("/", (CurrentUser me, HttpContext http) => TypedResults.Ok(Describe(me, http.User.FindFirst("wushe:display")?.Value ?? "")))
            .WithSummary("当前用户 · The signed-in user")
            .WithDescription("The signed-in user, its roles with their area scopes, and the active one (choose with the X-Wushe-Role header).");
        g.MapPost("/password", async (ChangePasswordRequest request, CurrentUser me, UserManager<User> users) =>
            (await ChangePassword(request, me, users)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("修改密码 · Change one's password")
            .WithDescription("Body {currentPassword, newPassword}. Required first after an administrator set the password; the token then ends: sign in again.")
            .WithoutIdempotency("the body is a password: not even its hash is kept");
    }

    /// <summary>POST /api/v1/auth/token: a bearer token for API clients.</summary>
    static RouteHandlerBuilder MapToken(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token", async Task<Results<SignInHttpResult, ProblemHttpResult>> (SignIn.Request request, AppDb db, UserManager<User> users, SignInManager<User> signIn, Sealer sealer,
            SignInLimits limits, TimeProvider clock, HttpContext http) =>
        {
            var result = await SignIn.Handle(request, db, users, sealer, limits, clock, http.RequestAborted);
            if (!result.IsOk)
            {
                http.Response.SetRetryAfter(result.Failure!.RetryAfter);
                return Http.Problem(result.Failure);
            }
            await SignIn.RecordSuccess(db, clock, result.Value!);
            var principal = await signIn.CreateUserPrincipalAsync(result.Value!);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        })
        .AllowAnonymous()
        .RequireRateLimiting(SignInLimits.Policy)
        .WithTags("Account")
        .WithSummary("登录获取令牌 · Sign in for a bearer token")
        .WithDescription("Exchange a user name (or mobile number) and password for a bearer token. " +
            "Every failure answers 400 \"用户名或密码错误\" on password, whatever the cause (unknown account, wrong password, locked out, disabled). " +
            "5 wrong passwords in 15 minutes lock the caller's address out of the account; too many attempts answer 429 with Retry-After.")
        .Produces<AccessTokenResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
