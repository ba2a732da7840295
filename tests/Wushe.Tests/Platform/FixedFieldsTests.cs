using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Platform;

/// <summary>What cannot be changed is refused by name (400), never answered 200 and ignored.</summary>
public sealed class FixedFieldsTests(TestApp app)
{
    static Dictionary<string, string[]> Errors(JsonElement problem) => problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;

    [Fact]
    public async Task A_station_keeps_its_area_and_level_and_says_so()
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync("qixingguan");
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode.StartsWith("520502") && s.Level == StationLevel.TownshipStation)
            .OrderBy(s => s.AreaCode).Skip(2).FirstAsync());
        object Body(string? areaCode, string? level) => new { areaCode, level, name = station.Name, address = station.Address, contactName = station.ContactName, isCivilizationPracticeStation = station.IsCivilizationPracticeStation };

        var moved = Errors(await (await client.PutAsJsonAsync($"/api/v1/stations/{station.Id}", Body("520502002000", null))).Expect(HttpStatusCode.BadRequest));
        Assert.Equal(["areaCode"], moved.Keys);
        Assert.StartsWith("所属区划不能修改", moved["areaCode"][0], StringComparison.Ordinal);
        var raised = Errors(await (await client.PutAsJsonAsync($"/api/v1/stations/{station.Id}", Body(null, "CountyStation"))).Expect(HttpStatusCode.BadRequest));
        Assert.Equal(["level"], raised.Keys);
        Assert.Equal(station.AreaCode, await app.Query(db => db.Stations.Where(s => s.Id == station.Id).Select(s => s.AreaCode).SingleAsync()));

        // The same values, or none, are no change: the edit page sends them back as they are.
        await (await client.PutAsJsonAsync($"/api/v1/stations/{station.Id}", Body(station.AreaCode, "TownshipStation"))).Expect(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/v1/stations/{station.Id}", Body(null, null))).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_told_so_not_named_as_an_empty_field()
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync("qixingguan");
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode.StartsWith("520502") && s.Level == StationLevel.TownshipStation).OrderBy(s => s.AreaCode).FirstAsync());
        var problem = await (await client.PutAsync($"/api/v1/stations/{station.Id}", new StringContent("[]", System.Text.Encoding.UTF8, "application/json"))).Expect(HttpStatusCode.BadRequest);
        var errors = Errors(problem);
        Assert.StartsWith("请求格式不正确", Assert.Single(errors).Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_an_operation_does_not_take_is_refused_by_name()
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync("qixingguan");
        var name = await app.CreateUserAsync(role: Role.StationWorker, areaCode: "520502001000");
        var id = await app.Query(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());

        // A user name is fixed once the account exists; an id or a status is not the client's to set.
        using var renamed = await client.PutAsJsonAsync($"/api/v1/users/{id}", new { userName = "someone.else", displayName = "测试用户", homeAreaCode = "520502001000" });
        var errors = Errors(await renamed.Expect(HttpStatusCode.BadRequest));
        Assert.Equal(["userName"], errors.Keys);
        Assert.Equal("userName 不能修改，或不是本操作的字段", errors["userName"][0]);
        Assert.Equal(name, await app.Query(db => db.Users.Where(u => u.Id == id).Select(u => u.UserName).SingleAsync()));

        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode.StartsWith("520502")).OrderBy(s => s.AreaCode).Select(s => new { s.Id, s.Name }).FirstAsync());
        using var closed = await client.PutAsJsonAsync($"/api/v1/stations/{station.Id}", new { name = station.Name, status = "Closed" });
        Assert.Equal(["status"], Errors(await closed.Expect(HttpStatusCode.BadRequest)).Keys);
    }
}
