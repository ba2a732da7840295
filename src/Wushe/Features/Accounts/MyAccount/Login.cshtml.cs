using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.MyAccount;

/// <summary>登录: the same use case and limits as the API's token (SignIn, SignInLimits).</summary>
[EnableRateLimiting(SignInLimits.Policy)]
public sealed class LoginModel(AppDb db, UserManager<User> users, SignInManager<User> signIn, Sealer sealer, SignInLimits limits, TimeProvider clock,
    IConfiguration config) : PageModel
{
    [BindProperty]
    public SignIn.Request Input { get; set; } = new("", "");

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    /// <summary>Seconds to wait, when the per-address limit sent the browser back here (SignInLimits).</summary>
    [BindProperty(SupportsGet = true)]
    public int? RetryAfter { get; set; }

    public bool ShowDemoAccounts => config.GetValue("Wushe:Demo:Seed", false);

    /// <summary>After any failed sign-in: the same words whatever the cause.</summary>
    public string? Hint { get; private set; }

    public string? Throttled => RetryAfter is > 0 and var s ? ThrottledText(s) : null;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.SignIn.Handle(Input, db, users, sealer, limits, clock, HttpContext.RequestAborted);
        if (!result.IsOk)
        {
            ModelState.Clear();
            ModelState.AddFailure(result.Failure!, "Input.");
            if (result.Failure!.Kind == FailureKind.TooManyRequests)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.SetRetryAfter(result.Failure.RetryAfter);
            }
            else if (result.Failure.Errors?.ContainsKey("password") == true) Hint = limits.Hint;
            return Page();
        }
        await Accounts.SignIn.RecordSuccess(db, clock, result.Value!);
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        Response.Cookies.Delete(Platform.Access.CurrentUser.SelectionCookie);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>The message of a limit reached, for the page (Chinese by default).</summary>
    public static string ThrottledText(int seconds) => Lang.T($"登录尝试过于频繁，请 {Math.Max(1, (seconds + 59) / 60)} 分钟后再试", $"Too many sign-in attempts; try again in {Math.Max(1, (seconds + 59) / 60)} minute(s)");
}
