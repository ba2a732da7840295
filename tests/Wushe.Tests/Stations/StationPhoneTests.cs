using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;

namespace Wushe.Tests.Stations;

/// <summary>A station's contact phone is what stations have: an office landline with area code (and extension), or a mobile.</summary>
public sealed class StationPhoneTests(TestApp app)
{
    Task<Guid> StationOf(string areaCode) => app.Query(db => db.Stations.Where(s => s.AreaCode == areaCode).Select(s => s.Id).FirstAsync());

    [Fact]
    public async Task A_landline_with_an_extension_is_accepted_by_the_API_stored_sealed_and_shown_masked()
    {
        var id = await StationOf("520502014000");
        using var client = await app.CreateClientAsync("qixingguan");
        var before = await (await client.GetAsync($"/api/v1/stations/{id}")).Expect(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name = before.GetProperty("name").GetString(), contactPhone = "0857-6221234-8001" }))
            .Expect(HttpStatusCode.OK);
        var after = await (await client.GetAsync($"/api/v1/stations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("0857-****234-8001", after.GetProperty("contactPhone").GetString());
        var stored = await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.ContactPhone!.Cipher).FirstAsync());
        Assert.DoesNotContain("6221234", stored, StringComparison.Ordinal);

        var refused = await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name = before.GetProperty("name").GetString(), contactPhone = "857-6221234" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("请输入正确的手机号码或固定电话（如 0857-6221234）", refused.GetProperty("errors").GetProperty("contactPhone")[0].GetString());
    }

    [Fact]
    public async Task A_landline_typed_on_the_station_form_is_saved_and_listed_masked()
    {
        var id = await StationOf("520502100000");
        var name = await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.Name).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        using var response = await session.PostFormAsync($"/Stations/Edit?id={id}", new() { ["Id"] = id.ToString(), ["Input.Name"] = name, ["Input.ContactPhone"] = "(0857)6227788" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, html) = await session.GetAsync($"/Stations/Details?id={id}");
        Assert.Contains("0857-****788", html, StringComparison.Ordinal);
        Assert.DoesNotContain("6227788", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_without_a_phone_keeps_the_number_on_the_page_and_in_the_API_and_only_an_explicit_clear_removes_it()
    {
        var id = await StationOf("520502011000");
        using var client = await app.CreateClientAsync("qixingguan");
        var name = (await (await client.GetAsync($"/api/v1/stations/{id}")).Expect(HttpStatusCode.OK)).GetProperty("name").GetString();
        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name, contactPhone = "0857-6221234" })).Expect(HttpStatusCode.OK);
        Task<string?> Masked() => app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.ContactPhone!.Masked).FirstAsync())!;

        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name })).Expect(HttpStatusCode.OK);
        Assert.Equal("0857-****234", await Masked());

        using var session = await PageSession.SignInAsync(app, "qixingguan");
        using (var response = await session.PostFormAsync($"/Stations/Edit?id={id}", new() { ["Id"] = id.ToString(), ["Input.Name"] = name!, ["Input.ContactPhone"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("0857-****234", await Masked());

        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name, contactPhone = "0857-6221234", clearContactPhone = true })).Expect(HttpStatusCode.BadRequest);
        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name, clearContactPhone = true })).Expect(HttpStatusCode.OK);
        Assert.Null(await Masked());

        // The page offers the same clear, as a checkbox beside the number on file.
        await (await client.PutAsJsonAsync($"/api/v1/stations/{id}", new { name, contactPhone = "0857-6221234" })).Expect(HttpStatusCode.OK);
        var (_, form) = await session.GetAsync($"/Stations/Edit?id={id}");
        Assert.Contains("Input.ClearContactPhone", form, StringComparison.Ordinal);
        var version = await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => s.Version).FirstAsync());
        using (var response = await session.PostFormAsync($"/Stations/Edit?id={id}", new()
        {
            ["Id"] = id.ToString(), ["Input.Name"] = name!, ["Input.ContactPhone"] = "", ["Input.ClearContactPhone"] = "true", ["Input.Version"] = version.ToString(),
        }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await Masked());
    }
}
