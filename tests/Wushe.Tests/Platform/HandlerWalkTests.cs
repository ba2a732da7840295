using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Stations;

namespace Wushe.Tests.Platform;

/// <summary>
/// Walks every Razor page found in the running app, so a page added later is covered without touching
/// this test: each page is opened, posted to without a handler, with an unknown handler, and with an
/// empty form to each of its own handlers, as a signed-in platform admin with a valid antiforgery token.
/// None may answer 500 (DONE.md 3: no request shape reaches a 500).
/// </summary>
public sealed partial class HandlerWalkTests(TestApp app)
{
    public sealed record PageInfo(string Path, string Route, IReadOnlyList<(string Method, string? Name)> Handlers);

    async Task<List<PageInfo>> Pages()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = new List<PageInfo>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            if (pages.Any(p => p.Path == descriptor.ViewEnginePath)) continue;
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            pages.Add(new PageInfo(descriptor.ViewEnginePath, "/" + endpoint.RoutePattern.RawText!.Trim('/'),
                compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name)).ToList()));
        }
        // The walk must not pass by finding nothing.
        Assert.Contains(pages, p => p.Path == "/Stations/Details");
        Assert.Contains(pages, p => p.Path == "/Audit/Index");
        Assert.True(pages.Count >= 15, $"Only {pages.Count} pages found.");
        return pages;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteValue();

    /// <summary>The page's address with real records behind it where it takes an id, so its handlers go as deep as they can.</summary>
    static string Url(PageInfo page, Dictionary<string, string> ids)
    {
        var path = RouteValue().Replace(page.Route, m => ids.GetValueOrDefault(page.Path, Guid.NewGuid().ToString()));
        if (path.Length > 1 && path.EndsWith("/Index", StringComparison.Ordinal)) path = path[..^"/Index".Length];
        var query = ids.TryGetValue(page.Path, out var id) && !page.Route.Contains('{', StringComparison.Ordinal) ? $"?id={id}" : "";
        return path + query;
    }

    async Task<Dictionary<string, string>> Ids()
    {
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode == "520502002000").Select(s => s.Id).FirstAsync());
        var round = await app.Query(db => db.Set<RatingRound>().Select(r => r.Id).FirstAsync());
        var userName = await app.CreateUserAsync(role: Wushe.Platform.Access.Role.StationWorker, areaCode: "520502003000");
        var user = await app.Query(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());
        return new()
        {
            ["/Stations/Details"] = station.ToString(),
            ["/Stations/Edit"] = station.ToString(),
            ["/Stations/Ratings/Details"] = round.ToString(),
            ["/Accounts/Users/Details"] = user.ToString(),
            ["/Accounts/Users/Edit"] = user.ToString(),
            ["/Accounts/Users/Password"] = user.ToString(),
        };
    }

    static string Join(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    [Fact]
    public async Task No_page_answers_a_server_error_to_any_method_handler_or_empty_form()
    {
        var pages = await Pages();
        var ids = await Ids();
        var session = await PageSession.SignInAsync(app, "admin");
        var failures = new List<string>();
        // Sign-out ends the session: walk it last.
        foreach (var page in pages.OrderBy(p => p.Path == "/Accounts/MyAccount/Logout"))
        {
            var url = Url(page, ids);
            var (status, body) = await session.GetAsync(url);
            if ((int)status >= 500) failures.Add($"GET {url}: {(int)status}");
            // Areas are chosen with the cascader, never typed as a 12-digit code (DONE.md 4).
            if (body.Contains("请输入区划代码", StringComparison.Ordinal)) failures.Add($"GET {url}: asks to type an area code");

            using (var unknown = await session.Client.GetAsync(Join(url, "handler=nosuch")))
                if (unknown.StatusCode != HttpStatusCode.NotFound) failures.Add($"GET {url} ?handler=nosuch: {(int)unknown.StatusCode}, expected 404");

            using (var unknown = await session.PostFormAsync(Join(url, "handler=nosuch"), []))
                if (unknown.StatusCode != HttpStatusCode.NotFound) failures.Add($"POST {url} ?handler=nosuch: {(int)unknown.StatusCode}, expected 404");
            using (var plain = await session.PostFormAsync(url, []))
            {
                var hasPost = page.Handlers.Any(h => h is ("POST", null));
                var ok = hasPost ? (int)plain.StatusCode < 500 : plain.StatusCode == HttpStatusCode.MethodNotAllowed;
                if (!ok) failures.Add($"POST {url} (no handler): {(int)plain.StatusCode}{(hasPost ? "" : ", expected 405")}");
            }

            foreach (var (_, name) in page.Handlers.Where(h => h.Method == "POST" && h.Name is not null))
            {
                using var response = await session.PostFormAsync(Join(url, "handler=" + name), []);
                if ((int)response.StatusCode >= 500) failures.Add($"POST {url} ?handler={name} (empty form): {(int)response.StatusCode}");
            }
            foreach (var (_, name) in page.Handlers.Where(h => h.Method == "GET" && h.Name is not null))
            {
                using var response = await session.Client.GetAsync(Join(url, "handler=" + name));
                if ((int)response.StatusCode >= 500) failures.Add($"GET {url} ?handler={name}: {(int)response.StatusCode}");
            }
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} page request(s) went wrong:\n  " + string.Join("\n  ", failures));
    }
}
