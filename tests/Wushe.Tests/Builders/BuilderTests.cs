using System.Net;
using Wushe.Features.Accounts.MyAccount;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Validation;

namespace Wushe.Tests.Builders;

/// <summary>The builders make what they promise: valid unique numbers, a station its county's bureau sees, a user who can work.</summary>
public sealed class BuilderTests(TestApp app)
{
    [Fact]
    public void Numbers_are_valid_and_never_repeat()
    {
        var today = new DateOnly(2026, 11, 30);
        var mobiles = Enumerable.Range(0, 2000).Select(_ => Numbers.Mobile()).ToList();
        var ids = Enumerable.Range(0, 2000).Select(_ => Numbers.ResidentIdNumber()).ToList();
        Assert.All(mobiles, m => Assert.True(Mobile.IsValid(m), m));
        Assert.All(ids, id => Assert.True(ResidentId.IsValid(id, today), id));
        Assert.Equal(mobiles.Count, mobiles.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_built_station_is_seen_by_its_bureau_and_a_built_user_works_straight_away()
    {
        var station = await TestStations.CreateAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var read = await (await huaibei.GetAsync($"/api/v1/stations/{station.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(station.Name, read.GetProperty("name").GetString());
        Assert.Equal(nameof(StationLevel.TownshipStation), read.GetProperty("level").GetString());

        var user = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode, homeAreaCode: Places.County);
        using var worker = await app.CreateClientAsync(user.UserName);
        var me = await (await worker.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Equal(station.AreaCode, Assert.Single(me.GetProperty("roles").EnumerateArray()).GetProperty("areaCode").GetString());
    }

    [Fact]
    public void The_password_change_rules_of_the_request_need_no_database()
    {
        var errors = ChangePassword.Validate(new ChangePassword.Request("", "short"));
        Assert.True(errors.Has("currentPassword"));
        Assert.True(errors.Has("newPassword"));
        Assert.False(ChangePassword.Validate(new ChangePassword.Request("Wushe@2026", "Another2026x")).Any);
    }
}
