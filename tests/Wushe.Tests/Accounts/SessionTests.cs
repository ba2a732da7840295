using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Accounts;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Accounts;

/// <summary>
/// The API takes bearer tokens only, so the pages' cookie cannot be made to act through it by another
/// site; and one check of every signed-in request ends a disabled account's page session and tokens at once.
/// </summary>
public sealed class SessionTests(TestApp app)
{
    /// <summary>A form another site could post: the browser sends the page cookie along, but no token.</summary>
    static HttpRequestMessage CrossSite(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Referrer = new Uri("https://evil.example/form.html");
        return request;
    }

    [Fact]
    public async Task The_page_cookie_alone_cannot_lock_a_user_close_a_station_or_record_a_checklist_item()
    {
        var bureau = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520502000000");
        using var browser = await app.CookieClientAsync(bureau);
        // The cookie is a good one: the pages open with it.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Stations")).StatusCode);

        var victim = await app.CreateUserAsync(role: Role.StationWorker, areaCode: "520502001000");
        var victimId = await app.Query(db => db.Users.Where(u => u.UserName == victim).Select(u => u.Id).SingleAsync());
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode.StartsWith("520502") && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Active)
            .OrderByDescending(s => s.AreaCode).Select(s => new { s.Id, s.Version }).FirstAsync());
        var checks = await app.Query(db => db.Set<StandardCheck>().CountAsync(c => c.StationId == station.Id));

        using var form = new FormUrlEncodedContent([]);
        using var multipart = new MultipartFormDataContent { { new StringContent("HasOffice"), "item" }, { new StringContent("false"), "met" }, { new StringContent("2025-01-01"), "checkedOn" } };
        foreach (var (path, content) in new (string, HttpContent)[] { ($"/api/v1/users/{victimId}/lock", form), ($"/api/v1/stations/{station.Id}/close", form), ($"/api/v1/stations/{station.Id}/checklist", multipart) })
        {
            using var response = await browser.SendAsync(CrossSite(HttpMethod.Post, path, content));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"POST {path} with the page cookie only: {(int)response.StatusCode}");
        }
        Assert.False(await app.Query(db => db.Users.Where(u => u.Id == victimId).Select(u => u.IsDisabled).SingleAsync()));
        Assert.Equal(station.Version, await app.Query(db => db.Stations.Where(s => s.Id == station.Id).Select(s => s.Version).SingleAsync()));
        Assert.Equal(checks, await app.Query(db => db.Set<StandardCheck>().CountAsync(c => c.StationId == station.Id)));
    }

    [Fact]
    public async Task The_pages_get_areas_and_evidence_files_without_the_API()
    {
        using var browser = await app.CookieClientAsync("qixingguan");
        await (await browser.GetAsync("/api/v1/areas")).Expect(HttpStatusCode.Unauthorized);
        var roots = await (await browser.GetAsync("/Areas?handler=Picker")).Expect(HttpStatusCode.OK);
        Assert.Equal("520502000000", roots[0].GetProperty("code").GetString());
        Assert.Equal("County", roots[0].GetProperty("level").GetString());
        var children = await (await browser.GetAsync("/Areas?handler=Picker&parent=520502000000")).Expect(HttpStatusCode.OK);
        Assert.True(children.GetArrayLength() > 10);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Areas?handler=Picker&parent=520526000000")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_its_page_session_and_its_token_at_the_very_next_request()
    {
        var name = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520502000000");
        using var browser = await app.CookieClientAsync(name);
        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(name, Features.Demo.DemoData.Password));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Stations")).StatusCode);
        await (await api.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        var id = await app.Query(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        using var admin = await app.CreateClientAsync("bijie");
        await (await admin.PostAsync($"/api/v1/users/{id}/lock", null)).Expect(HttpStatusCode.OK);

        using var page = await browser.GetAsync("/Stations");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login?expired=true", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        // The cookie is gone with it: the next page asks for a sign-in again.
        using var again = await browser.GetAsync("/Stations");
        Assert.StartsWith("/Account/Login", again.Headers.Location?.AbsolutePath ?? again.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var write = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Features.Demo.DemoData.Password, newPassword = "another123" });
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task An_account_disabled_by_another_instance_stops_within_the_recheck_interval()
    {
        var name = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520502000000");
        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(name, Features.Demo.DemoData.Password));
        await (await api.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);

        // Another instance's change reaches this one only through the database (no save here to drop the cached stamp).
        await app.Query(db => db.Users.Where(u => u.UserName == name).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        var interval = app.Services.GetRequiredService<AccountStamps>().RecheckInterval;
        var deadline = DateTime.UtcNow + interval + TimeSpan.FromSeconds(2);
        HttpStatusCode status;
        do
        {
            using var response = await api.GetAsync("/api/v1/me");
            status = response.StatusCode;
            if (status == HttpStatusCode.Unauthorized) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
