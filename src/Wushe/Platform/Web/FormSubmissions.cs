using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Web;

/// <summary>
/// One submission per page form (DONE.md "Every form"): every <c>&lt;form method="post"&gt;</c> of the console carries a
/// one-time token (<see cref="Field"/>, a fresh UUID rendered by <see cref="SubmissionTokenTagHelper"/>). The first POST
/// with a token claims it in the API's idempotency store (<see cref="IdempotencyRecord"/>, key <c>form:{token}</c>, per
/// user) in one database transaction with the handler's work; when the handler succeeds by redirecting (post, redirect,
/// get: every create form goes to what it created), the redirect's target is kept for <c>Wushe:Idempotency:Retention</c>.
/// The same form posted again — a double submit on a slow phone, back and resubmit — creates nothing: it is sent to the
/// first result with the notice "此表单已提交，请勿重复提交". Two posts at the same moment: the second waits for the first.
/// A refused submission (the page shown again with its errors) keeps nothing, so the corrected form can be sent.
/// A POST without a token (a script, the tests' own clients) is not guarded here: the API's Idempotency-Key is the way
/// for programs.
/// </summary>
public static class FormSubmissions
{
    /// <summary>The hidden field's name.</summary>
    public const string Field = "__SubmissionToken";

    /// <summary>The prefix of the key in the idempotency store (API keys are the client's own and never start so in practice; a clash is per user only).</summary>
    public const string KeyPrefix = "form:";

    public static string AlreadySubmitted => Lang.T("此表单已提交，请勿重复提交", "This form was already submitted; it was not submitted again");
}

/// <summary>Adds the one-time submission token to every POST form (<see cref="FormSubmissions"/>).</summary>
[HtmlTargetElement("form")]
public sealed class SubmissionTokenTagHelper : TagHelper
{
    /// <summary>Runs after the framework's form tag helper (which adds the antiforgery token).</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes.TryGetAttribute("method", out var m) ? m.Value?.ToString() : null;
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FormSubmissions.Field}\" value=\"{Guid.NewGuid():N}\" />");
    }
}

/// <summary>The page filter behind <see cref="FormSubmissions"/>.</summary>
sealed class SubmissionTokenFilter(AppDb db, CurrentUser me, TimeProvider clock, IConfiguration config, IUrlHelperFactory urls) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <summary>
    /// The form's submission token ("" when none). A form that cannot be read (a value with a control character: the form reader
    /// refuses it) is a 400 (<see cref="InvisibleInputException"/>), not a crash; on the error page re-executed for it, no token.
    /// </summary>
    static async Task<string> TokenAsync(HttpContext http)
    {
        try
        {
            return (await http.Request.ReadFormAsync(http.RequestAborted))[FormSubmissions.Field].ToString();
        }
        catch (InvalidDataException) when (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            throw new InvisibleInputException("");
        }
        catch (InvalidDataException)
        {
            return "";
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || context.HandlerMethod is null || !http.Request.HasFormContentType || me.Id is not { } userId
            || context.Result is not null
            || !Guid.TryParseExact(await TokenAsync(http), "N", out var token))
        {
            await next();
            return;
        }
        var key = FormSubmissions.KeyPrefix + token.ToString("N");
        var path = http.Request.Path.Value!.ToLowerInvariant();
        var now = clock.GetUtcNow();
        var retention = Idempotency.Retention(config);
        var records = db.Set<IdempotencyRecord>();

        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
            var existing = await records.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
            if (existing is not null && existing.CreatedAt > now - retention)
            {
                await tx.CommitAsync(http.RequestAborted);
                if (context.HandlerInstance is PageModel page) page.TempData["ToastError"] = FormSubmissions.AlreadySubmitted;
                // The first result; a first submission still at work (status 0) cannot be seen here: the claim holds the second until it commits.
                context.Result = new RedirectResult(existing.Location ?? http.Request.Path + http.Request.QueryString);
                return;
            }
            if (existing is not null)
                await records.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(http.RequestAborted);
            var claim = records.Add(new IdempotencyRecord(userId, key, http.Request.Method, path, "", now));
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                claim.State = EntityState.Detached;
                await tx.RollbackAsync(http.RequestAborted);
                continue;
            }
            claim.State = EntityState.Detached;

            var executed = await next();
            if (executed.Exception is not null && !executed.ExceptionHandled) return; // rolled back with the transaction
            var location = LocationOf(executed);
            if (location is not null)
                await records.Where(r => r.UserId == userId && r.Key == key).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, StatusCodes.Status303SeeOther)
                    .SetProperty(r => r.Location, location.Length > 400 ? null : location), http.RequestAborted);
            else
                await records.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(http.RequestAborted);
            await tx.CommitAsync(http.RequestAborted);
            return;
        }
    }

    /// <summary>Where a successful submission sent the user (post, redirect, get), or null when the page was shown again.</summary>
    string? LocationOf(PageHandlerExecutedContext executed) => executed.Result switch
    {
        RedirectResult r => r.Url,
        LocalRedirectResult r => r.Url,
        RedirectToPageResult r => (r.UrlHelper ?? urls.GetUrlHelper(executed)).Page(r.PageName, r.PageHandler, r.RouteValues, r.Protocol, r.Host, r.Fragment),
        _ => null,
    };
}
