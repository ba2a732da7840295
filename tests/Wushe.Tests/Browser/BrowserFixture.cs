using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright (the system browser:
/// nothing is downloaded). Screenshots go to TestResults/screenshots, or to WUSHE_TEST_ARTIFACTS.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Category = "Browser";
    const string ChromiumPath = "/usr/bin/chromium";

    IPlaywright? playwright;
    IBrowser? browser;

    public ServerApp App { get; } = new();

    public string Screenshots { get; } = ScreenshotFolder();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium fonts-wqy-microhei");
        await App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser window (own cookies) on the app, in Chinese unless told otherwise.</summary>
    public async Task<IPage> NewPage(string locale = "zh-CN")
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        // 60 s: the suite runs its browser classes side by side on two cores (the page walk in two halves among them), and a
        // journey's step waiting behind a walk's page has taken more than 15 s; a real failure still ends the test.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs <paramref name="login"/> in through the login form (demo password unless given) and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, string login, string password = DemoData.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Login']", login);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("#login-submit");
        await page.ArriveAsync(new Regex("/$"));
    }

    public async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    static string ScreenshotFolder()
    {
        var configured = Environment.GetEnvironmentVariable("WUSHE_TEST_ARTIFACTS");
        var root = !string.IsNullOrEmpty(configured) ? configured : Path.Combine(RepositoryRoot(), "TestResults");
        var folder = Path.Combine(root, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wushe.slnx"))) return dir.FullName;
        return Path.GetTempPath();
    }
}

/// <summary>
/// Waits for a page by asking the page itself. Playwright's .NET client answers <c>WaitForURLAsync</c> and
/// <c>WaitForLoadStateAsync</c> from its own record of the browser's load events: it checks the record, then subscribes to
/// the next event, and a "load" arriving between the two is never seen — the wait then ends in a timeout although the page
/// has loaded (clean-clone CI runs met it now and then: the log shows "networkidle" fired while "load" was awaited).
/// <c>WaitForFunctionAsync</c> is polled inside the browser and survives navigations, so it has no such gap.
/// </summary>
public static class PageArrival
{
    /// <summary>Waits until the page's address matches <paramref name="url"/> (a pattern JavaScript reads alike) and its document has loaded.</summary>
    public static async Task ArriveAsync(this IPage page, Regex url, float timeout = 60_000) =>
        await page.WaitForFunctionAsync(
            "([source, flags]) => new RegExp(source, flags).test(location.href) && document.readyState === 'complete'",
            new[] { url.ToString(), url.Options.HasFlag(RegexOptions.IgnoreCase) ? "i" : "" },
            new() { Timeout = timeout, PollingInterval = 100 });

    /// <summary>Waits until the page's current document has loaded (after a form posted back to its own address).</summary>
    public static async Task LoadedAsync(this IPage page) =>
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 100 });
}
