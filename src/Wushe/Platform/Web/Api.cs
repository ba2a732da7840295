using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Areas;
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
        // Pages get the error page inside the layout (Features/Error.cshtml), which classifies the same way.
        if (!Api.IsApi(httpContext.Request)) return false;
        if (DatabaseErrors.IsBusy(exception)) return await Busy(httpContext, exception);
        var failure = await ClassifyAsync(exception, httpContext);
        if (failure is null) return false;
        if (httpContext.Response.HasStarted) return false;
        // Database messages name constraints, not values (Npgsql redacts details); other messages may quote the request
        // (a binding failure's message holds the raw value, a phone or an ID number): log the field names only.
        if (exception is DbUpdateException) log.LogWarning(exception, "Handled {Kind} on {Path}", failure.Kind, httpContext.Request.Path);
        else log.LogWarning("Handled {Kind} ({Exception}) on {Path}, fields {Fields}", failure.Kind, exception.GetType().Name, httpContext.Request.Path,
            string.Join(",", failure.Errors?.Keys ?? []));
        var result = Http.Problem(failure);
        httpContext.Response.StatusCode = result.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = result.ProblemDetails, Exception = exception });
    }

    /// <summary>
    /// The expected failure an exception stands for; null for a bug (a 500). The request, when given, names fields by
    /// their labels and a part held above the user's scope by its holder's name.
    /// </summary>
    public static async Task<Failure?> ClassifyAsync(Exception exception, HttpContext http) => exception switch
    {
        DbUpdateConcurrencyException => Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this record; reload and try again")),
        DbUpdateException => Failure.Conflict(Lang.T("数据与已有记录冲突（可能重复），请检查后重试", "The data conflicts with an existing record (a duplicate?)")),
        OutOfScopeException => Failure.NotFound(),
        HeldAboveException held => await HeldAbove(http, held),
        BadHttpRequestException bad => await AllFields(bad, http) ?? BadRequest(bad, http),
        InvisibleInputException { Field.Length: > 0 } invisible => Failure.Invalid(invisible.Field, LabelOf(http, invisible.Field) is { } label
            ? Validation.Invisible.Message(label.Text, label.Text)
            : Validation.Invisible.Message($"查询条件 {invisible.Field} ", $"The parameter {invisible.Field}")),
        // The form reader refuses a form whose values hold control characters (%00), or a multipart form it cannot take apart (a part
        // without a name, a broken boundary): the form as a whole is not well formed.
        InvisibleInputException or InvalidDataException { Source: "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http" } => Unreadable(http),
        _ => null,
    };

    /// <summary>A form the server cannot read: a multipart upload that is not well formed, or values with control characters.</summary>
    static Failure Unreadable(HttpContext http) => http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
        ? Failure.Invalid("", Lang.T("提交的表单无法读取（格式不完整），请重新选择文件后提交", "The form could not be read (it is not well formed): choose the file again and submit"))
        : Failure.Invalid("", Lang.T("提交的内容含有不可见的控制字符，请删除后重新提交", "The form holds invisible control characters: remove them and submit again"));

    /// <summary>403 naming what is held and by whom: "评审得分由毕节市负责，您只能查看，不能修改".</summary>
    static async Task<Failure> HeldAbove(HttpContext http, HeldAboveException held)
    {
        var names = await http.RequestServices.GetRequiredService<IAreaNames>().LookupAsync([held.Part.HolderAreaCode]);
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

    /// <summary>A JSON body with a value that does not parse: every bad field of it at once (<see cref="JsonFields"/>).</summary>
    static async Task<Failure?> AllFields(BadHttpRequestException bad, HttpContext http)
    {
        if (bad.InnerException is not System.Text.Json.JsonException) return null;
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is not { } bodyType) return null;
        var errors = await JsonFields.AllErrorsAsync(http, bodyType, field => NotValid(http, field));
        return errors is { Count: > 0 } ? Failure.Invalid(errors) : null;
    }

    /// <summary>A body field's value that does not parse, by its label where it has one; the body itself (no field: a list or a
    /// number where an object belongs) as a request not well formed.</summary>
    static string NotValid(HttpContext? http, string field) =>
        field.Length == 0 ? Lang.T("请求格式不正确：请求内容应为一个 JSON 对象", "The request is not well formed: the body must be a JSON object")
        : LabelOf(http, field) is { } label ? LabelAttribute.NotValid(label.Text)
        : Lang.T($"{field} 的格式不正确", $"{field} is not in a valid format");

    /// <summary>
    /// Names the field of a body that is not valid JSON for its type, a form value or a query value
    /// that does not parse: "督导日期格式不正确" where the field has a <see cref="LabelAttribute"/>.
    /// </summary>
    static Failure BadRequest(BadHttpRequestException bad, HttpContext? http)
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
            return Failure.Invalid(field, NotValid(http, field));
        }
        var match = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\" ]+ (\\w+)\" from \"([^\"]*)\"");
        if (!match.Success) match = System.Text.RegularExpressions.Regex.Match(bad.Message, "The value '(?<2>[^']*)' is not valid for '(?<1>\\w+)'");
        if (match.Success)
        {
            var field = char.ToLowerInvariant(match.Groups[1].Value[0]) + match.Groups[1].Value[1..];
            return Failure.Invalid(field, LabelOf(http, field) is { } label
                ? LabelAttribute.NotValid(label.Text)
                : Lang.T($"{field} 的值“{match.Groups[2].Value}”格式不正确", $"The value \"{match.Groups[2].Value}\" of {field} is not valid"));
        }
        return Failure.Invalid("", Lang.T("请求格式不正确", "The request is not well formed"));
    }

    /// <summary>
    /// The label of a field of the endpoint's request: a path into its body ("levels[1].minScore"), or the
    /// name of a handler parameter or of a property of an [AsParameters] or [FromForm] parameter.
    /// </summary>
    static LabelAttribute? LabelOf(HttpContext? http, string field)
    {
        // The exception handler clears the request's endpoint; its feature keeps the one that failed.
        var endpoint = http?.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http?.GetEndpoint();
        if (endpoint is null) return null;
        var parts = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d*\]", "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        var roots = new List<Type>();
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is { } body) roots.Add(body);
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        foreach (var p in handler?.GetParameters() ?? [])
        {
            if (parts.Length == 1 && string.Equals(p.Name, parts[0], StringComparison.OrdinalIgnoreCase) && p.GetCustomAttribute<LabelAttribute>() is { } own) return own;
            if (!p.ParameterType.IsPrimitive && p.ParameterType != typeof(string) && p.ParameterType.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) == true) roots.Add(p.ParameterType);
        }
        foreach (var root in roots.Distinct())
        {
            var type = root;
            LabelAttribute? label = null;
            foreach (var part in parts)
            {
                // A dictionary's key ("scores.basics") names an entry of the labelled dictionary.
                if (label is not null && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)) continue;
                var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(x => string.Equals(x.Name, part, StringComparison.OrdinalIgnoreCase));
                if (property is null) { label = null; break; }
                label = PageForms.LabelOf(type, property.Name);
                type = ElementType(property.PropertyType);
            }
            if (label is not null) return label;
        }
        return null;
    }

    static Type ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return type.GetElementType()!;
        return type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? item : type;
    }
}
