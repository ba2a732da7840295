namespace Wushe.Platform.Web;

/// <summary>
/// The platform's public address — <c>scheme://host[:port]</c>, no trailing slash — for links that leave the browser session: the
/// QR code printed on a 志愿服务证明 (kept with the certificate), the check-in code a volunteer scans, the public need-entry code.
/// It is the setting <c>Wushe:PublicBaseUrl</c> (e.g. <c>https://wushe.example.gov.cn</c> behind a proxy), required outside
/// Development and Testing: <see cref="Require"/> stops the start without it. Only in Development and Testing does a missing
/// setting fall back to the request's own address — never in production, where the Host header is the caller's to choose and
/// would put a forged verification link on a genuine certificate.
/// </summary>
public static class PublicAddress
{
    public const string Setting = "Wushe:PublicBaseUrl";

    /// <summary>The public address for this request's app (see the class).</summary>
    public static string Of(HttpContext http)
    {
        var services = http.RequestServices;
        if (Configured(services.GetRequiredService<IConfiguration>()) is { } configured) return configured;
        if (!MayFallBack(services.GetRequiredService<IWebHostEnvironment>()))
            throw new InvalidOperationException($"{Setting} is not set: links printed for the public need the platform's public address.");
        return $"{http.Request.Scheme}://{http.Request.Host}";
    }

    /// <summary>
    /// Stops the start of a server outside Development and Testing without a valid <c>Wushe:PublicBaseUrl</c> (an absolute http or
    /// https address); returns the message, or null when all is well.
    /// </summary>
    public static string? Require(IConfiguration config, IWebHostEnvironment environment)
    {
        if (Configured(config) is { } configured)
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
                ? null
                : $"{Setting} must be the platform's public address, such as https://wushe.example.gov.cn (it is \"{configured}\").";
        return MayFallBack(environment) ? null
            : $"{Setting} is not set: certificates print it in their QR code and the check-in and need-entry codes link to it. "
            + "Set it to the platform's public address, such as https://wushe.example.gov.cn (environment variable Wushe__PublicBaseUrl).";
    }

    static string? Configured(IConfiguration config) => config[Setting] is { Length: > 0 } s ? s.Trim().TrimEnd('/') : null;

    static bool MayFallBack(IWebHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
