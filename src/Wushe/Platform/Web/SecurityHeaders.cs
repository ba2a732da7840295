namespace Wushe.Platform.Web;

/// <summary>
/// Security headers on every response — pages, API, static and stored files, errors — set before the
/// response starts, whatever produced it:
/// <list type="bullet">
/// <item><c>Content-Security-Policy</c> <see cref="Policy"/>: scripts, styles, fonts and images from the app
///   only; no inline script, no inline style, no <c>eval</c>; nothing may frame the app.</item>
/// <item><c>X-Frame-Options: DENY</c> (frame protection for browsers without CSP level 2),
///   <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: same-origin</c>
///   (nothing of an address leaves the app, not even its origin).</item>
/// </list>
/// The API reference (<see cref="ApiDocsPath"/>, Scalar) gets <see cref="ApiDocsPolicy"/> on that path only.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The app's policy. Pages keep their scripts in <c>wwwroot/js</c> and pass data in <c>data-</c> attributes or
    /// <c>&lt;script type="application/json"&gt;</c> blocks (not executed, so not subject to <c>script-src</c>).
    /// <c>style-src 'self'</c> holds because Bootstrap, htmx (its indicator style turned off in the layout) and
    /// ECharts set styles through the CSSOM, which CSP does not restrict; pages use classes, never <c>style=""</c>.
    /// <c>img-src data:</c>: Bootstrap draws its select arrows, check marks and close buttons as data-URI SVGs.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiDocsPath = "/api/docs";

    /// <summary>
    /// Scalar's page starts from one inline module script, allowed by a fresh nonce per request
    /// (<c>WithNonce()</c>; Scalar puts it in <c>HttpContext.Items</c>). Its bundle injects its CSS as
    /// <c>&lt;style&gt;</c> elements and sets style attributes, hence <c>'unsafe-inline'</c> for styles — on this
    /// path only, where no user data is shown. Everything else stays as strict as <see cref="Policy"/>.
    /// </summary>
    public static string ApiDocsPolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Put first in the pipeline, so that error pages and short-circuited responses carry the headers too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath, StringComparison.OrdinalIgnoreCase)
                    ? ApiDocsPolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string)
                    : Policy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
