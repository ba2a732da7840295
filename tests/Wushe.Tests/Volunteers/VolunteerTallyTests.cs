using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Home;
using Wushe.Features.Volunteers;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>
/// The volunteers' roll-up (<see cref="VolunteerTally"/>, issue 9's home figures at city scale): every registration, move, suspension
/// and withdrawal keeps it equal to the register, whatever the use case, also when many register at once; a rebuild gives the same;
/// the home figures read it within the scope.
/// </summary>
public sealed class VolunteerTallyTests(TestApp app)
{
    /// <summary>The register and the tallies of a township, grouped alike (zero rows dropped).</summary>
    async Task<(Dictionary<(string, VolunteerStatus, VolunteerSource), int> Register, Dictionary<(string, VolunteerStatus, VolunteerSource), int> Tallies)> BothAsync(string township)
    {
        var prefix = township[..9];
        var register = await app.Query(db => db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.AreaCode.StartsWith(prefix))
            .GroupBy(v => new { v.AreaCode, v.Status, v.Source }).Select(g => new { g.Key.AreaCode, g.Key.Status, g.Key.Source, Count = g.Count() }).ToListAsync());
        var tallies = await app.Query(db => db.Set<VolunteerTally>().Where(t => t.AreaCode.StartsWith(prefix) && t.Count != 0).ToListAsync());
        return (register.ToDictionary(x => (x.AreaCode, x.Status, x.Source), x => x.Count), tallies.ToDictionary(t => (t.AreaCode, t.Status, t.Source), t => t.Count));
    }

    static VolunteerForm.Request Form(string community, string name) => new()
    {
        Name = name, IdNumber = Numbers.ResidentIdNumber(new DateOnly(1985, 4, 2)), Phone = Numbers.Mobile(), AreaCode = community,
        Skills = [VolunteerSkill.Companionship], Availability = [VolunteerAvailability.Weekend],
    };

    [Fact]
    public async Task Registering_moving_suspending_and_withdrawing_keep_the_tallies_equal_to_the_register_and_the_home_figures_read_them()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var other = await TestHouseholds.NewCommunityAsync(app, township, number: 2);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        using var staff = await app.CreateClientAsync(worker.UserName);

        // Five at once from paper forms and two on the public page: the upserts add up.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => staff.PostAsJsonAsync("/api/v1/volunteers", Form(community, $"汇总{i}"))));
        var ids = new List<Guid>();
        foreach (var a in answers) ids.Add((await a.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        await TestVolunteers.JoinAsync(app, community, "自主报名甲");
        await TestVolunteers.JoinAsync(app, other, "自主报名乙");
        var (register, tallies) = await BothAsync(township);
        Assert.Equal(register, tallies);
        Assert.Equal(5, tallies[(community, VolunteerStatus.Active, VolunteerSource.Staff)]);

        // Suspended, then withdrawn; another moved to the other community.
        await (await staff.PostAsJsonAsync($"/api/v1/volunteers/{ids[0]}/status", new { status = "Suspended", reason = "外出务工" })).Expect(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/v1/volunteers/{ids[1]}/status", new { status = "Withdrawn", reason = "本人申请退出" })).Expect(HttpStatusCode.OK);
        var moving = await (await staff.GetAsync($"/api/v1/volunteers/{ids[2]}")).Expect(HttpStatusCode.OK);
        await (await staff.PutAsJsonAsync($"/api/v1/volunteers/{ids[2]}", new
        {
            name = "汇总2", areaCode = other, skills = new[] { "Companionship" }, availability = new[] { "Weekend" }, version = moving.GetProperty("version").GetInt32(),
        })).Expect(HttpStatusCode.OK);
        // A refused change (a stale version) moves nothing.
        await (await staff.PutAsJsonAsync($"/api/v1/volunteers/{ids[3]}", new
        {
            name = "汇总3", areaCode = other, skills = new[] { "Companionship" }, availability = new[] { "Weekend" }, version = 999,
        })).Expect(HttpStatusCode.Conflict);
        (register, tallies) = await BothAsync(township);
        Assert.Equal(register, tallies);
        Assert.Equal(2, tallies[(community, VolunteerStatus.Active, VolunteerSource.Staff)]);
        Assert.Equal(1, tallies[(other, VolunteerStatus.Active, VolunteerSource.Staff)]);

        // The home figures of the township's worker: the register's counts, from the tallies.
        await using (var scope = app.Scope(new CurrentUser(worker.Id, worker.UserName, [new Assignment(Role.StationWorker, township, "", null)], null)))
        {
            var figures = await VolunteerFigures.Handle(scope.ServiceProvider.GetRequiredService<AppDb>(), TimeProvider.System);
            Assert.Equal((5, 2, 5, 1), (figures.Active, figures.SelfRegistered, figures.StaffRegistered, figures.Suspended));
        }

        // A rebuild from the register gives the same rows.
        await using (var scope = app.Scope(CurrentUser.System))
            await VolunteerTallies.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDb>());
        var (_, rebuilt) = await BothAsync(township);
        Assert.Equal(register, rebuilt);
    }
}
