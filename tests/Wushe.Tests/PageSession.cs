using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Wushe.Features.Demo;

namespace Wushe.Tests;

/// <summary>
/// A browser-like client of the console's pages: signed in through the sign-in page (cookie), posting
/// forms with the antiforgery token the page itself hands out. Redirects are not followed.
/// </summary>
public sealed partial class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<PageSession> SignInAsync(TestApp app, string login, string password = DemoData.Password)
    {
        var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        using var response = await session.PostFormAsync("/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Page sign-in of {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>An antiforgery token for this session, read from a page that has a form (the layout's sign-out form has one).</summary>
    public async Task<string> TokenAsync(string from = "/Account/Login")
    {
        using var response = await Client.GetAsync(from);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {from} ({(int)response.StatusCode}).");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form as the browser would: with the token of the session.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var token = await TokenAsync(tokenFrom ?? "/Account/Login");
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await Client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>GET a page and return its status and HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Client.Dispose();
}
