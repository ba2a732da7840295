using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wushe.Features.Demo;

namespace Wushe.Tests.Browser;

[Trait("Category", BrowserFixture.Category)]
public sealed class JourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static async Task SignIn(IPage page, string login, string password = DemoData.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Login']", login);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("#login-submit");
    }

    [Fact]
    public async Task A_visitor_is_sent_to_the_login_page_and_after_signing_in_is_greeted_by_name()
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Contains("登录", await page.TitleAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "login");

        await page.FillAsync("input[name='Input.Login']", "qixingguan");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("#login-submit");
        await page.ArriveAsync(new Regex("/$"));
        var greeting = await page.Locator("h5").First.InnerTextAsync();
        Assert.Contains("七星关区民政局 陈科长", greeting, StringComparison.Ordinal);
        Assert.Equal("七星关区", (await page.Locator("#scope-switch .scope-name").InnerTextAsync()).Trim());
        await browser.Screenshot(page, "home-qixingguan");
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_user_on_the_login_page_with_a_message()
    {
        var page = await browser.NewPage();
        await SignIn(page, "weining", "wrong-password1");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Contains("用户名或密码错误", await page.Locator("form").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "login-wrong-password");
    }

    [Fact]
    public async Task The_area_tree_of_a_county_user_shows_its_county_and_not_the_neighbouring_one()
    {
        var page = await browser.NewPage();
        await SignIn(page, "qixingguan");
        await page.ArriveAsync(new Regex("/$"));
        await page.GotoAsync("/Areas");
        var tree = await page.Locator("#area-tree").InnerTextAsync();
        Assert.Contains("七星关区", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("威宁", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("威宁", await page.ContentAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "areas-qixingguan");

        // Asking for the neighbour by its code shows nothing of it either.
        await page.GotoAsync("/Areas?code=520526000000");
        Assert.DoesNotContain("威宁", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_console_into_English()
    {
        var page = await browser.NewPage();
        await SignIn(page, "bijie");
        await page.ArriveAsync(new Regex("/$"));
        await page.ClickAsync("#lang-switch >> text=English");
        await page.ArriveAsync(new Regex("/$"));
        Assert.StartsWith("Hello, ", (await page.Locator("h5").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await browser.Screenshot(page, "home-bijie-english");
    }
}
