using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Competitions;

/// <summary>
/// The competitions' lists that users expect to export (review of issue 12), each a page button and an /api/v1 operation of the same use
/// case giving the same file, audited: a call's judges (the host), its defence schedule (the host, as searched), and an organization's own
/// applications (its staff, as searched). Through the real app, on SQLite and PostgreSQL.
/// </summary>
public sealed class CompetitionExportTests(TestApp app)
{
    static List<IDictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    static async Task<List<IDictionary<string, object?>>> FileAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Spreadsheet.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        return Rows(await response.Content.ReadAsByteArrayAsync());
    }

    static IEnumerable<string> Lines(List<IDictionary<string, object?>> rows) => rows.Select(r => string.Join("|", r.Values));

    Task<List<string>> ExportsAsync(string entity, string key) =>
        app.Query(db => db.AuditRecords.Where(r => r.Action == AuditAction.Export && r.Entity == entity && r.EntityKey == key).Select(r => r.Fields!).ToListAsync());

    [Fact]
    public async Task The_judges_of_a_call_are_exported_by_the_page_and_the_api_for_the_host_only()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var (first, _) = await TestCompetitions.AddJudgeAsync(app, call, name: "导出专家甲");
        var (second, _) = await TestCompetitions.AddJudgeAsync(app, call, name: "导出专家乙");
        var a = await TestCompetitions.CreateApplicationAsync(app, call, organization);
        var b = await TestCompetitions.CreateApplicationAsync(app, call, organization);
        await TestAwards.ScoreAsync(app, a, first, [8, 8, 8, 8, 8]);
        await TestAwards.ScoreAsync(app, b, first, null);
        await TestCompetitions.AssignAsync(app, a, second);

        using var host = await app.CreateClientAsync("huaibei");
        var fromApi = await FileAsync(host, $"/api/v1/competitions/{call}/judges/export");
        Assert.Equal(["导出专家甲", "导出专家乙"], fromApi.Select(r => r["姓名"]?.ToString()));
        Assert.Equal(("2", "1", "1"), (fromApi[0]["评审任务"]?.ToString(), fromApi[0]["已评分"]?.ToString(), fromApi[0]["回避"]?.ToString()));
        Assert.Equal(("1", "0", "0"), (fromApi[1]["评审任务"]?.ToString(), fromApi[1]["已评分"]?.ToString(), fromApi[1]["回避"]?.ToString()));
        var fromPage = await FileAsync(await app.CookieClientAsync("huaibei"), $"/Competitions/Judges/{call}?handler=Export");
        Assert.Equal(Lines(fromApi), Lines(fromPage));
        Assert.Contains("export-judges", await (await app.CookieClientAsync("huaibei")).GetStringAsync($"/Competitions/Judges/{call}"), StringComparison.Ordinal);
        Assert.Equal(2, (await ExportsAsync(nameof(CompetitionJudge), call.ToString())).Count);

        // Organization staff and another county's host: refused, nothing written.
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);
        using var org = await app.CreateClientAsync(staff.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync($"/api/v1/competitions/{call}/judges/export")).StatusCode);
        using var away = await app.CreateClientAsync(await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520526000000"));
        Assert.Equal(HttpStatusCode.NotFound, (await away.GetAsync($"/api/v1/competitions/{call}/judges/export")).StatusCode);
        Assert.Equal(2, (await ExportsAsync(nameof(CompetitionJudge), call.ToString())).Count);
    }

    [Fact]
    public async Task The_defence_schedule_is_exported_as_searched_by_the_page_and_the_api()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var scheduled = await TestCompetitions.CreateApplicationAsync(app, call, organization, title: "答辩导出项目甲");
        await TestCompetitions.CreateApplicationAsync(app, call, organization, title: "答辩导出项目乙");
        await TestCompetitions.CreateApplicationAsync(app, call, organization, status: ApplicationStatus.Ineligible, title: "答辩导出项目丙");
        var at = new DateTimeOffset(2026, 9, 1, 1, 30, 0, TimeSpan.Zero);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            (await db.Set<CompetitionApplication>().SingleAsync(x => x.Id == scheduled)).ScheduleDefence(at, "社工站二楼会议室");
            await db.SaveChangesAsync();
        }

        using var host = await app.CreateClientAsync("huaibei");
        var all = await FileAsync(host, $"/api/v1/competitions/{call}/defence/export");
        Assert.Equal(["答辩导出项目甲", "答辩导出项目乙"], all.Select(r => r["项目名称"]?.ToString()));
        Assert.Equal(("2026-09-01 09:30", "社工站二楼会议室"), (all[0]["答辩时间"]?.ToString(), all[0]["答辩地点"]?.ToString()));
        Assert.Equal("未安排", all[1]["答辩时间"]?.ToString());
        var searched = await FileAsync(host, $"/api/v1/competitions/{call}/defence/export?keyword={Uri.EscapeDataString("项目乙")}");
        Assert.Equal(["答辩导出项目乙"], searched.Select(r => r["项目名称"]?.ToString()));
        var session = await app.CookieClientAsync("huaibei");
        var fromPage = await FileAsync(session, $"/Competitions/Defence?handler=Export&callId={call}&keyword={Uri.EscapeDataString("项目乙")}");
        Assert.Equal(Lines(searched), Lines(fromPage));
        Assert.Contains("export-defence", await session.GetStringAsync($"/Competitions/Defence?callId={call}"), StringComparison.Ordinal);
        Assert.Equal(3, (await ExportsAsync(nameof(CompetitionApplication), call.ToString())).Count);

        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);
        using var org = await app.CreateClientAsync(staff.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync($"/api/v1/competitions/{call}/defence/export")).StatusCode);
    }

    [Fact]
    public async Task An_organizations_own_applications_are_exported_as_searched_by_its_staff()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var other = await TestOrganizations.CreateAsync(app, township);
        await TestCompetitions.CreateApplicationAsync(app, call, organization, status: ApplicationStatus.Draft, title: "本机构导出草稿");
        await TestCompetitions.CreateApplicationAsync(app, call, organization, status: ApplicationStatus.Submitted, title: "本机构导出申报", requestedFen: 12_345_00);
        await TestCompetitions.CreateApplicationAsync(app, call, other, status: ApplicationStatus.Submitted, title: "他机构的申报");
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);

        using var api = await app.CreateClientAsync(staff.UserName);
        var all = await FileAsync(api, "/api/v1/competitions/applications/mine/export");
        Assert.Equal(["本机构导出申报", "本机构导出草稿"], all.Select(r => r["项目名称"]?.ToString()).Order());
        var submitted = await FileAsync(api, "/api/v1/competitions/applications/mine/export?status=Submitted");
        var row = Assert.Single(submitted);
        Assert.Equal(("本机构导出申报", "12345"), (row["项目名称"]?.ToString(), row["申请资助（元）"]?.ToString()));
        var session = await app.CookieClientAsync(staff.UserName);
        Assert.Equal(Lines(submitted), Lines(await FileAsync(session, "/Competitions/Mine?handler=Export&status=Submitted")));
        Assert.Contains("export-my-applications", await session.GetStringAsync("/Competitions/Mine"), StringComparison.Ordinal);
        Assert.Equal(3, (await app.Query(db => db.AuditRecords.Where(r => r.Action == AuditAction.Export && r.Entity == nameof(CompetitionApplication) && r.EntityKey == "mine"
            && r.UserName == staff.UserName).CountAsync())));

        // A malformed status exports nothing and says why; the host has its own lists (403 here).
        using var bad = await api.GetAsync("/api/v1/competitions/applications/mine/export?status=Nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var refused = await session.GetAsync("/Competitions/Mine?handler=Export&status=Nonsense");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var host = await app.CreateClientAsync("huaibei");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/v1/competitions/applications/mine/export")).StatusCode);
    }
}
