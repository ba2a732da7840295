using Wushe.Platform.Localization;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts;

/// <summary>
/// An account whose password an administrator set (new, or reset) must choose its own before anything
/// else: pages redirect to 修改密码, and the API answers 403 with a problem of its own type, except
/// the change-password endpoint itself. The demo accounts are never marked, so the README's sign-ins work.
/// The mark travels in the sign-in claims (<see cref="ClaimsFactory"/>); changing the password signs in afresh without it.
/// </summary>
public sealed class PasswordChangeRequired(RequestDelegate next)
{
    public const string ClaimType = "wushe:must-change-password";
    public const string ProblemType = "urn:wushe:problem:password-change-required";
    public const string PagePath = "/Account/ChangePassword";
    const string ApiPath = Api.Prefix + "/me/password";

    /// <summary>What an account that must change its password may still open: the change itself, signing out, errors.</summary>
    static readonly string[] OpenPages = [PagePath, "/Account/Logout", "/Account/Login", "/Error", "/lang"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || !http.User.HasClaim(c => c.Type == ClaimType))
        {
            await next(http);
            return;
        }
        var path = http.Request.Path;
        if (Api.IsApi(http.Request))
        {
            if (path.Equals(ApiPath, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(http.Request.Method))
            {
                await next(http);
                return;
            }
            await TypedResults.Problem(
                title: Lang.T("请先修改密码", "Change your password first"),
                detail: Lang.T($"该账号的密码由管理员设置，请先通过 POST {ApiPath} 设置自己的密码，然后重新登录。",
                    $"An administrator set this account's password: choose your own with POST {ApiPath}, then sign in again."),
                statusCode: StatusCodes.Status403Forbidden,
                type: ProblemType).ExecuteAsync(http);
            return;
        }
        if (OpenPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || !(path.Value ?? "").StartsWith('/') || Path.HasExtension(path.Value))
        {
            await next(http);
            return;
        }
        http.Response.Redirect(PagePath + "?returnUrl=" + Uri.EscapeDataString(path + http.Request.QueryString));
    }
}
