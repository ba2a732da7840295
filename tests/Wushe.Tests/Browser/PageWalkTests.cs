using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

/// <summary>
/// Walks every page a role can reach — its menu, the details and edit pages linked from there,
/// the login page and the public pages — at a phone's width (390 px) and a desktop's (1440 px),
/// in Chinese and in English, and holds each page to the rules every screen must keep:
/// <list type="bullet">
/// <item>nothing wider than the window (no sideways scrolling), no button whose label breaks across lines, and at
///   desktop width no table that scrolls sideways;</item>
/// <item>axe-core (WCAG 2.1 A and AA) finds no serious or critical violation;</item>
/// <item>the browser reports no Content-Security-Policy violation, no script error and no failed request;</item>
/// <item>no code names (PascalCase identifiers) in what a user reads; in English, no Chinese besides
///   the data itself (names of places, people, stations) and <see cref="AllowedChinese"/>;</item>
/// <item>a breadcrumb never names the same thing twice in a row; a field's messages name it as its label does.</item>
/// </list>
/// Screenshots of every Chinese page go to the artefacts folder (<c>walk-{role}-{lang}-{width}-{page}.jpg</c>).
/// The station's roles are walked by <see cref="StationPageWalkTests"/>, a class of its own so that the two halves run side by side.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed partial class PageWalkTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    const int Phone = 390, Desktop = 1440;

    /// <summary>
    /// Chinese that stays in English mode: the language switch names Chinese in Chinese, and the names of two
    /// programmes, given in parentheses after their English name where a label introduces them
    /// ("Meet the whole standard (五有五统一)"), so that English readers can match them with the paper forms
    /// (DESIGN.md: domain terms keep their Chinese names). Everything else in English mode is English.
    /// </summary>
    static readonly string[] AllowedChinese = ["中文", "五有五统一", "双站合一"];

    /// <summary>
    /// Known defects the walk tolerates while their fix is under way elsewhere (path prefix, problem prefix). Keep it
    /// empty: an entry is a debt with a name, to be removed when its fix lands.
    /// </summary>
    static readonly (string Path, string Problem)[] PendingElsewhere = [];

    /// <summary>Words that look like code names but are proper names.</summary>
    static readonly HashSet<string> AllowedIdentifiers = ["PostgreSQL", "JavaScript", "WeChat", "OpenAPI"];

    /// <summary>
    /// One sign-in of each kind of menu: platform admin, city bureau, station worker, community staff and a
    /// self-service account (volunteer), an organization's staff (本机构), and a visitor who has not signed in. The fund
    /// committee holds the community staff's menu; donor and merchant the volunteer's.
    /// </summary>
    public static TheoryData<string> Roles => ["(visitor)", "admin", "bijie", "bijie.zyz"];

    /// <summary>The roles of a station and of the places it serves, walked by <see cref="StationPageWalkTests"/> beside these.</summary>
    public static TheoryData<string> StationRoles => ["shixi", "shixi.sq", "org.staff"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_fits_a_phone_and_a_desktop_is_accessible_and_speaks_one_language(string role)
    {
        var clock = Stopwatch.StartNew();
        var data = await DataText.LoadAsync(browser.App);
        var signedIn = role != "(visitor)";
        var page = await browser.NewPage();
        var context = page.Context;
        await context.AddInitScriptAsync(new BundledAxeScriptProvider().GetScript());
        var problems = new List<string>();
        // Reported by the browser while a page is walked (events arrive on Playwright's thread).
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) events.Enqueue("CSP: " + m.Text);
            else if (m.Type == "error") events.Enqueue("console error: " + m.Text + " " + m.Location);
        };
        page.PageError += (_, e) => events.Enqueue("script error: " + e);
        page.RequestFailed += (_, r) => { if (!r.Url.Contains("/lang/", StringComparison.Ordinal)) events.Enqueue($"request failed: {r.Method} {r.Url} {r.Failure}"); };
        // Requests in flight: the page is settled when none is left (forgotten at each navigation, so that a request
        // the browser drops without a word cannot hold up every later page).
        var pending = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, bool>();
        page.Request += (_, r) => pending[r] = true;
        page.RequestFinished += (_, r) => pending.TryRemove(r, out bool _);
        page.RequestFailed += (_, r) => pending.TryRemove(r, out bool _);
        page.Response += (_, r) => { if (r.Status >= 400 && r.Request.ResourceType is not "document") events.Enqueue($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };

        if (signedIn)
        {
            await BrowserFixture.SignInAsync(page, role);
        }
        string[] starts = signedIn ? ["/", "/Account/Profile", "/Account/ChangePassword"] : ["/Account/Login", "/Public/Ratings"];

        var visited = 0;
        var slowest = new List<(double Seconds, string Page)>();
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync("/lang/" + lang + "?returnUrl=%2F");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var inLanguage = 0;
            var queue = new Queue<string>(starts);
            while (queue.Count > 0 && seen.Count < 60)
            {
                var url = queue.Dequeue();
                if (!seen.Add(Key(url))) continue;
                await page.SetViewportSizeAsync(Desktop, 900);
                events.Clear();
                var pageClock = Stopwatch.StartNew();
                pending.Clear();
                var response = await page.GotoAsync(url);
                await Settled(() => pending.Count);
                if (!seen.Add(Key(page.Url)) && Key(page.Url) != Key(url)) continue; // redirected to a page already walked
                visited++;
                inLanguage++;
                var where = $"{role} {lang} {PathAndQuery(page.Url)}";
                if (response is { Ok: false }) problems.Add($"{where}: HTTP {response.Status}");

                foreach (var width in new[] { Desktop, Phone })
                {
                    if (width != Desktop)
                    {
                        await page.SetViewportSizeAsync(width, 844);
                        await page.WaitForTimeoutAsync(50);
                    }
                    var at = $"{where} @{width}px";
                    problems.AddRange((await Layout(page, width)).Select(p => $"{at}: {p}"));
                    // axe once per page, at one width in one language, in turn: Chinese at the desktop's width for one page,
                    // English at the phone's (where the most text hides behind icons) for the next. Both widths and both
                    // languages are covered over a walk, at a quarter of the cost of all four (axe and the screenshots are
                    // most of the walk's time): colours and structure do not change with the language, and every name is a
                    // pair of texts, so a name missing in one language shows at either width.
                    if ((lang == "zh-CN") == (width == Desktop) && (inLanguage % 2 == 1) == (lang == "zh-CN"))
                        problems.AddRange((await Accessibility(page)).Select(p => $"{at}: {p}"));
                    // Screenshots of the Chinese pages, which the users read (the English ones are checked as text).
                    if (lang == "zh-CN")
                        await page.ScreenshotAsync(new PageScreenshotOptions
                        {
                            Path = Path.Combine(browser.Screenshots, $"walk-{Slug(role)}-{lang}-{width}-{Slug(Key(page.Url))}.jpg"),
                            FullPage = true,
                            Type = ScreenshotType.Jpeg,
                            Quality = 70,
                        });
                }
                problems.AddRange((await Language(page, lang, data))
                    .Where(p => !PendingElsewhere.Any(x => new Uri(page.Url).AbsolutePath.StartsWith(x.Path, StringComparison.OrdinalIgnoreCase) && p.StartsWith(x.Problem, StringComparison.Ordinal)))
                    .Select(p => $"{where}: {p}"));
                if (PathAndQuery(page.Url).StartsWith("/Stations?", StringComparison.Ordinal) || new Uri(page.Url).AbsolutePath == "/Stations")
                    problems.AddRange((await MoreMenu(page)).Select(p => $"{where}: {p}"));
                problems.AddRange(events.Select(e => $"{where}: {e}"));

                foreach (var link in await Links(page))
                    if (!seen.Contains(Key(link))) queue.Enqueue(link);
                slowest.Add((pageClock.Elapsed.TotalSeconds, $"{lang} {PathAndQuery(page.Url)}"));
            }
        }
        await context.CloseAsync();
        output.WriteLine($"{role}: {visited} page loads × 2 widths in {clock.Elapsed.TotalSeconds:0.0} s; slowest: "
            + string.Join(", ", slowest.OrderByDescending(x => x.Seconds).Take(3).Select(x => $"{x.Page} {x.Seconds:0.0} s")));
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>
    /// The menu's 接口文档 (<c>/api/docs</c>, Scalar) on a network where nothing outside the app can be reached,
    /// as on a government intranet: it shows the Chinese introduction and the operations, asks nothing of any
    /// other host, and breaks no rule of the Content-Security-Policy.
    /// </summary>
    [Fact]
    public async Task The_API_reference_works_with_nothing_outside_the_app_reachable()
    {
        var page = await browser.NewPage();
        var outside = new List<string>();
        var events = new List<string>();
        var app = browser.App.BaseAddress;
        await page.Context.RouteAsync("**/*", async route =>
        {
            var uri = new Uri(route.Request.Url);
            if (uri.Scheme is "data" or "blob" || (uri.Host == app.Host && uri.Port == app.Port)) await route.ContinueAsync();
            else
            {
                lock (outside) outside.Add(route.Request.Url);
                await route.AbortAsync("internetdisconnected");
            }
        });
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (events) events.Add(m.Text); };
        page.PageError += (_, e) => { lock (events) events.Add("script error: " + e); };

        await page.GotoAsync("/api/docs");
        try
        {
            await page.GetByText("五社联动平台的数据接口").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await page.GetByText("当前用户 · The signed-in user").First.WaitForAsync();
            await page.WaitForTimeoutAsync(500);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, "api-docs.png") });
            output.WriteLine(string.Join("\n", events.Concat(outside)));
        }

        Assert.True(outside.Count == 0, "The API reference asked other hosts for:\n" + string.Join("\n", outside.Distinct()));
        Assert.True(events.Count == 0, string.Join("\n", events));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// What inline handlers used to do, now done by files under wwwroot/js, under the Content-Security-Policy:
    /// the area tree opens, expands and collapses; the sort and page-size selects go where they say; the area
    /// picker loads the next level; the user form adds a role row and locks the area of a self-service role;
    /// the home chart shows its tooltip. The browser reports no policy violation and no script error meanwhile.
    /// </summary>
    [Fact]
    public async Task What_inline_handlers_did_still_works_under_the_policy()
    {
        var page = await browser.NewPage();
        var events = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" || m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (events) events.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (events) events.Add($"HTTP {r.Status}: {r.Url}"); };
        page.PageError += (_, e) => { lock (events) events.Add("script error: " + e); };
        await BrowserFixture.SignInAsync(page, "bijie");

        // The home chart (ECharts) and its tooltip, built from classes.
        var chart = page.Locator("#coverage-chart canvas");
        await chart.WaitForAsync();
        // The home has grown figures above the chart: brought into view, so that the pointer is over it.
        await chart.ScrollIntoViewIfNeededAsync();
        var box = (await chart.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Locator(".chart-tip").First.WaitForAsync();

        // The area tree: a node opens (its children come by htmx), 收起全部 closes all, 展开全部 opens what was loaded.
        await page.GotoAsync("/Stations");
        var node = page.Locator("#area-tree li[data-code='520500000000']");
        await node.Locator("> button.toggle").ClickAsync();
        var children = node.Locator("> .children");
        await children.Locator("li").First.WaitForAsync();
        Assert.True(await children.IsVisibleAsync());
        await page.ClickAsync("[data-tree=collapse]");
        Assert.False(await children.IsVisibleAsync());
        await page.ClickAsync("[data-tree=expand]");
        Assert.True(await children.IsVisibleAsync());

        // The sort select and the page size go where they say.
        await page.SelectOptionAsync("select[data-navigate]", new SelectOptionValue { Label = "按名称排序" });
        await page.ArriveAsync(new Regex("sort=name"));
        await page.SelectOptionAsync("select[data-submit-on-change]", "50");
        await page.ArriveAsync(new Regex("size=50"));
        Assert.Contains("sort=name", page.Url, StringComparison.Ordinal);

        // The area picker offers the next level once a level is chosen, and keeps the choice.
        await page.GotoAsync("/Stations/Edit");
        var picker = page.Locator(".area-picker");
        await picker.Locator("select").First.WaitForAsync();
        await picker.Locator("select").First.SelectOptionAsync("520500000000");
        await picker.Locator("select").Nth(1).WaitForAsync();
        Assert.Equal("520500000000", await picker.Locator("input[type=hidden]").InputValueAsync());
        Assert.Equal("请选择县（区）", (await picker.Locator("select").Nth(1).Locator("option").First.InnerTextAsync()).Trim());

        // The user form: 添加角色 adds a row; a volunteer's area follows the home area and cannot be typed.
        await page.GotoAsync("/Admin/Users/Edit");
        var rows = page.Locator("#role-rows tbody tr.role-row");
        var before = await rows.CountAsync();
        await page.ClickAsync("#role-add");
        Assert.Equal(before + 1, await rows.CountAsync());
        await rows.Last.Locator(".role-select").SelectOptionAsync("Volunteer");
        Assert.True(await rows.Last.Locator(".area-picker").IsHiddenAsync());
        Assert.True(await rows.Last.Locator(".area-picker input[type=hidden]").IsDisabledAsync());
        Assert.False(await rows.Last.Locator(".role-area-fixed").IsHiddenAsync());
        Assert.Equal($"Input.Roles[{before}].Role", await rows.Last.Locator(".role-select").GetAttributeAsync("name"));

        Assert.True(events.Count == 0, string.Join("\n", events));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Waits until no request is in flight for a moment (the area picker and htmx load after the page), at most 3 s
    /// (a page that polls, such as a running import's progress, never falls quiet): much quicker than Playwright's
    /// network-idle wait, which always waits 500 ms.
    /// </summary>
    static async Task Settled(Func<int> pending)
    {
        for (int quiet = 0, i = 0; quiet < 2 && i < 120; i++)
        {
            await Task.Delay(25);
            quiet = pending() <= 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>Same-origin pages linked from this one; not downloads, handlers, language switches, sign-out or the API.</summary>
    static async Task<string[]> Links(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href]')]
              .filter(a => a.origin === location.origin && !a.hasAttribute('download'))
              .map(a => a.pathname + a.search)
              .filter(h => !/^\/(lang|api|openapi|health)\b/i.test(h) && !/[?&]handler=/i.test(h) && !/^\/Account\/Logout/i.test(h))
            """);

    /// <summary>A page's identity for the walk: its path with ids folded, and which id-like parameters it takes.</summary>
    static string Key(string url)
    {
        var uri = new Uri(new Uri("http://x"), url);
        var path = Regex.Replace(uri.AbsolutePath.ToLowerInvariant().TrimEnd('/'), "/[0-9a-f-]{36}", "/{id}");
        var ids = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0].ToLowerInvariant()).Where(n => n == "id" || n.EndsWith("id", StringComparison.Ordinal));
        // /Households/Details/{id} and /Households/Details?id=… are one page.
        if (path.EndsWith("/{id}", StringComparison.Ordinal)) (path, ids) = (path[..^"/{id}".Length], ids.Append("id"));
        return path + "?" + string.Join(",", ids.Distinct().Order());
    }

    static string PathAndQuery(string url) => new Uri(url).PathAndQuery;

    static string Slug(string s) => Regex.Replace(s, "[^A-Za-z0-9.]+", "_").Trim('_') is { Length: > 0 } x ? x[..Math.Min(x.Length, 60)] : "home";

    /// <summary>Nothing sticks out of the window, no button's label breaks across lines, and at desktop width no table needs sideways scrolling.</summary>
    static async Task<List<string>> Layout(IPage page, int width)
    {
        var found = await page.EvaluateAsync<string[]>("""
            (desktop) => {
              const out = [];
              const doc = document.documentElement;
              if (doc.scrollWidth > window.innerWidth) {
                const culprits = [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed')
                  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                  .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
                out.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window (${culprits.join(', ')})`);
              }
              // A button's label on one line: a squeezed bar breaks "中文" into two lines before it overflows.
              for (const e of document.querySelectorAll('.btn, .nav-link, .page-link, .dropdown-toggle')) {
                if (!e.offsetParent || !e.textContent.trim()) continue;
                const s = getComputedStyle(e), line = parseFloat(s.lineHeight);
                const height = e.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
                if (line > 0 && height > line * 1.5) out.push(`"${e.textContent.trim().replace(/\s+/g, ' ')}" breaks across ${Math.round(height / line)} lines`);
              }
              if (desktop)
                for (const t of document.querySelectorAll('.table-responsive'))
                  if (t.scrollWidth > t.clientWidth + 1) out.push(`table ${t.querySelector('table')?.id || ''} scrolls sideways (${t.scrollWidth}px in ${t.clientWidth}px)`);
              return out;
            }
            """, width >= Desktop);
        return [.. found];
    }

    /// <summary>
    /// axe-core over the page as it stands (WCAG 2.0 and 2.1, levels A and AA): serious and critical violations,
    /// each with up to three of the elements concerned. axe is put into every page by the context's init script
    /// (once parsed per page, not sent over the wire for every run as Deque's Playwright wrapper does: 10× faster).
    /// </summary>
    static async Task<List<string>> Accessibility(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
              const cut = s => s.length > 90 ? s.slice(0, 90) + '…' : s;
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `axe ${v.impact} ${v.id} (${v.help}): ` + v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${cut(n.html)} — ${cut([...n.any, ...n.all, ...n.none].map(c => c.message).join('; '))}`).join(' | '));
            }
            """);
        return [.. found];
    }

    /// <summary>
    /// What a user can read — text, titles, placeholders, labels for assistive technology, confirmation texts —
    /// has no code names; in English it has no Chinese besides data and <see cref="AllowedChinese"/>,
    /// no full-width punctuation and no space inside parentheses. Breadcrumbs do not repeat themselves.
    /// </summary>
    static async Task<List<string>> Language(IPage page, string lang, DataText data)
    {
        // Two lists: what a user reads, and text marked as code (<code>, <kbd>, <samp>: file and column names), where code names belong.
        var found = await page.EvaluateAsync<string[][]>("""
            () => {
              const out = [document.title], code = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
                acceptNode: n => {
                  if (n.parentElement.closest('script,style,template,noscript')) return NodeFilter.FILTER_REJECT;
                  // Text marked as Chinese inside a page of another language (the reports' paragraph, copied as it is written).
                  const marked = n.parentElement.closest('[lang]');
                  return marked && marked !== document.documentElement && marked.lang === 'zh-CN' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
                } });
              for (let n = walker.nextNode(); n; n = walker.nextNode())
                if (n.nodeValue.trim()) (n.parentElement.closest('code,kbd,samp') ? code : out).push(n.nodeValue.replace(/\s+/g, ' ').trim());
              for (const e of document.querySelectorAll('*'))
                for (const a of e.attributes)
                  if (['title', 'placeholder', 'aria-label', 'alt'].includes(a.name) || (a.name.startsWith('data-') && /confirm|message|label|text/.test(a.name))
                      || (a.name === 'value' && e.matches('input[type=submit],input[type=button]')))
                    if (a.value.trim()) out.push(a.value.trim());
              // Text a page keeps for its scripts (messages shown later): JSON blocks of strings.
              return [out, code];
            }
            """);
        var problems = new List<string>();
        foreach (var text in found[0].Concat(found[1]))
        {
            if (!found[1].Contains(text))
                foreach (Match m in Identifier().Matches(text))
                    if (!AllowedIdentifiers.Contains(m.Value))
                        problems.Add($"code name \"{m.Value}\" in \"{Cut(text)}\"");
            if (lang != "en") continue;
            var stripped = AllowedChinese.Aggregate(text, (t, a) => t.Replace(a, " ", StringComparison.Ordinal));
            foreach (Match m in ChineseRun().Matches(stripped))
                if (!data.ChineseRuns.Contains(m.Value))
                    problems.Add($"Chinese \"{m.Value}\" in English: \"{Cut(text)}\"");
            if (SpaceInParentheses().IsMatch(text)) problems.Add($"space inside parentheses: \"{Cut(text)}\"");
        }

        // A message about a field names it as its label does ("督导主题不能为空" under 督导主题).
        var labels = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-label][id]')].map(e => {
              const label = document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
              const text = label ? label.textContent.replace(/[*\s]+$/, '').trim() : null;
              return text === null || text === e.dataset.label ? null : `the messages of the field labelled "${text}" call it "${e.dataset.label}"`;
            }).filter(x => x)
            """);
        problems.AddRange(labels);

        var crumbs = await page.Locator(".breadcrumb .breadcrumb-item").AllInnerTextsAsync();
        for (var i = 1; i < crumbs.Count; i++)
            if (crumbs[i].Trim() == crumbs[i - 1].Trim()) problems.Add($"breadcrumb repeats \"{crumbs[i].Trim()}\": {string.Join(" / ", crumbs)}");
        return problems;
    }

    static string Cut(string s) => s.Length <= 80 ? s : s[..80] + "…";

    /// <summary>The 更多 menu of a station row, at desktop width: the toggle is in view without scrolling sideways, and the menu opens inside the window.</summary>
    static async Task<List<string>> MoreMenu(IPage page)
    {
        await page.SetViewportSizeAsync(Desktop, 900);
        var toggles = page.Locator("#stations-table .dropdown-toggle");
        if (await toggles.CountAsync() == 0) return [];
        var toggle = toggles.Last;
        var problems = new List<string>();
        var box = await toggle.BoundingBoxAsync();
        if (box is null || box.X + box.Width > Desktop) problems.Add($"the 更多 toggle of the last row lies outside the window (at x={box?.X:0})");
        await toggle.ClickAsync();
        var menu = page.Locator("#stations-table .dropdown-menu.show");
        await menu.WaitForAsync();
        var m = await menu.BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        if (m is null || m.X < 0 || m.Y < 0 || m.X + m.Width > viewport.Width || m.Y + m.Height > viewport.Height)
            problems.Add($"the 更多 menu opens outside the window: {m?.X:0},{m?.Y:0} {m?.Width:0}×{m?.Height:0} in {viewport.Width}×{viewport.Height}");
        await page.Keyboard.PressAsync("Escape");
        return problems;
    }

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\b|\b[a-z]+[A-Z][a-z]+\w*\b")]
    private static partial Regex Identifier();

    /// <summary>Runs of Chinese: ideographs, CJK punctuation and full-width forms.</summary>
    [GeneratedRegex(@"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")]
    private static partial Regex ChineseRun();

    [GeneratedRegex(@"\(\s|\s\)")]
    private static partial Regex SpaceInParentheses();

    /// <summary>The Chinese of the data itself (every string column of the database), which a page shows as it is in either language.</summary>
    sealed class DataText
    {
        public HashSet<string> ChineseRuns { get; } = new(StringComparer.Ordinal);

        // One per app: each walking class has an app of its own, and the demo's people differ between two seedings.
        static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestApp, DataText> Loaded = [];

        public static async Task<DataText> LoadAsync(TestApp app)
        {
            if (Loaded.TryGetValue(app, out var loaded)) return loaded;
            var data = new DataText();
            await app.Query(async db =>
            {
                var connection = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync();
                foreach (var entity in db.Model.GetEntityTypes())
                {
                    // The audit log keeps code names and field names on purpose (its page translates them): not data a page shows as is.
                    if (entity.GetTableName() is not { } table || entity.ClrType == typeof(Wushe.Platform.Audit.AuditRecord)) continue;
                    var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                    foreach (var property in entity.GetProperties().Where(p => (p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType) == typeof(string)))
                    {
                        if (property.GetColumnName(store) is not { } column) continue;
                        await using var command = connection.CreateCommand();
                        command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync()) data.Add(reader.GetString(0));
                    }
                }
                return 0;
            });
            Loaded.AddOrUpdate(app, data);
            return data;
        }

        /// <summary>A value's runs of Chinese; a JSON value (a rating round's modules) by its strings.</summary>
        void Add(string value)
        {
            if (value.StartsWith('[') || value.StartsWith('{'))
            {
                try
                {
                    using var json = JsonDocument.Parse(value);
                    AddStrings(json.RootElement);
                    return;
                }
                catch (JsonException)
                {
                    // Not JSON after all: taken as text below.
                }
            }
            foreach (Match m in ChineseRun().Matches(value)) ChineseRuns.Add(m.Value);
            // A person's name is shown masked (张*丰) wherever the full name is not needed: the masked form is data too.
            if (value.Length is >= 2 and <= 4 && ChineseRun().Match(value) is { Success: true } whole && whole.Value == value)
                foreach (Match m in ChineseRun().Matches(Wushe.Platform.Sensitive.Mask.Name(value))) ChineseRuns.Add(m.Value);
        }

        void AddStrings(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: Add(e.GetString()!); break;
                case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) AddStrings(x); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) AddStrings(p.Value); break;
                default: break;
            }
        }
    }
}
