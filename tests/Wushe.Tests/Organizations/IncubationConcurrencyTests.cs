using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Organizations;

/// <summary>
/// One incubation in progress per organization holds when starts arrive at one moment: the filtered unique index
/// (<see cref="IncubationProgramme.OneInProgressIndex"/>) lets one through, and the others get the sequential check's 409.
/// </summary>
public sealed class IncubationConcurrencyTests(TestApp app)
{
    static string Day(int offset) => ChinaTime.Today(TimeProvider.System).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Starts_of_one_organization_s_incubation_sent_at_once_leave_one_programme_in_progress()
    {
        var station = await TestStations.CreateAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, station.AreaCode, status: OrganizationStatus.Incubating);
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.CreateClientAsync("huaibei")));
        try
        {
            var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/organizations/{organization}/incubation",
                new { hostName = $"县社会组织孵化基地{i}", startOn = Day(-30), plannedEndOn = Day(300) })));
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
                Assert.Equal("该组织已有进行中的孵化，请先办理出壳或退出", (await r.Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }

        Assert.Equal(1, await app.Query(db => db.Set<IncubationProgramme>().IgnoreQueryFilters().CountAsync(p => p.OrganizationId == organization)));

        // The index holds only programmes in progress: once this one ends, a new stay starts.
        using var huaibei = await app.CreateClientAsync("huaibei");
        var root = $"/api/v1/organizations/{organization}/incubation";
        var programme = await app.Query(db => db.Set<IncubationProgramme>().IgnoreQueryFilters().Where(p => p.OrganizationId == organization).Select(p => p.Id).SingleAsync());
        await (await huaibei.PostAsJsonAsync($"{root}/{programme}/end", new { to = "Withdrawn", endedOn = Day(0), reason = "组织主动退出" })).Expect(HttpStatusCode.OK);
        await (await huaibei.PostAsJsonAsync(root, new { hostName = "县社会组织孵化基地", startOn = Day(-1), plannedEndOn = Day(200) })).Expect(HttpStatusCode.Created);
    }
}
