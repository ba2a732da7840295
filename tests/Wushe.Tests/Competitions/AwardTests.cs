using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Competitions;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Competitions;

/// <summary>
/// 公示 and 资助 (issue 12) through the real app, on SQLite and PostgreSQL: the notice waits for the review, the public notice carries no
/// personal data, objections are answered (an upheld one removes the application), the pool holds under racing confirmations, tranches
/// wait for their evaluations, a late or failed mid-term stops funding and allows a claw-back, releases never pass the award, figures add up.
/// </summary>
public sealed class AwardTests(TestApp app)
{
    static readonly List<int> Good = [9, 9, 9, 9, 9], Fair = [7, 7, 7, 7, 7];

    sealed record World(string Township, Guid Call, Guid Organization, HttpClient Host, string HostName);

    async Task<World> ArrangeAsync(long poolFen = 100_000_00, long capFen = 40_000_00, int judgeCount = 5)
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, poolFen: poolFen, capFen: capFen, judgeCount: judgeCount);
        var organization = await TestOrganizations.CreateAsync(app, township, name: "九原区测试社工服务中心" + Guid.NewGuid().ToString("N")[..4]);
        var host = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: Places.County);
        return new World(township, call, organization, await app.CreateClientAsync(host), host);
    }

    async Task<Guid> ApplicationAsync(World w, long requestedFen = 30_000_00, long coFundingFen = 0) =>
        await TestCompetitions.CreateApplicationAsync(app, w.Call, w.Organization, requestedFen: requestedFen, coFundingFen: coFundingFen);

    /// <summary>A call with <paramref name="shortlist"/> on a notice that is over, and the awards confirmed; the award ids in order.</summary>
    async Task<(World World, List<Guid> Awards)> AwardedAsync(params long[] shortlist)
    {
        var w = await ArrangeAsync();
        var apps = new List<Guid>();
        foreach (var fen in shortlist) apps.Add(await ApplicationAsync(w, requestedFen: fen));
        await TestAwards.NoticeAsync(app, w.Call, apps.Select(a => (a, shortlist[apps.IndexOf(a)])));
        await (await w.Host.PostAsync($"/api/v1/competitions/{w.Call}/awards", null)).Expect(HttpStatusCode.OK);
        var awards = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.CompetitionId == w.Call).ToListAsync());
        return (w, apps.Select(a => awards.Single(x => x.ApplicationId == a).Id).ToList());
    }

    [Fact]
    public async Task The_notice_waits_for_the_review_then_posts_the_shortlist_within_the_pool()
    {
        var w = await ArrangeAsync(poolFen: 50_000_00, capFen: 30_000_00, judgeCount: 3);
        var a = await ApplicationAsync(w, 30_000_00);
        var b = await ApplicationAsync(w, 25_000_00);
        var (judge, _) = await TestCompetitions.AddJudgeAsync(app, w.Call);
        var (second, _) = await TestCompetitions.AddJudgeAsync(app, w.Call);
        var (third, _) = await TestCompetitions.AddJudgeAsync(app, w.Call);
        // The deadline has not passed: 409.
        var early = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/notice", new { shortlist = new[] { new { applicationId = a, amountYuan = 30000m } } })).Expect(HttpStatusCode.Conflict);
        await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(x => x.Id == w.Call).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosesAt, DateTimeOffset.UtcNow.AddDays(-1))));
        foreach (var j in new[] { judge, second, third }) await TestAwards.ScoreAsync(app, a, j, Good);
        // b: its third judge recused (counted as assigned), its first assigned and not yet scored.
        await TestAwards.ScoreAsync(app, b, second, Fair);
        await TestAwards.ScoreAsync(app, b, third, null);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Wushe.Data.AppDb>();
            db.Add(new CompetitionScore(await db.Set<CompetitionApplication>().IgnoreQueryFilters().SingleAsync(x => x.Id == b), await db.Set<CompetitionJudge>().IgnoreQueryFilters().SingleAsync(x => x.Id == judge), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var missing = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/notice", new { shortlist = new[] { new { applicationId = a, amountYuan = 30000m } } })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("1 份", missing.GetProperty("title").GetString(), StringComparison.Ordinal);
        // The assignment withdrawn: b has fewer judges than the call asks for (2 of 3), and the notice names it (review of issue 12).
        await app.Query(db => db.Set<CompetitionScore>().IgnoreQueryFilters().Where(s => s.ApplicationId == b && s.JudgeId == judge).ExecuteDeleteAsync());
        var bNo = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(x => x.Id == b).Select(x => x.ApplicationNo).SingleAsync());
        var shortOf = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/notice", new { shortlist = new[] { new { applicationId = a, amountYuan = 30000m } } })).Expect(HttpStatusCode.Conflict);
        Assert.Contains(bNo!, shortOf.GetProperty("title").GetString(), StringComparison.Ordinal);
        var waiting = await (await w.Host.GetAsync($"/api/v1/competitions/{w.Call}/notice")).Expect(HttpStatusCode.OK);
        Assert.False(waiting.GetProperty("mayPost").GetBoolean());
        Assert.Contains(bNo!, waiting.GetProperty("shortOfJudges").GetString(), StringComparison.Ordinal);
        await TestAwards.ScoreAsync(app, b, judge, Fair);

        // The page's proposal: the top ranked whose requests fit in the pool (30,000 fits, 25,000 does not after it).
        var notice = await (await w.Host.GetAsync($"/api/v1/competitions/{w.Call}/notice")).Expect(HttpStatusCode.OK);
        var ranking = notice.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(a, ranking[0].GetProperty("row").GetProperty("id").GetGuid());
        Assert.True(ranking[0].GetProperty("proposed").GetBoolean());
        Assert.False(ranking[1].GetProperty("proposed").GetBoolean());

        // Past the pool: 400 with both sums; above the request: named.
        var over = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/notice", new { shortlist = new[] { new { applicationId = a, amountYuan = 30000m }, new { applicationId = b, amountYuan = 25000m } } })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("¥55,000.00", over.GetProperty("errors").GetProperty("shortlist")[0].GetString(), StringComparison.Ordinal);
        var above = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/notice", new { shortlist = new[] { new { applicationId = b, amountYuan = 26000m } } })).Expect(HttpStatusCode.BadRequest);
        Assert.True(above.GetProperty("errors").TryGetProperty("shortlist[0].amountYuan", out _));
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/notice", new { shortlist = new[] { new { applicationId = a, amountYuan = 30000m }, new { applicationId = b, amountYuan = 20000m } } })).Expect(HttpStatusCode.OK);
        Assert.Equal(CompetitionStatus.Notice, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == w.Call).Select(c => c.Status).SingleAsync()));
        // The notice is running: confirming is 409.
        await (await w.Host.PostAsync($"/api/v1/competitions/{w.Call}/awards", null)).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_public_notice_carries_no_personal_data_and_objections_are_answered_an_upheld_one_removes_the_application()
    {
        var w = await ArrangeAsync();
        var a = await ApplicationAsync(w);
        var b = await ApplicationAsync(w);
        var (judge, _) = await TestCompetitions.AddJudgeAsync(app, w.Call, name: "李评委");
        await TestAwards.ScoreAsync(app, a, judge, Good);
        await TestAwards.ScoreAsync(app, b, judge, Fair);
        await TestAwards.NoticeAsync(app, w.Call, [(a, 20_000_00), (b, 15_000_00)], over: false);

        using var anonymous = app.Anonymous();
        var bad = await (await anonymous.PostAsJsonAsync($"/api/v1/public/competitions/{w.Call}/objections", new { content = "太短", contactName = "", contactPhone = "123" })).Expect(HttpStatusCode.BadRequest);
        foreach (var f in new[] { "content", "contactName", "contactPhone" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        var lodged = await (await anonymous.PostAsJsonAsync($"/api/v1/public/competitions/{w.Call}/objections",
            new { applicationId = a, content = "该机构同一项目已获其他财政资金资助，属重复申报。", contactName = "王异议", contactPhone = "13912345678" })).Expect(HttpStatusCode.Created);
        Assert.Equal(8, lodged.GetProperty("reference").GetString()!.Length);
        await (await anonymous.PostAsJsonAsync($"/api/v1/public/competitions/{w.Call}/objections",
            new { content = "评审专家名单未公开，请说明评审过程。联系我：13812345679，身份证520502199001011234。", contactName = "赵提问", contactPhone = "13812345679" })).Expect(HttpStatusCode.Created);

        // The host reads them with the phone masked; the whole-list one is not upheld, the other is.
        var notice = await (await w.Host.GetAsync($"/api/v1/competitions/{w.Call}/notice")).Expect(HttpStatusCode.OK);
        var objections = notice.GetProperty("objections").EnumerateArray().ToList();
        Assert.Equal("139****5678", objections[0].GetProperty("contactPhoneMasked").GetString());
        Assert.DoesNotContain("13912345678", notice.GetRawText(), StringComparison.Ordinal);
        // To call back, the host reveals the phone with a reason (audited, as every reveal); without a reason 400, and others 403.
        var first = objections[0].GetProperty("id").GetGuid();
        var reveal = $"/api/v1/competitions/{w.Call}/objections/{first}/contact/reveal";
        var noReason = await (await w.Host.PostAsJsonAsync(reveal, new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var revealed = await (await w.Host.PostAsJsonAsync(reveal, new { reason = "电话答复异议" })).Expect(HttpStatusCode.OK);
        Assert.Equal("13912345678", revealed.GetProperty("phone").GetString());
        var audit = await app.Query(db => db.AuditRecords.Where(r => r.Entity == nameof(CompetitionObjection) && r.EntityKey == first.ToString() && r.Action == Wushe.Platform.Audit.AuditAction.Reveal)
            .Select(r => new { r.Outcome, r.Reason, r.Fields }).ToListAsync());
        Assert.Contains(audit, r => r.Outcome == Wushe.Platform.Audit.AuditOutcome.Success && r.Reason == "电话答复异议" && r.Fields == nameof(CompetitionObjection.ContactPhone));
        Assert.Contains(audit, r => r.Outcome == Wushe.Platform.Audit.AuditOutcome.Failed);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Township, organizationId: w.Organization);
        using (var organization = await app.CreateClientAsync(staff.UserName))
            await (await organization.PostAsJsonAsync(reveal, new { reason = "想看看" })).Expect(HttpStatusCode.Forbidden);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/objections/{Guid.NewGuid()}/contact/reveal", new { reason = "电话答复异议" })).Expect(HttpStatusCode.NotFound);
        // The notice page: the masked phone with its reveal form; revealed in full after a reason.
        using (var session = await PageSession.SignInAsync(app, w.HostName))
        {
            var page = $"/Competitions/Notice?callId={w.Call}";
            var field = Wushe.Features.Competitions.HostNoticeModel.PhoneField(first);
            Assert.Contains($"reveal-{field}-form", (await session.GetAsync(page)).Html, StringComparison.Ordinal);
            using var shown = await session.PostFormAsync($"/Competitions/Notice?handler=Reveal&id={w.Call}", new() { ["Reveal.Field"] = field, ["Reveal.Reason"] = "电话答复异议" }, page);
            Assert.Contains($"id=\"revealed-{field}\">13912345678<", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var refused = await session.PostFormAsync($"/Competitions/Notice?handler=Reveal&id={w.Call}", new() { ["Reveal.Field"] = field, ["Reveal.Reason"] = "" }, page);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain("13912345678", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await TestAwards.EndNoticeAsync(app, w.Call);
        await (await w.Host.PostAsync($"/api/v1/competitions/{w.Call}/awards", null)).Expect(HttpStatusCode.Conflict); // objections unanswered
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/objections/{objections[0].GetProperty("id").GetGuid()}/answer", new { answer = "经核实，该项目已获其他资金资助，异议成立，取消入围。", upheld = true })).Expect(HttpStatusCode.OK);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{w.Call}/objections/{objections[1].GetProperty("id").GetGuid()}/answer", new { answer = "评审专家名单将随结果公布。", upheld = false })).Expect(HttpStatusCode.OK);
        Assert.Equal(ApplicationStatus.NotAwarded, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(x => x.Id == a).Select(x => x.Status).SingleAsync()));

        // Public, JSON and HTML: the list without the removed application, the answers, and no name or phone of anyone.
        var json = await (await anonymous.GetAsync($"/api/v1/public/competitions/{w.Call}/notice")).Expect(HttpStatusCode.OK);
        Assert.Single(json.GetProperty("shortlist").EnumerateArray());
        Assert.Equal(b, json.GetProperty("shortlist")[0].GetProperty("applicationId").GetGuid());
        Assert.Equal(2, json.GetProperty("objections").GetArrayLength());
        // Each answered objection carries the reference its objector got on lodging, on the JSON and the page.
        Assert.Equal(lodged.GetProperty("reference").GetString(), json.GetProperty("objections")[0].GetProperty("reference").GetString());
        var html = await anonymous.GetStringAsync($"/Public/Competitions/Notice?id={w.Call}");
        // A phone or ID number written into an objection is published masked.
        Assert.Contains(json.GetProperty("objections").EnumerateArray(), o => o.GetProperty("content").GetString()!.EndsWith("联系我：138****5679，身份证5205**********1234。", StringComparison.Ordinal));
        Assert.Contains("评审专家名单将随结果公布。", html, StringComparison.Ordinal);
        Assert.Contains(lodged.GetProperty("reference").GetString()!, html, StringComparison.Ordinal);
        foreach (var text in new[] { json.GetRawText(), html })
            foreach (var secret in new[] { "王异议", "赵提问", "13912345678", "139****5678", "13812345679", "520502199001011234", "李评委", w.HostName })
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);

        // Confirmed: the one left is awarded, the call decided.
        var confirmed = await (await w.Host.PostAsync($"/api/v1/competitions/{w.Call}/awards", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, confirmed.GetProperty("awarded").GetInt32());
        Assert.True(confirmed.GetProperty("decided").GetBoolean());
        var project = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(x => x.ApplicationId == b)
            .Join(db.Set<Project>().IgnoreQueryFilters(), x => x.ProjectId, p => p.Id, (x, p) => p).SingleAsync());
        Assert.Equal(ProjectStatus.Approved, project.Status);
        Assert.Equal(w.Organization, project.OrganizationId);
        var lines = await app.Query(db => db.Set<ProjectFunding>().IgnoreQueryFilters().Where(f => f.ProjectId == project.Id).ToListAsync());
        Assert.Equal(15_000_00, lines.Single(l => l.Source == ProjectFundingSource.CompetitionAward).AmountFen);
        Assert.Equal(project.BudgetFen, lines.Sum(l => l.AmountFen));
        Assert.Equal(2, await app.Query(db => db.Set<ProjectStep>().IgnoreQueryFilters().CountAsync(s => s.ProjectId == project.Id)));
        // The award is listed and exported as the list searches it.
        var listed = await (await w.Host.GetAsync($"/api/v1/competitions/awards?callId={w.Call}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var export = await w.Host.GetAsync($"/api/v1/competitions/awards/export?callId={w.Call}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using (var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync()))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(project.Title, Assert.Single(rows)["项目名称"]);
        }
        // After the period no objection is taken.
        await (await anonymous.PostAsJsonAsync($"/api/v1/public/competitions/{w.Call}/objections", new { content = "公示期后的异议内容，应当被拒绝。", contactName = "钱某某", contactPhone = "13712345678" })).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Racing_confirmations_never_exceed_the_pool_nor_award_an_application_twice()
    {
        // Five applications of 30,000 on a pool of 100,000 (the shortlist written past PostNotice's check): at most three fit.
        var w = await ArrangeAsync(poolFen: 100_000_00);
        var apps = new List<Guid>();
        for (var i = 0; i < 5; i++) apps.Add(await ApplicationAsync(w));
        await TestAwards.NoticeAsync(app, w.Call, apps.Select(a => (a, 30_000_00L)));
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.CreateClientAsync(w.HostName)));
        var answers = await Task.WhenAll(apps.Select((a, i) => clients[i].PostAsync($"/api/v1/competitions/{w.Call}/awards/{a}", null)));
        Assert.Equal(3, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var (awarded, sum, count) = await app.Query(async db => (
            await db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == w.Call).Select(c => c.AwardedFen).SingleAsync(),
            await db.Set<CompetitionAward>().IgnoreQueryFilters().Where(x => x.CompetitionId == w.Call).SumAsync(x => x.AmountFen),
            await db.Set<CompetitionAward>().IgnoreQueryFilters().CountAsync(x => x.CompetitionId == w.Call)));
        Assert.Equal(90_000_00, awarded);
        Assert.Equal(awarded, sum);
        Assert.Equal(3, count);

        // Two hosts confirming a whole call at once: every application awarded once, the sum kept.
        var v = await ArrangeAsync(poolFen: 100_000_00);
        var more = new List<Guid>();
        for (var i = 0; i < 4; i++) more.Add(await ApplicationAsync(v, requestedFen: 25_000_00));
        await TestAwards.NoticeAsync(app, v.Call, more.Select(a => (a, 25_000_00L)));
        var both = await Task.WhenAll(clients.Take(2).Select(c => c.PostAsync($"/api/v1/competitions/{v.Call}/awards", null)));
        Assert.All(both, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var (awarded2, sum2, count2, status) = await app.Query(async db => (
            await db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == v.Call).Select(c => c.AwardedFen).SingleAsync(),
            await db.Set<CompetitionAward>().IgnoreQueryFilters().Where(x => x.CompetitionId == v.Call).SumAsync(x => x.AmountFen),
            await db.Set<CompetitionAward>().IgnoreQueryFilters().CountAsync(x => x.CompetitionId == v.Call),
            await db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == v.Call).Select(c => c.Status).SingleAsync()));
        Assert.Equal(100_000_00, awarded2);
        Assert.Equal(awarded2, sum2);
        Assert.Equal(4, count2);
        Assert.Equal(CompetitionStatus.Decided, status);
    }

    [Fact]
    public async Task Only_the_calls_host_acts_on_an_award_a_station_below_reads_it()
    {
        var (w, awards) = await AwardedAsync(30_000_00);
        var award = awards[0];
        // The call hosted by the county: the township's station reads the award of a project in its township and acts on none of it.
        await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == w.Call).ExecuteUpdateAsync(s => s.SetProperty(c => c.AreaCode, Places.County)));
        var worker = await app.CreateUserAsync(role: Role.StationWorker, areaCode: w.Township);
        using var station = await app.CreateClientAsync(worker);
        var read = await (await station.GetAsync($"/api/v1/competitions/awards/{award}")).Expect(HttpStatusCode.OK);
        Assert.False(read.GetProperty("hosted").GetBoolean());
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        var refused = await (await station.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/agreement", new { signedOn = today })).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("主办单位", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await station.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 1 })).Expect(HttpStatusCode.Forbidden);
        await (await station.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/stop", new { reason = "中期评估未按时提交" })).Expect(HttpStatusCode.Forbidden);
        await (await station.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/claw-backs", new { amountYuan = 100m, note = "追回未使用资金" })).Expect(HttpStatusCode.Forbidden);
        await (await station.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/close", new { note = "" })).Expect(HttpStatusCode.Forbidden);
        var stationPage = await station.GetStringAsync($"/Competitions/Award?id={award}");
        Assert.DoesNotContain("handler=Sign", stationPage, StringComparison.Ordinal);
        // The call is the county's: the station reads it as the public does — the award page links there, and the call's own page sends it there.
        Assert.Contains($"/Public/Competitions/Details?id={w.Call}", stationPage, StringComparison.Ordinal);
        using (var details = await station.GetAsync($"/Competitions/Details?id={w.Call}"))
            Assert.Contains("/Public/Competitions/Details", (details.Headers.Location ?? details.RequestMessage!.RequestUri!).OriginalString, StringComparison.Ordinal);
        Assert.Contains($"/Competitions/Details?id={w.Call}", await w.Host.GetStringAsync($"/Competitions/Award?id={award}"), StringComparison.Ordinal);
        Assert.Contains("handler=Sign", await w.Host.GetStringAsync($"/Competitions/Award?id={award}"), StringComparison.Ordinal);
        Assert.Null(await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == award).Select(a => a.SignedOn).SingleAsync()));
        // The county's bureau hosts it.
        Assert.True((await (await w.Host.GetAsync($"/api/v1/competitions/awards/{award}")).Expect(HttpStatusCode.OK)).GetProperty("hosted").GetBoolean());
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/agreement", new { signedOn = today })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tranche_waits_for_its_evaluation_and_releases_never_exceed_the_award()
    {
        var (w, awards) = await AwardedAsync(33_333_33);
        var award = awards[0];
        var project = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == award).Select(a => a.ProjectId).SingleAsync());
        // Not signed: the first tranche waits.
        var unsigned = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 1 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("协议", unsigned.GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/agreement", new { signedOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System) })).Expect(HttpStatusCode.OK);
        // Tranches are numbered as people read them (1 = 第 1 批): 0, one past the plan and a word are each a field error naming the tranche.
        foreach (var bad in new object[] { new { tranche = 0 }, new { tranche = 4 }, new { tranche = "第一批" }, new { } })
        {
            var refused = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", bad)).Expect(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("tranche", out _), refused.ToString());
        }
        // Two releases of the first tranche racing: one.
        var clients = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => app.CreateClientAsync(w.HostName)));
        var race = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 1 })));
        Assert.Equal(1, race.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, race.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        // The mid-term tranche waits for a passed mid-term, then is released.
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 2 })).Expect(HttpStatusCode.Conflict);
        await TestAwards.EvaluateAsync(app, project, EvaluationStage.MidTerm, 80);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 2 })).Expect(HttpStatusCode.OK);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 3 })).Expect(HttpStatusCode.Conflict);
        // Closing waits for the final evaluation.
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/close", new { })).Expect(HttpStatusCode.Conflict);
        await TestAwards.EvaluateAsync(app, project, EvaluationStage.Final, 75);
        var last = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 3 })).Expect(HttpStatusCode.OK);
        Assert.Equal(33_333_33, last.GetProperty("releasedFen").GetInt64());
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 3 })).Expect(HttpStatusCode.Conflict);
        var ledger = await app.Query(db => db.Set<AwardMovement>().IgnoreQueryFilters().Where(m => m.AwardId == award).OrderBy(m => m.No).Select(m => m.AmountFen).ToListAsync());
        Assert.Equal([13_333_33, 13_333_33, 6_666_67], ledger);
        // 结项 goes through the projects' own rule: a project not in progress is refused in its words.
        var close = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/close", new { })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("项目", close.GetProperty("title").GetString(), StringComparison.Ordinal);
        var page = await (await w.Host.GetAsync($"/api/v1/competitions/awards/{award}")).Expect(HttpStatusCode.OK);
        Assert.All(page.GetProperty("tranches").EnumerateArray(), t => Assert.Equal("Released", t.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_late_or_failed_mid_term_stops_the_later_tranches_and_allows_a_claw_back()
    {
        var (w, awards) = await AwardedAsync(20_000_00, 20_000_00);
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        // Late: signed seven months ago, the mid-term due a month ago and none passed.
        await TestAwards.SignAsync(app, awards[0], today.AddMonths(-7));
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/releases", new { tranche = 1 })).Expect(HttpStatusCode.OK);
        var stopped = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/releases", new { tranche = 2 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("停止", stopped.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(AwardStatus.Stopped, await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == awards[0]).Select(a => a.Status).SingleAsync()));
        // A claw-back at most what was released.
        var tooMuch = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/claw-backs", new { amountYuan = 8000.01m, note = "追回未使用资金" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(tooMuch.GetProperty("errors").TryGetProperty("amountYuan", out _));
        var back = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/claw-backs", new { amountYuan = 5000m, note = "追回未使用资金" })).Expect(HttpStatusCode.OK);
        Assert.Equal(5_000_00, back.GetProperty("clawedBackFen").GetInt64());

        // Failed: a mid-term reviewed below the pass mark stops the rest even on time; a passed one after its due day counts as failed.
        await TestAwards.SignAsync(app, awards[1], today);
        var project = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == awards[1]).Select(a => a.ProjectId).SingleAsync());
        await TestAwards.EvaluateAsync(app, project, EvaluationStage.MidTerm, 40);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[1]}/releases", new { tranche = 2 })).Expect(HttpStatusCode.Conflict);
        Assert.Equal(AwardStatus.Stopped, await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.Id == awards[1]).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public void The_rule_stops_a_passed_mid_term_reviewed_after_its_due_day_and_splits_the_award_exactly()
    {
        TranchePlan[] plan = [.. TestCompetitions.Tranches];
        var due = new DateOnly(2026, 6, 30);
        var award = new AwardRules.AwardFacts(10_000_01, AwardStatus.Active, "", new DateOnly(2025, 12, 31), due, [0]);
        var onTime = AwardRules.States(plan, award, new(true, due, null), due.AddDays(3));
        Assert.Equal([TrancheState.Released, TrancheState.Releasable, TrancheState.Waiting], onTime.Select(t => t.State));
        var late = AwardRules.States(plan, award, new(true, due.AddDays(1), null), due.AddDays(3));
        Assert.Equal([TrancheState.Released, TrancheState.Stopped, TrancheState.Stopped], late.Select(t => t.State));
        var none = AwardRules.States(plan, award, new(null, null, null), due.AddDays(1));
        Assert.Equal(TrancheState.Stopped, none[1].State);
        var waiting = AwardRules.States(plan, award, new(null, null, null), due);
        Assert.Equal(TrancheState.Waiting, waiting[1].State);
        Assert.Equal(10_000_01, AwardRules.Amounts(plan, 10_000_01).Sum());
        Assert.Equal(TrancheState.Stopped, AwardRules.States(plan, award, new(false, due, null), due)[2].State);
    }

    [Fact]
    public async Task Figures_add_up_by_focus_and_organization_kind_and_carry_the_outcomes()
    {
        var (w, awards) = await AwardedAsync(20_000_00, 10_000_00);
        await TestCompetitions.CreateApplicationAsync(app, w.Call, w.Organization, status: ApplicationStatus.Ineligible);
        await TestAwards.SignAsync(app, awards[0], Wushe.Platform.ChinaTime.Today(TimeProvider.System));
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/releases", new { tranche = 1 })).Expect(HttpStatusCode.OK);
        var f = await (await w.Host.GetAsync($"/api/v1/competitions/{w.Call}/figures")).Expect(HttpStatusCode.OK);
        var total = f.GetProperty("total");
        Assert.Equal(3, total.GetProperty("applications").GetInt32());
        Assert.Equal(2, total.GetProperty("eligible").GetInt32());
        Assert.Equal(2, total.GetProperty("awarded").GetInt32());
        Assert.Equal(30_000_00, total.GetProperty("awardedFen").GetInt64());
        Assert.Equal(8_000_00, total.GetProperty("releasedFen").GetInt64());
        foreach (var split in new[] { "byFocus", "byKind" })
            foreach (var field in new[] { "applications", "eligible", "awarded" })
                Assert.Equal(total.GetProperty(field).GetInt32(), f.GetProperty(split).EnumerateArray().Sum(l => l.GetProperty(field).GetInt32()));
        Assert.Equal(30_000_00, f.GetProperty("byFocus").EnumerateArray().Sum(l => l.GetProperty("awardedFen").GetInt64()));
        Assert.Equal(2, f.GetProperty("outcomes").GetArrayLength());
        Assert.StartsWith("截至目前，项目共", f.GetProperty("outcomes")[0].GetProperty("narrative").GetString(), StringComparison.Ordinal);
        // Organization staff see their own awards only; another county's host does not find the call.
        var staff = await app.CreateUserAsync(role: Role.OrganizationStaff, areaCode: w.Township);
        using var other = await app.CreateClientAsync(staff);
        var list = await (await other.GetAsync($"/api/v1/competitions/awards?callId={w.Call}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var neighbour = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520526000000");
        using var away = await app.CreateClientAsync(neighbour);
        await (await away.GetAsync($"/api/v1/competitions/{w.Call}/figures")).Expect(HttpStatusCode.NotFound);
        await (await away.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/releases", new { tranche = 2 })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Figures_give_each_awarded_project_its_own_narrative_read_in_one_batch()
    {
        // Three awarded projects, each with its own delivery records: the figures read all their actuals at once
        // (ProjectRules.ActualsAsync over the ids), and each outcome is the one-project reader's narrative of that project.
        var (w, awards) = await AwardedAsync(20_000_00, 10_000_00, 5_000_00);
        var projects = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.CompetitionId == w.Call)
            .Select(a => a.ProjectId).ToListAsync());
        Assert.Equal(3, projects.Count);
        var shared = Guid.NewGuid();
        var expected = new Dictionary<Guid, (int Visits, int People, int Beneficiaries)>();
        await app.Query(async db =>
        {
            var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
            for (var n = 0; n < projects.Count; n++)
            {
                var project = await db.Set<Project>().IgnoreQueryFilters().SingleAsync(p => p.Id == projects[n]);
                var order = await db.Set<ProjectIndicator>().IgnoreQueryFilters().Where(i => i.ProjectId == project.Id).CountAsync();
                db.Add(new ProjectIndicator(project, order + 1, "入户探访", IndicatorMeasure.Times, ProjectIndicator.Mask([Wushe.Features.Households.ServiceKind.HomeVisit]), 10, "次"));
                db.Add(new ProjectIndicator(project, order + 2, "培育居民骨干", IndicatorMeasure.People,
                    ProjectIndicator.Mask([Wushe.Features.Households.ServiceKind.CaseService, Wushe.Features.Households.ServiceKind.GroupService]), 10, "人"));
                void Record(Wushe.Features.Households.ServiceKind kind, int heads, bool voided, params Guid[] residents)
                {
                    var record = Wushe.Features.Households.ServiceRecords.Add(db, project.AreaCode, kind, today, Wushe.Features.Households.ServiceSource.Project,
                        project.Id, "社工", "测试", residents);
                    var activity = new ProjectActivity(project, kind, today, "测试活动", "", 0, 1, 0, "", residents.Length, heads, "", record.Id, null, "测试", DateTimeOffset.UtcNow);
                    if (voided) activity.Void("测试作废", null, "测试", DateTimeOffset.UtcNow);
                    db.Add(activity);
                }
                // Project n: n+1 visits to one resident; n+2 case clients, one of them (and one more) in a group too; 10·n heads at an open event.
                var visited = Guid.NewGuid();
                for (var v = 0; v <= n; v++) Record(Wushe.Features.Households.ServiceKind.HomeVisit, 0, false, visited);
                var clients = Enumerable.Range(0, n + 2).Select(_ => Guid.NewGuid()).ToArray();
                Record(Wushe.Features.Households.ServiceKind.CaseService, 0, false, clients);
                Record(Wushe.Features.Households.ServiceKind.GroupService, 10 * n, false, clients[0], shared);
                Record(Wushe.Features.Households.ServiceKind.HomeVisit, 50, true, Guid.NewGuid());
                // People: the clients and the shared resident, once each (a client in both kinds counts once); beneficiaries: everyone served plus the heads.
                expected[project.Id] = (n + 1, n + 3, n + 4 + 10 * n);
            }
            return await db.SaveChangesAsync();
        });
        var f = await (await w.Host.GetAsync($"/api/v1/competitions/{w.Call}/figures")).Expect(HttpStatusCode.OK);
        var outcomes = f.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(3, outcomes.Count);
        var batch = await app.Query(db => ProjectRules.ActualsAsync(db, projects));
        foreach (var o in outcomes)
        {
            var id = o.GetProperty("projectId").GetGuid();
            var status = Enum.Parse<ProjectStatus>(o.GetProperty("status").GetString()!);
            var (one, delivered) = await app.Query(db => ProjectRules.ActualsAsync(db, id));
            Assert.Equal(ProjectRules.Narrative(one, status), o.GetProperty("narrative").GetString());
            var (visits, people, beneficiaries) = expected[id];
            Assert.Equal(visits, one.Single(a => a.Name == "入户探访").Value);
            Assert.Equal(people, one.Single(a => a.Name == "培育居民骨干").Value);
            Assert.Contains($"入户探访{visits}次", o.GetProperty("narrative").GetString(), StringComparison.Ordinal);
            Assert.Contains($"培育居民骨干{people}人", o.GetProperty("narrative").GetString(), StringComparison.Ordinal);
            Assert.Equal(people + 1, delivered.People);
            Assert.Equal(beneficiaries - delivered.People, delivered.HeadCounts.Values.Sum());
            Assert.Equal(one.Select(a => (a.Id, a.Value, a.Registered, a.HeadCount)), batch[id].Indicators.Select(a => (a.Id, a.Value, a.Registered, a.HeadCount)));
            Assert.Equal(delivered.People, batch[id].Delivered.People);
        }
        Assert.Equal(3, outcomes.Select(o => o.GetProperty("narrative").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_plan_without_a_mid_term_tranche_sets_no_mid_term_deadline_and_its_final_tranche_waits()
    {
        // Huaibei's micro-venture plan: half on signing, half after the final evaluation. Signing once set the mid-term due on the signing
        // day, so from the day after the final tranche read as stopped ("no passed mid-term by its due day").
        var (w, awards) = await AwardedAsync(10_000_00);
        TranchePlan[] plan = [new(50, TrancheGate.Signing), new(50, TrancheGate.FinalPassed)];
        await app.Query(async db =>
        {
            var call = await db.Set<Competition>().IgnoreQueryFilters().SingleAsync(c => c.Id == w.Call);
            db.Entry(call).Property(c => c.Tranches).CurrentValue = [.. plan];
            db.Entry(call).Property(c => c.MidTermMonths).CurrentValue = 0;
            return await db.SaveChangesAsync();
        });
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        var signed = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{awards[0]}/agreement", new { signedOn = today })).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, signed.GetProperty("midTermDueOn").ValueKind);
        var award = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().SingleAsync(a => a.Id == awards[0]));
        Assert.Null(award.MidTermDueOn);
        var later = AwardRules.States(plan, new AwardRules.AwardFacts(award.AmountFen, award.Status, "", award.SignedOn, award.MidTermDueOn, []), new(null, null, null), today.AddMonths(5));
        Assert.Equal([TrancheState.Releasable, TrancheState.Waiting], later.Select(t => t.State));
    }
}
