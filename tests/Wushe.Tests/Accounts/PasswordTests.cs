using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Accounts;
using Wushe.Features.Demo;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Accounts;

/// <summary>
/// Passwords: one rule everywhere; the same password again is no change; a password an administrator
/// set (a new account, a reset) must be replaced by the user's own before anything else.
/// </summary>
public sealed class PasswordTests(TestApp app)
{
    const string Initial = "start1234";

    async Task<string> CreatedByAdministrator()
    {
        using var bureau = await app.CreateClientAsync("qixingguan");
        var name = "pw." + Guid.NewGuid().ToString("N")[..10];
        await (await bureau.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "新社工", phone = Numbers.Mobile(), homeAreaCode = "520502000000", password = Initial,
            roles = new[] { new { role = "StationWorker", areaCode = "520502001000" } },
        })).Expect(HttpStatusCode.Created);
        return name;
    }

    HttpClient Bearer(string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Changing_to_the_same_password_is_refused()
    {
        var name = await app.CreateUserAsync();
        using var client = Bearer(await app.TokenAsync(name, DemoData.Password));
        var problem = await (await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = DemoData.Password, newPassword = DemoData.Password }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("新密码不能与原密码相同", problem.GetProperty("errors").GetProperty("newPassword")[0].GetString());
        // Still the old password.
        await app.TokenAsync(name, DemoData.Password);
    }

    [Fact]
    public async Task An_account_an_administrator_created_must_choose_its_own_password_before_using_the_API()
    {
        var name = await CreatedByAdministrator();
        using var first = Bearer(await app.TokenAsync(name, Initial));
        foreach (var path in new[] { "/api/v1/me", "/api/v1/stations" })
        {
            var refused = await (await first.GetAsync(path)).Expect(HttpStatusCode.Forbidden);
            Assert.Equal(PasswordChangeRequired.ProblemType, refused.GetProperty("type").GetString());
            Assert.Contains("/api/v1/me/password", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await (await first.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Initial, newPassword = "mine12345" })).Expect(HttpStatusCode.NoContent);
        // The token of the administrator's password ends; a new sign-in works everywhere.
        await (await first.GetAsync("/api/v1/me")).Expect(HttpStatusCode.Unauthorized);
        using var second = Bearer(await app.TokenAsync(name, "mine12345"));
        await (await second.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_reset_by_an_administrator_the_pages_lead_to_the_change_password_page_first()
    {
        var name = await app.CreateUserAsync(role: Wushe.Platform.Access.Role.StationWorker, areaCode: "520502002000");
        var id = await app.Query(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).FirstAsync());
        using (var bureau = await app.CreateClientAsync("qixingguan"))
            await (await bureau.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "reset1234" })).Expect(HttpStatusCode.NoContent);

        using var session = await PageSession.SignInAsync(app, name, "reset1234");
        using var home = await session.Client.GetAsync("/Stations");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", home.Headers.Location!.ToString(), StringComparison.Ordinal);
        var (status, html) = await session.GetAsync(home.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("您的密码由管理员设置", html, StringComparison.Ordinal);

        using var changed = await session.PostFormAsync("/Account/ChangePassword?returnUrl=%2FStations", new()
        {
            ["Input.CurrentPassword"] = "reset1234", ["Input.NewPassword"] = "mine12345", ["Confirm"] = "mine12345", ["ReturnUrl"] = "/Stations",
        }, tokenFrom: "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/Stations", changed.Headers.Location!.ToString());
        var (after, _) = await session.GetAsync("/Stations");
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task The_demo_accounts_are_not_asked_to_change_their_password()
    {
        using var session = await PageSession.SignInAsync(app, "shixi");
        var (status, _) = await session.GetAsync("/Stations");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("abcdefgh", "初始密码须同时包含字母和数字")]
    [InlineData("12345678", "初始密码须同时包含字母和数字")]
    [InlineData("ab12", "初始密码长度必须介于 8 和 100 之间")]
    public async Task One_rule_names_the_password_field_when_an_administrator_sets_one(string password, string message)
    {
        using var bureau = await app.CreateClientAsync("qixingguan");
        var problem = await (await bureau.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "pw." + Guid.NewGuid().ToString("N")[..10], displayName = "新社工", phone = Numbers.Mobile(), homeAreaCode = "520502000000", password,
            roles = new[] { new { role = "StationWorker", areaCode = "520502001000" } },
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Theory]
    [InlineData("abcdefgh", "新密码须同时包含字母和数字")]
    [InlineData("a1", "新密码长度必须介于 8 和 100 之间")]
    public void The_rule_itself_names_its_field(string password, string message)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal(message, PasswordRule.Check(password, "新密码", "New password"));
        Assert.Null(PasswordRule.Check("abc12345", "新密码", "New password"));
    }
}
