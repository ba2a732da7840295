using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>
/// A township of its own with its station, a community with a household (a head and a child), a station worker, the
/// station's head (站长), and a second worker who is not the head; all through the real use cases.
/// </summary>
public sealed record CaseworkWorld(string Township, Guid StationId, string Community, Guid HouseholdId, Guid AdultId, Guid ChildId,
    TestUsers.Made Worker, TestUsers.Made Head, TestUsers.Made OtherWorker)
{
    public static async Task<CaseworkWorld> CreateAsync(TestApp app, DateOnly? childBirth = null)
    {
        var township = await Places.NewTownshipAsync(app);
        var station = await TestStations.CreateAsync(app, township);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var household = await TestHouseholds.CreateAsync(app, community, members: [TestHouseholds.Head("张三丰"), TestHouseholds.Child(childBirth ?? new DateOnly(2016, 5, 1), name: "张小明")]);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var head = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var other = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        await AddStaffAsync(app, station.Id, worker.Id, false);
        await AddStaffAsync(app, station.Id, head.Id, true);
        await AddStaffAsync(app, station.Id, other.Id, false);
        return new CaseworkWorld(township, station.Id, community, household.Id, household.Members[0], household.Members[1], worker, head, other);
    }

    public static async Task AddStaffAsync(TestApp app, Guid stationId, Guid userId, bool head)
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var result = await ManageStaff.Add(sp.GetRequiredService<AppDb>(), sp.GetRequiredService<TimeProvider>(), stationId,
            new ManageStaff.AddRequest(userId, head ? "站长" : "专职社工", new DateOnly(2026, 1, 5), head));
        if (!result.IsOk) throw new InvalidOperationException("Staff refused: " + result.Failure!.Title);
    }
}
