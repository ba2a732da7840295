using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Competitions;

/// <summary>
/// What the competitions store is read in the reader's language, whoever wrote it in which (review of issue 12): the automatic
/// eligibility checks are stored as rules and facts and put in words when read — on the page, in the API and in the refusal of a
/// submission —; the award's notes the system writes (a release without a note, an automatic stop, the project's steps of an award)
/// likewise; notes people type are given as typed. Through the real app, on SQLite and PostgreSQL.
/// </summary>
public sealed partial class StoredTextLanguageTests(TestApp app)
{
    static DateOnly Today => Wushe.Platform.ChinaTime.Today(TimeProvider.System);

    async Task<HttpClient> ClientAsync(string userName, string language)
    {
        var client = await app.CreateClientAsync(userName);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    static object Design(string areaCode) => new
    {
        areaCode, title = "邻里互助服务项目", focus = "ElderlyCare", targetGroups = "独居老人", summary = "为辖区独居老人提供探访与陪伴服务。",
        plannedActivities = "每月入户探访 5 次", startOn = Today.AddMonths(2), endOn = Today.AddMonths(14), budgetYuan = 20000m,
        funding = new[] { new { source = "CompetitionAward", amountYuan = 20000m, note = "" } },
        indicators = new[] { new { name = "开展入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 60, unit = "次" } },
    };

    /// <summary>An organization of <paramref name="kind"/> in the township, its staff's user name, and a draft with its document, written in <paramref name="language"/>.</summary>
    async Task<(string UserName, Guid Id)> DraftAsync(string township, Guid call, OrganizationKind kind, string language)
    {
        var organization = await TestOrganizations.CreateAsync(app, township, kind: kind);
        var user = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);
        using var client = await ClientAsync(user.UserName, language);
        var id = (await (await client.PostAsJsonAsync($"/api/v1/competitions/{call}/applications", Design(township))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        await (await client.PostAsync($"/api/v1/competitions/applications/{id}/documents",
            new MultipartFormDataContent { { new StringContent("项目申报书"), "name" }, { file, "file", "申报书.pdf" } })).Expect(HttpStatusCode.Created);
        return (user.UserName, id);
    }

    static List<(string Name, string Detail)> Checks(JsonElement application) =>
        [.. application.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("detail").GetString()!))];

    [GeneratedRegex(@"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")]
    private static partial Regex Chinese();

    [Fact]
    public async Task Eligibility_checks_are_stored_without_words_and_read_in_the_readers_language()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, eligibleKinds: [OrganizationKind.VolunteerTeam, OrganizationKind.SocialGroup]);
        await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == call).ExecuteUpdateAsync(s => s.SetProperty(c => c.MinRegisteredMonths, 12)));
        // Submitted by a user working in English.
        var (userName, id) = await DraftAsync(township, call, OrganizationKind.VolunteerTeam, "en");
        using (var submitter = await ClientAsync(userName, "en"))
            await (await submitter.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.OK);

        // Stored as rules and facts: no words in either language.
        var stored = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Checks).SingleAsync());
        Assert.Equal([EligibilityRule.Registration, EligibilityRule.Kind, EligibilityRule.RegisteredFor, EligibilityRule.ServiceArea, EligibilityRule.UnfinishedAward],
            stored.Select(c => c.Rule!.Value));
        Assert.All(stored, c => Assert.True(c.Name is null && c.Detail is null));
        Assert.Equal(12, stored.Single(c => c.Rule == EligibilityRule.RegisteredFor).Months);

        // The host reads them in Chinese, the organization in English, from the one record.
        using var host = await ClientAsync("huaibei", "zh-CN");
        var chinese = Checks(await (await host.GetAsync($"/api/v1/competitions/applications/{id}")).Expect(HttpStatusCode.OK));
        Assert.Equal(["登记状态", "机构类型", "登记时间", "服务区域", "未结项资助"], chinese.Select(c => c.Name));
        Assert.Equal("已登记，未暂停活动", chinese[0].Detail);
        using var organization = await ClientAsync(userName, "en");
        var english = Checks(await (await organization.GetAsync($"/api/v1/competitions/applications/{id}")).Expect(HttpStatusCode.OK));
        Assert.Equal(["Registration", "Kind", "Registration date", "Service area", "Unfinished award"], english.Select(c => c.Name));
        Assert.Equal("Registered, not suspended", english[0].Detail);
        Assert.All(english, c => Assert.DoesNotMatch(Chinese(), c.Name + c.Detail));

        // The page in English says them in English (and its colon is English too).
        using var page = await PageSession.SignInAsync(app, "huaibei");
        await page.GetAsync("/lang/en?returnUrl=/");
        var (status, html) = await page.GetAsync($"/Competitions/Application?id={id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Registration: Registered, not suspended", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("已登记，未暂停活动", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_check_refuses_the_submission_in_the_submitters_language()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, eligibleKinds: [OrganizationKind.SocialGroup, OrganizationKind.PrivateNonEnterprise]);
        var (userName, id) = await DraftAsync(township, call, OrganizationKind.VolunteerTeam, "en");
        using var english = await ClientAsync(userName, "en");
        var refused = (await (await english.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString()!;
        Assert.Contains("Kind: ", refused, StringComparison.Ordinal);
        Assert.Contains("is not among the kinds that may apply", refused, StringComparison.Ordinal);
        Assert.DoesNotMatch(Chinese(), refused);
        using var chinese = await ClientAsync(userName, "zh-CN");
        var inChinese = (await (await chinese.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString()!;
        Assert.Contains("机构类型：", inChinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_recorded_in_words_before_the_rules_were_kept_are_shown_as_recorded()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var id = await TestCompetitions.CreateApplicationAsync(app, call, organization, status: ApplicationStatus.Submitted);
        // A row as the demo wrote it before: {name, passed, detail} in the submitter's language.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var type = db.Model.FindEntityType(typeof(CompetitionApplication))!;
            var table = type.GetTableName();
            var checks = type.FindProperty(nameof(CompetitionApplication.Checks))!.GetColumnName();
            var key = type.FindProperty(nameof(CompetitionApplication.Id))!.GetColumnName();
            // The names come from the model; the values are parameters.
            var sql = $"UPDATE \"{table}\" SET \"{checks}\" = {{0}} WHERE \"{key}\" = {{1}}";
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql, """[{"name":"登记状态","passed":true,"detail":"已登记，未暂停活动"}]""", id));
        }
        using var host = await ClientAsync("huaibei", "en");
        var read = Checks(await (await host.GetAsync($"/api/v1/competitions/applications/{id}")).Expect(HttpStatusCode.OK));
        Assert.Equal([("登记状态", "已登记，未暂停活动")], read);
    }

    [Fact]
    public void The_words_of_a_check_follow_the_culture_of_the_moment_of_reading()
    {
        var check = new EligibilityCheck(EligibilityRule.RegisteredFor, false, Months: 24, RegisteredOn: new DateOnly(2025, 3, 1), Deadline: new DateOnly(2026, 5, 31));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal(("登记时间", "2025-03-01 登记，至截止日（2026-05-31）不满 24 个月"), (ApplicationEligibility.Describe(check).Name, ApplicationEligibility.Describe(check).Detail));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(("Registration date", "2025-03-01, less than 24 months before the deadline (2026-05-31)"),
                (ApplicationEligibility.Describe(check).Name, ApplicationEligibility.Describe(check).Detail));
            Assert.Equal("Approved with a venture-philanthropy award", ProjectStep.NoteAsRead(ProjectStep.AwardApproved));
            Assert.Equal("结项说明", ProjectStep.NoteAsRead("结项说明"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>A county-hosted call of a new township with <paramref name="shortlist"/> awarded (fen), confirmed by the county's new bureau user.</summary>
    async Task<(string Host, List<Guid> Awards)> AwardedAsync(params long[] shortlist)
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, poolFen: 100_000_00, capFen: 40_000_00);
        var organization = await TestOrganizations.CreateAsync(app, township, name: "九原区语言测试社工服务中心" + Guid.NewGuid().ToString("N")[..4]);
        var host = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: Places.County);
        var apps = new List<Guid>();
        foreach (var fen in shortlist) apps.Add(await TestCompetitions.CreateApplicationAsync(app, call, organization, requestedFen: fen));
        await TestAwards.NoticeAsync(app, call, apps.Select((a, i) => (a, shortlist[i])));
        using var client = await ClientAsync(host, "en");
        await (await client.PostAsync($"/api/v1/competitions/{call}/awards", null)).Expect(HttpStatusCode.OK);
        var awards = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.CompetitionId == call).ToListAsync());
        return (host, apps.Select(a => awards.Single(x => x.ApplicationId == a).Id).ToList());
    }

    [Fact]
    public async Task The_awards_notes_the_system_writes_are_read_in_the_readers_language_and_typed_ones_as_typed()
    {
        var (host, awards) = await AwardedAsync(20_000_00, 20_000_00);
        using var english = await ClientAsync(host, "en");
        using var chinese = await ClientAsync(host, "zh-CN");

        // A release without a note, made in English: nothing stored; each reader reads the tranche's name in their language.
        await TestAwards.SignAsync(app, awards[0], Today);
        await (await english.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/releases", new { tranche = 1 })).Expect(HttpStatusCode.OK);
        Assert.Equal("", await app.Query(db => db.Set<AwardMovement>().IgnoreQueryFilters().Where(m => m.AwardId == awards[0]).Select(m => m.Note).SingleAsync()));
        string Note(JsonElement award, int i) => award.GetProperty("ledger")[i].GetProperty("note").GetString()!;
        Assert.Equal("第 1 批（40%，签订协议后）", Note(await (await chinese.GetAsync($"/api/v1/competitions/awards/{awards[0]}")).Expect(HttpStatusCode.OK), 0));
        Assert.Equal("Tranche 1 (40%, On signing)", Note(await (await english.GetAsync($"/api/v1/competitions/awards/{awards[0]}")).Expect(HttpStatusCode.OK), 0));

        // The project the award created: its 立项 step, written by the platform, read in English too.
        var project = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == awards[0]).Select(a => a.ProjectId).SingleAsync());
        var steps = (await (await english.GetAsync($"/api/v1/projects/{project}")).Expect(HttpStatusCode.OK)).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("note").GetString()).ToList();
        Assert.Contains("Approved with a venture-philanthropy award", steps);
        Assert.Equal(ProjectStep.AwardApproved, await app.Query(db => db.Set<ProjectStep>().IgnoreQueryFilters().Where(s => s.ProjectId == project && s.Status == ProjectStatus.Approved).Select(s => s.Note).SingleAsync()));

        // A stop the rule makes (signed seven months ago, no mid-term passed), met by a user in English: stored without words.
        await TestAwards.SignAsync(app, awards[1], Today.AddMonths(-7));
        await (await english.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[1]}/releases", new { tranche = 1, note = "首期资金，签订协议后拨付" })).Expect(HttpStatusCode.OK);
        await (await english.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[1]}/releases", new { tranche = 2 })).Expect(HttpStatusCode.Conflict);
        var award = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().SingleAsync(a => a.Id == awards[1]));
        Assert.Equal((AwardStatus.Stopped, ""), (award.Status, award.StatusNote));
        var zh = await (await chinese.GetAsync($"/api/v1/competitions/awards/{awards[1]}")).Expect(HttpStatusCode.OK);
        Assert.StartsWith("中期评估截止", zh.GetProperty("statusNote").GetString(), StringComparison.Ordinal);
        Assert.Contains("中期评估截止", zh.GetProperty("tranches")[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var en = await (await english.GetAsync($"/api/v1/competitions/awards/{awards[1]}")).Expect(HttpStatusCode.OK);
        Assert.StartsWith("No passed mid-term evaluation by its due day", en.GetProperty("statusNote").GetString(), StringComparison.Ordinal);
        // The note typed stays as typed, in either language.
        Assert.Equal("首期资金，签订协议后拨付", Note(en, 0));

        // A stop with a reason typed keeps it.
        await (await english.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/stop", new { reason = "机构注销，停止拨付" })).Expect(HttpStatusCode.OK);
        Assert.Equal("机构注销，停止拨付", (await (await english.GetAsync($"/api/v1/competitions/awards/{awards[0]}")).Expect(HttpStatusCode.OK)).GetProperty("statusNote").GetString());

        // The award page in English: the tranche's name and the stop's reason in English.
        using var page = await PageSession.SignInAsync(app, host);
        await page.GetAsync("/lang/en?returnUrl=/");
        var (status, html) = await page.GetAsync($"/Competitions/Award?id={awards[1]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No passed mid-term evaluation by its due day", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("中期评估截止", html, StringComparison.Ordinal);
    }
}
