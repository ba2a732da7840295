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

/// <summary>The signed-in user: who they are, their roles and scopes; changing one's password (<see cref="MyAccount.ChangePassword"/>); the bearer token.</summary>
public static class AccountApi
{
    public sealed record Me(Guid Id, string UserName, string DisplayName, IReadOnlyList<MyRole> Roles, string? ActiveRole);

    public sealed record MyRole(string Key, Role Role, string RoleName, string AreaCode, string AreaName);

    public static Me Describe(CurrentUser me, string displayName) => new(me.Id!.Value, me.UserName ?? "", displayName,
        me.Assignments.Select(a => new MyRole(a.Key, a.Role, Roles.Label(a.Role), a.AreaCode, a.AreaLabel)).ToList(), me.Active?.Key);

    public static void Map(RouteGroupBuilder api)
    {
        MapToken(api).WithoutIdempotency("sign-in: a token must never be replayed from storage");
        var g = api.MapGroup("/me").WithTags("Account");
        g.MapGet("/", (CurrentUser me, HttpContext http) => TypedResults.Ok(Describe(me, http.User.FindFirst("wushe:display")?.Value ?? "")))
            .WithName("GetCurrentUser").WithSummary("当前用户 · The signed-in user")
            .WithDescription("The signed-in user, its roles with their area scopes, and the active one (choose with the X-Wushe-Role header).");
        g.MapPost("/password", async (MyAccount.ChangePassword.Request request, CurrentUser me, UserManager<User> users) =>
            (await MyAccount.ChangePassword.Handle(request, me, users)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("ChangePassword").WithSummary("修改密码 · Change one's password")
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
        .WithName("SignIn").WithSummary("登录获取令牌 · Sign in for a bearer token")
        .WithDescription("Exchange a user name (or mobile number) and password for a bearer token. " +
            "Every failure answers 400 \"用户名或密码错误\" on password, whatever the cause (unknown account, wrong password, locked out, disabled). " +
            "5 wrong passwords in 15 minutes lock the caller's address out of the account; too many attempts answer 429 with Retry-After.")
        .Produces<AccessTokenResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
