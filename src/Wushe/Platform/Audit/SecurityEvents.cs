using Wushe.Data;

namespace Wushe.Platform.Audit;

/// <summary>
/// Security events that no use case records itself (等保: refused operations are audited):
/// a write the central guard refused (<see cref="ScopeRefusedException"/>), and a write request that
/// authorization refused — 403 for the API, the 没有权限 page for a signed-in page user. Runs after
/// authentication, so the record names the user. Use cases that refuse with a reason of their own
/// record it through <c>AppDb.RecordDeniedAsync</c>; this then adds nothing for the request.
/// </summary>
public sealed class SecurityEvents(RequestDelegate next, ILogger<SecurityEvents> log)
{
    /// <summary>Set on HttpContext.Items once a security event of the request is recorded.</summary>
    public const string RecordedKey = "wushe:security-event-recorded";

    /// <summary>Set on HttpContext.Items when a page request is sent to the 没有权限 page.</summary>
    public const string ForbiddenKey = "wushe:forbidden";

    /// <summary>The entity name of records about a refused request rather than a record.</summary>
    public const string RequestEntity = "Request";

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (ScopeRefusedException refused)
        {
            // The exception handler answers (403 or 404); the change itself was never saved.
            await RecordAsync(http, refused.Entity, refused.Key, refused.AreaCode, refused.Reason);
            throw;
        }
        if (IsWrite(http.Request) && http.User.Identity?.IsAuthenticated == true && !http.Items.ContainsKey(RecordedKey)
            && (http.Response.StatusCode == StatusCodes.Status403Forbidden || http.Items.ContainsKey(ForbiddenKey)))
        {
            var what = $"{http.Request.Method} {http.Request.Path.Value}";
            await RecordAsync(http, RequestEntity, what.Length > 200 ? what[..200] : what, null, "forbidden");
        }
    }

    static bool IsWrite(HttpRequest request) => !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    /// <summary>Writes one Denied record in a context of its own (the request's may hold the refused change).</summary>
    async Task RecordAsync(HttpContext http, string entity, string key, string? areaCode, string reason)
    {
        try
        {
            await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await db.RecordDeniedAsync(AuditAction.Denied, entity, key, areaCode, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The refusal stands whether or not its record could be written; the log says why it is missing.
            log.LogError("Could not record a security event ({Reason}) on {Entity}: {Error}", reason, entity, e.GetType().Name);
        }
    }
}
