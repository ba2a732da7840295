using Microsoft.AspNetCore.Localization;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Web;

public static class LanguageSwitch
{
    /// <summary>GET /lang/{culture}?returnUrl=…: remembers the choice in a cookie for a year.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var c = culture == Lang.English ? Lang.English : Lang.Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsPlainLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// A path on this site and nothing that a browser could read as another host: starts with one '/', holds no
    /// backslash (browsers read "/\evil.com" as "//evil.com") and no control character ("/\t/evil.com"). Stricter than
    /// the framework's IsLocalUrl, so that LocalRedirect never refuses (and never answers 500).
    /// </summary>
    public static bool IsPlainLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Contains('\\') && !url.Any(char.IsControl);
}
