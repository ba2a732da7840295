using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Organizations;

/// <summary>孵化: an organization's incubation at a station, its milestones and support, through the API and the pages.</summary>
public sealed class IncubationTests(TestApp app)
{
    static string Day(int offset) => ChinaTime.Today(TimeProvider.System).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_bureau_incubates_an_organization_at_a_station_records_milestones_and_support_and_graduates_it_once()
    {
        var station = await TestStations.CreateAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, station.AreaCode, status: OrganizationStatus.Incubating);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var root = $"/api/v1/organizations/{organization}/incubation";

        // The host: a station in scope, or a name; not both, not neither, not a station of another place.
        var otherStation = await app.Query(db => db.Stations.IgnoreQueryFilters().Where(s => s.AreaCode.StartsWith("5205")).Select(s => s.Id).FirstAsync());
        var refused = await (await huaibei.PostAsJsonAsync(root, new { hostStationId = otherStation, startOn = Day(-60), plannedEndOn = Day(300) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("孵化站点不存在或不在您的管辖范围内", refused.GetProperty("errors").GetProperty("hostStationId")[0].GetString());
        var backwards = await (await huaibei.PostAsJsonAsync(root, new { hostName = "县社会组织孵化基地", startOn = Day(-60), plannedEndOn = Day(-61) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("计划出壳日期应晚于入孵日期", backwards.GetProperty("errors").GetProperty("plannedEndOn")[0].GetString());
        Assert.False(await app.Query(db => db.Set<IncubationProgramme>().IgnoreQueryFilters().AnyAsync(p => p.OrganizationId == organization)));

        var programme = (await (await huaibei.PostAsJsonAsync(root, new { hostStationId = station.Id, startOn = Day(-60), plannedEndOn = Day(300) }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // One at a time.
        Assert.Equal(HttpStatusCode.Conflict, (await huaibei.PostAsJsonAsync(root, new { hostName = "另一个基地", startOn = Day(-10), plannedEndOn = Day(100) })).StatusCode);

        var milestone = (await (await huaibei.PostAsJsonAsync($"{root}/{programme}/milestones", new { title = "完成章程制定", dueOn = Day(-5) }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await huaibei.PostAsJsonAsync($"{root}/{programme}/milestones", new { title = "申请登记", dueOn = Day(200) })).Expect(HttpStatusCode.Created);
        // Due within the programme: not after its planned end.
        var far = await (await huaibei.PostAsJsonAsync($"{root}/{programme}/milestones", new { title = "远期目标", dueOn = "9999-12-31" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(far.GetProperty("errors").TryGetProperty("dueOn", out _));
        await (await huaibei.PutAsJsonAsync($"{root}/{programme}/milestones/{milestone}", new { title = "完成章程制定", dueOn = Day(-5), doneOn = Day(-3), note = "理事会通过" }))
            .Expect(HttpStatusCode.OK);

        var fundingWithoutAmount = await (await huaibei.PostAsJsonAsync($"{root}/{programme}/support", new { givenOn = Day(-30), kind = "Funding" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("资金支持请填写金额", fundingWithoutAmount.GetProperty("errors").GetProperty("amountYuan")[0].GetString());
        var beforeStart = await (await huaibei.PostAsJsonAsync($"{root}/{programme}/support", new { givenOn = Day(-61), kind = "Venue" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(beforeStart.GetProperty("errors").TryGetProperty("givenOn", out _));
        await (await huaibei.PostAsJsonAsync($"{root}/{programme}/support", new { givenOn = Day(-30), kind = "Funding", amountYuan = 5000.5m, note = "启动资金" })).Expect(HttpStatusCode.Created);
        await (await huaibei.PostAsJsonAsync($"{root}/{programme}/support", new { givenOn = Day(-20), kind = "Training", note = "财务制度培训" })).Expect(HttpStatusCode.Created);

        // The organization's staff read their own incubation.
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, station.AreaCode, organizationId: organization);
        using var own = await app.CreateClientAsync(staff.UserName);
        var read = (await (await own.GetAsync(root)).Expect(HttpStatusCode.OK))[0];
        Assert.Equal(station.Name, read.GetProperty("hostName").GetString());
        Assert.Equal("InProgress", read.GetProperty("status").GetString());
        Assert.Equal(500050, read.GetProperty("supportTotalFen").GetInt64());
        Assert.Equal(2, read.GetProperty("milestones").GetArrayLength());
        Assert.Equal(Day(-3), read.GetProperty("milestones")[0].GetProperty("doneOn").GetString());
        Assert.False(read.GetProperty("milestones")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"{root}/{programme}/support", new { givenOn = Day(-1), kind = "Venue" })).StatusCode);

        // 出壳, once: a second end and a later milestone are 409.
        var end = new { to = "Graduated", endedOn = Day(0), reason = "完成孵化目标，准予出壳" };
        await (await huaibei.PostAsJsonAsync($"{root}/{programme}/end", end)).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await huaibei.PostAsJsonAsync($"{root}/{programme}/end", end with { to = "Withdrawn" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await huaibei.PostAsJsonAsync($"{root}/{programme}/milestones", new { title = "迟到的里程碑", dueOn = Day(0) })).StatusCode);
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(IncubationProgramme) && a.EntityKey == programme.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Create && a.UserName == "huaibei");
        Assert.Contains(audit, a => a.Action == AuditAction.StateChange);

        // A new stay after the end is a new programme.
        await (await huaibei.PostAsJsonAsync(root, new { hostName = "县社会组织孵化基地", startOn = Day(-1), plannedEndOn = Day(200) })).Expect(HttpStatusCode.Created);

        // The register filters by incubation (the home page's 孵化中 links to it).
        foreach (var (status, count) in new[] { ("InProgress", 1), ("Graduated", 1), ("Withdrawn", 0) })
            Assert.Equal(count, (await (await huaibei.GetAsync($"/api/v1/organizations?area={station.AreaCode}&incubation={status}")).Expect(HttpStatusCode.OK))
                .GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Incubation_of_an_organization_outside_the_scope_is_not_there()
    {
        var organization = await TestOrganizations.CreateAsync(app, "520502000000");
        var township = await Places.NewTownshipAsync(app);
        var staffElsewhere = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township);
        using var huaibei = await app.CreateClientAsync("huaibei");
        using var other = await app.CreateClientAsync(staffElsewhere.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await huaibei.GetAsync($"/api/v1/organizations/{organization}/incubation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/organizations/{organization}/incubation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await huaibei.PostAsJsonAsync($"/api/v1/organizations/{organization}/incubation",
            new { hostName = "越权基地", startOn = Day(-1), plannedEndOn = Day(100) })).StatusCode);
    }

    [Fact]
    public async Task The_details_page_shows_the_incubation_and_starts_one_naming_a_bad_field()
    {
        var township = await Places.NewTownshipAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, township, status: OrganizationStatus.Incubating);
        using var session = await PageSession.SignInAsync(app, "huaibei");
        var details = $"/Organizations/Details/{organization}";
        var (_, empty) = await session.GetAsync(details);
        Assert.Contains("id=\"incubation\"", empty, StringComparison.Ordinal);
        Assert.Contains("id=\"incubation-start-form\"", empty, StringComparison.Ordinal);

        using (var bad = await session.PostFormAsync(details + "?handler=StartIncubation", new()
               { ["Start.HostName"] = "县孵化基地", ["Start.StartOn"] = "2026-02-30", ["Start.PlannedEndOn"] = Day(100) }, details))
        {
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("入孵日期格式不正确", html, StringComparison.Ordinal);
            Assert.Contains("value=\"县孵化基地\"", html, StringComparison.Ordinal);
        }
        using (var good = await session.PostFormAsync(details + "?handler=StartIncubation", new()
               { ["Start.HostName"] = "县孵化基地", ["Start.StartOn"] = Day(-10), ["Start.PlannedEndOn"] = Day(100) }, details))
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var programme = await app.Query(db => db.Set<IncubationProgramme>().IgnoreQueryFilters().Where(p => p.OrganizationId == organization).Select(p => p.Id).SingleAsync());
        using (var support = await session.PostFormAsync(details + "?handler=Support", new()
               { ["ProgrammeId"] = programme.ToString(), ["Support.GivenOn"] = Day(-1), ["Support.Kind"] = "Venue", ["Support.AmountYuan"] = "", ["Support.Note"] = "提供办公场地" }, details))
            Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
        var (_, html2) = await session.GetAsync(details);
        Assert.Contains("县孵化基地", html2, StringComparison.Ordinal);
        Assert.Contains("提供办公场地", html2, StringComparison.Ordinal);
    }
}
