using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

public static class Api
{
    public const string Prefix = "/api/v1";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>API clients get a status code, pages a redirect to the sign-in page.</summary>
    public static Func<RedirectContext<CookieAuthenticationOptions>, Task> StatusInsteadOfRedirect(int status) => ctx =>
    {
        if (status == StatusCodes.Status403Forbidden) ctx.HttpContext.Items[Audit.SecurityEvents.ForbiddenKey] = true;
        if (IsApi(ctx.Request)) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    };
}

/// <summary>
/// Failures that surface as exceptions from the database (a race on a unique key, a stale
/// version), refusals of the central write guard (404 outside the scope, 403 for a part held
/// above it), and request values that do not bind, become Problem Details. Log lines name the
/// kind and the path, never a value: a value that did not bind may be a phone or ID number.
/// </summary>
public sealed class KnownExceptions(IProblemDetailsService problems, ILogger<KnownExceptions> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseErrors.IsBusy(exception)) return await Busy(httpContext, exception);
        var failure = exception switch
        {
            DbUpdateConcurrencyException => Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this record; reload and try again")),
            DbUpdateException => Failure.Conflict(Lang.T("数据与已有记录冲突（可能重复），请检查后重试", "The data conflicts with an existing record (a duplicate?)")),
            OutOfScopeException => Failure.NotFound(),
            HeldAboveException held => await HeldAbove(httpContext, held),
            BadHttpRequestException bad => BadRequest(bad),
            _ => null,
        };
        if (failure is null) return false;
        if (httpContext.Response.HasStarted) return false;
        // Database messages name constraints, not values (Npgsql redacts details); other messages may quote the request.
        if (exception is DbUpdateException) log.LogWarning(exception, "Handled {Kind} on {Path}", failure.Kind, httpContext.Request.Path);
        else log.LogWarning("Handled {Kind} ({Exception}) on {Path}, field {Field}", failure.Kind, exception.GetType().Name, httpContext.Request.Path,
            failure.Errors?.Keys.FirstOrDefault());
        var result = Http.Problem(failure);
        httpContext.Response.StatusCode = result.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = result.ProblemDetails, Exception = exception });
    }

    /// <summary>403 naming what is held and by whom: "评审得分由毕节市负责，您只能查看，不能修改".</summary>
    static async Task<Failure> HeldAbove(HttpContext http, HeldAboveException held)
    {
        var db = http.RequestServices.GetRequiredService<AppDb>();
        var names = await Features.Areas.AreaNames.LookupAsync(db, [held.Part.HolderAreaCode]);
        var holder = names.GetValueOrDefault(held.Part.HolderAreaCode, held.Part.HolderAreaCode);
        return Failure.Forbidden(Lang.T($"{held.Part.LabelZh}由{holder}负责，您只能查看，不能修改", $"{held.Part.LabelEn}: held by {holder}; you may view but not change it"));
    }

    /// <summary>A lock wait that ran out (another write held the database): 503 with Retry-After, never "a duplicate".</summary>
    async ValueTask<bool> Busy(HttpContext httpContext, Exception exception)
    {
        if (httpContext.Response.HasStarted) return false;
        log.LogWarning(exception, "Database busy on {Path}", httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = "urn:wushe:problem:busy",
            Title = Lang.T("系统繁忙，请稍后重试", "The system is busy; please try again shortly"),
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Names the field of a body that is not valid JSON for its type, or a query value that does not parse.</summary>
    static Failure BadRequest(BadHttpRequestException bad)
    {
        // A field the operation does not take (JsonUnmappedMemberHandling.Disallow): refused by name rather than ignored.
        if (bad.InnerException is System.Text.Json.JsonException unmapped
            && System.Text.RegularExpressions.Regex.Match(unmapped.Message, "The JSON property '([^']{1,100})' could not be mapped") is { Success: true } member)
        {
            var name = member.Groups[1].Value;
            return Failure.Invalid(name, Lang.T($"{name} 不能修改，或不是本操作的字段", $"{name} cannot be changed, or is not a field of this operation"));
        }
        if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path })
        {
            var field = path.TrimStart('$', '.');
            return Failure.Invalid(field, Lang.T($"{field} 的格式不正确", $"{field} is not in a valid format"));
        }
        var match = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\" ]+ (\\w+)\" from \"([^\"]*)\"");
        if (match.Success)
        {
            var field = char.ToLowerInvariant(match.Groups[1].Value[0]) + match.Groups[1].Value[1..];
            return Failure.Invalid(field, Lang.T($"{field} 的值“{match.Groups[2].Value}”格式不正确", $"The value \"{match.Groups[2].Value}\" of {field} is not valid"));
        }
        var form = System.Text.RegularExpressions.Regex.Match(bad.Message, "The value '([^']*)' is not valid for '(\\w+)'");
        if (form.Success)
        {
            var field = char.ToLowerInvariant(form.Groups[2].Value[0]) + form.Groups[2].Value[1..];
            return Failure.Invalid(field, Lang.T($"{field} 的值“{form.Groups[1].Value}”格式不正确", $"The value \"{form.Groups[1].Value}\" of {field} is not valid"));
        }
        return Failure.Invalid("", Lang.T("请求格式不正确", "The request is not well formed"));
    }
}
