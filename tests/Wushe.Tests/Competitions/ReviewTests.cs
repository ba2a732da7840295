using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Competitions;

/// <summary>
/// 评审 (issue 12) through the real app, on SQLite and PostgreSQL: the 30 × 7 competition with one recusal scored by the judges through the
/// API and ranked as the hand calculation; recusal closes the application to its judge; scores within each criterion's maximum; judges read
/// only their own assignments and never the ranking; organization staff never the ranking; the review's window; assignment repeats and races;
/// the defence schedule.
/// </summary>
public sealed class ReviewTests(TestApp app)
{
    /// <summary>A call of a township of its own hosted by its station worker, closed for applications a day ago (or as told).</summary>
    sealed record Call(Guid Id, string Township, string HostUser, Guid Organization);

    async Task<Call> CallAsync(CompetitionStatus status = CompetitionStatus.Published, bool closed = true, int judgeCount = 5,
        ScoreAggregation aggregation = ScoreAggregation.TrimmedMean, TieBreak tieBreak = TieBreak.CriteriaInOrder)
    {
        var township = await Places.NewTownshipAsync(app);
        var now = DateTimeOffset.UtcNow;
        var id = await TestCompetitions.CreateCallAsync(app, township, status, opensAt: now.AddDays(-40), closesAt: closed ? now.AddDays(-1) : now.AddDays(10),
            judgeCount: judgeCount, aggregation: aggregation, tieBreak: tieBreak);
        var host = await app.CreateUserAsync(role: Role.StationWorker, areaCode: township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        return new Call(id, township, host, organization);
    }

    static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    static object Marks(int s, int count = 5, string comment = "项目设计合理，目标清晰，可行性较好。") => new { scores = Enumerable.Repeat(s, count).ToArray(), comment };

    /// <summary>The judge's own assignments, application number → assignment id.</summary>
    static async Task<Dictionary<string, Guid>> MineAsync(HttpClient judge)
    {
        var list = await (await judge.GetAsync("/api/v1/me/reviews?size=100")).Expect(HttpStatusCode.OK);
        return list.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("applicationNo").GetString()!, r => r.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Thirty_applications_scored_by_seven_judges_through_the_API_with_one_recusal_rank_as_the_hand_calculation()
    {
        var call = await CallAsync(judgeCount: 7, tieBreak: TieBreak.EarlierSubmission);
        var callNo = await app.Query(db => db.Set<Competition>().Where(c => c.Id == call.Id).Select(c => c.CallNo).SingleAsync());
        var deadline = DateTimeOffset.UtcNow.AddDays(-1);
        // Application k submitted k minutes before the deadline, numbered k + 1 (CompetitionRankingTests.ThirtyBySeven).
        for (var k = 0; k < 30; k++)
            await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, sequence: k + 1, title: $"评审排名测试项目{k:00}", submittedAt: deadline.AddMinutes(-k));
        var judges = new List<TestUsers.Made>();
        for (var j = 0; j < 7; j++) judges.Add((await TestCompetitions.AddJudgeAsync(app, call.Id, name: $"专家{j}")).User);
        string No(int k) => $"{callNo}-{k + 1:000}";

        using var host = await app.CreateClientAsync(call.HostUser);
        var assigned = await (await host.PostAsJsonAsync($"/api/v1/competitions/{call.Id}/assignments", new { wholePanel = true })).Expect(HttpStatusCode.OK);
        Assert.Equal(210, assigned.GetProperty("assigned").GetInt32());
        Assert.Empty(assigned.GetProperty("shortfalls").EnumerateArray());
        // Again: nothing new.
        var again = await (await host.PostAsJsonAsync($"/api/v1/competitions/{call.Id}/assignments", new { wholePanel = true })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("assigned").GetInt32());
        Assert.Equal(210, again.GetProperty("alreadyAssigned").GetInt32());

        var clients = new List<HttpClient>();
        foreach (var u in judges) clients.Add(await app.CreateClientAsync(u.UserName));
        try
        {
            // Judge 0 declares a conflict with application 0: from then on it is closed to them.
            var mine0 = await MineAsync(clients[0]);
            Assert.Equal(30, mine0.Count);
            var conflict = mine0[No(0)];
            await (await clients[0].PostAsJsonAsync($"/api/v1/me/reviews/{conflict}/recusal", new { reason = "本人曾担任该机构顾问" })).Expect(HttpStatusCode.OK);
            await (await clients[0].GetAsync($"/api/v1/me/reviews/{conflict}")).Expect(HttpStatusCode.NotFound);
            await (await clients[0].PostAsJsonAsync($"/api/v1/me/reviews/{conflict}/score", Marks(10))).Expect(HttpStatusCode.Conflict);
            await (await clients[0].PostAsJsonAsync($"/api/v1/me/reviews/{conflict}/recusal", new { reason = "再次声明回避" })).Expect(HttpStatusCode.Conflict);

            // Every other judge scores every application s(k, j) on every criterion, the judges in parallel.
            await Task.WhenAll(Enumerable.Range(0, 7).Select(async j =>
            {
                var mine = await MineAsync(clients[j]);
                for (var k = 0; k < 30; k++)
                {
                    if (j == 0 && k == 0) continue;
                    var scored = await (await clients[j].PostAsJsonAsync($"/api/v1/me/reviews/{mine[No(k)]}/score", Marks(CompetitionRankingTests.S(k, j)))).Expect(HttpStatusCode.OK);
                    Assert.Equal(10m * CompetitionRankingTests.S(k, j), scored.GetProperty("total").GetDecimal());
                }
            }));

            var ranking = await (await host.GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.OK);
            var rows = ranking.GetProperty("rows").EnumerateArray().ToList();
            var expected = Enumerable.Range(0, 30).OrderByDescending(CompetitionRankingTests.HandTrimmedMean).ThenBy(k => deadline.AddMinutes(-k)).Select(No).ToList();
            Assert.Equal(expected, rows.Select(r => r.GetProperty("applicationNo").GetString()));
            Assert.Equal(Enumerable.Range(1, 30), rows.Select(r => r.GetProperty("rank").GetInt32()));
            foreach (var r in rows)
            {
                var k = int.Parse(r.GetProperty("applicationNo").GetString()![^3..], System.Globalization.CultureInfo.InvariantCulture) - 1;
                Assert.Equal(CompetitionRankingTests.HandTrimmedMean(k), r.GetProperty("final").GetDecimal());
                Assert.True(r.GetProperty("complete").GetBoolean());
                Assert.Equal(k == 0 ? 1 : 0, r.GetProperty("recused").GetInt32());
                Assert.Equal(k == 0 ? 6 : 7, r.GetProperty("scored").GetInt32());
            }
            Assert.Equal(0, ranking.GetProperty("missingScores").GetInt32());
            Assert.True(ranking.GetProperty("complete").GetBoolean());
            // Application 0: judge 0 recused; judges 1–6 total 50 100 40 90 30 80 → 65 (the hand calculation).
            Assert.Equal(65m, rows.Single(r => r.GetProperty("applicationNo").GetString() == No(0)).GetProperty("final").GetDecimal());
            // The host reads the judges' names; the recused judge's cell says so.
            Assert.Equal("专家0", ranking.GetProperty("judges")[0].GetProperty("name").GetString());
            var first = rows.Single(r => r.GetProperty("applicationNo").GetString() == No(0)).GetProperty("totals");
            Assert.True(first[0].GetProperty("recused").GetBoolean());

            // A judge never reads the ranking, and never another judge's assignment.
            await (await clients[1].GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.Forbidden);
            await (await clients[1].GetAsync($"/api/v1/me/reviews/{conflict}")).Expect(HttpStatusCode.NotFound);
            await (await clients[1].PostAsJsonAsync($"/api/v1/me/reviews/{conflict}/score", Marks(5))).Expect(HttpStatusCode.NotFound);
            // The scores were written in the applications' area, under the judges' own names.
            var audited = await app.Query(db => db.AuditRecords.CountAsync(r => r.UserName == judges[1].UserName && r.Entity == nameof(CompetitionScore)));
            Assert.Equal(30, audited);
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    [Fact]
    public async Task A_score_above_a_criterion_maximum_names_it_and_a_wrong_count_or_short_comment_is_400()
    {
        var call = await CallAsync();
        var application = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization);
        var (judgeId, user) = await TestCompetitions.AddJudgeAsync(app, call.Id);
        var scoreId = await TestCompetitions.AssignAsync(app, application, judgeId);
        using var judge = await app.CreateClientAsync(user.UserName);

        var above = await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/score", new { scores = new[] { 8, 11, 7, 6, 5 }, comment = "项目设计合理，目标清晰。" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["scores[1]"], Fields(above));
        Assert.Contains("可行性", above.GetProperty("errors").GetProperty("scores[1]")[0].GetString(), StringComparison.Ordinal);
        var negative = await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/score", new { scores = new[] { -1, 5, 7, 6, 5 }, comment = "短" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["comment", "scores[0]"], Fields(negative).Order(StringComparer.Ordinal));
        var count = await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/score", new { scores = new[] { 5, 5, 5 }, comment = "项目设计合理，目标清晰。" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["scores"], Fields(count));
        Assert.Null(await app.Query(db => db.Set<CompetitionScore>().Where(s => s.Id == scoreId).Select(s => s.ScoredAt).SingleAsync()));

        // Scoring again before the notice corrects the score.
        await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/score", new { scores = new[] { 8, 6, 9, 5, 7 }, comment = "项目设计合理，目标清晰。" })).Expect(HttpStatusCode.OK);
        var corrected = await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/score", new { scores = new[] { 10, 10, 10, 10, 10 }, comment = "复核后调整评分，项目优秀。" })).Expect(HttpStatusCode.OK);
        Assert.Equal(100m, corrected.GetProperty("total").GetDecimal());
        var review = await (await judge.GetAsync($"/api/v1/me/reviews/{scoreId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(10, review.GetProperty("rubric")[0].GetProperty("score").GetInt32());
        Assert.Equal("复核后调整评分，项目优秀。", review.GetProperty("comment").GetString());

        // A scored assignment stays: the host cannot take the judge off it.
        using var host = await app.CreateClientAsync(call.HostUser);
        await (await host.DeleteAsync($"/api/v1/competitions/{call.Id}/assignments/{scoreId}")).Expect(HttpStatusCode.Conflict);

        // Recusal after scoring clears the scores.
        await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/recusal", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/recusal", new { reason = "与申报机构负责人系亲属" })).Expect(HttpStatusCode.OK);
        var cleared = await app.Query(db => db.Set<CompetitionScore>().SingleAsync(s => s.Id == scoreId));
        Assert.True(cleared.Recused);
        Assert.Empty(cleared.Scores);
        Assert.Null(cleared.ScoredAt);
        await (await host.DeleteAsync($"/api/v1/competitions/{call.Id}/assignments/{scoreId}")).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Scoring_before_the_deadline_or_after_the_notice_is_409()
    {
        var open = await CallAsync(closed: false);
        var (openJudge, openUser) = await TestCompetitions.AddJudgeAsync(app, open.Id);
        var early = await TestCompetitions.AssignAsync(app, await TestCompetitions.CreateApplicationAsync(app, open.Id, open.Organization), openJudge);
        using (var judge = await app.CreateClientAsync(openUser.UserName))
            await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{early}/score", Marks(5))).Expect(HttpStatusCode.Conflict);
        // The host cannot assign before the deadline either.
        using (var host = await app.CreateClientAsync(open.HostUser))
            await (await host.PostAsJsonAsync($"/api/v1/competitions/{open.Id}/assignments", new { wholePanel = true })).Expect(HttpStatusCode.Conflict);

        var notice = await CallAsync(CompetitionStatus.Notice);
        var (noticeJudge, noticeUser) = await TestCompetitions.AddJudgeAsync(app, notice.Id);
        var late = await TestCompetitions.AssignAsync(app, await TestCompetitions.CreateApplicationAsync(app, notice.Id, notice.Organization), noticeJudge);
        using (var judge = await app.CreateClientAsync(noticeUser.UserName))
        {
            await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{late}/score", Marks(5))).Expect(HttpStatusCode.Conflict);
            await (await judge.PostAsJsonAsync($"/api/v1/me/reviews/{late}/recusal", new { reason = "公示后声明回避" })).Expect(HttpStatusCode.Conflict);
            // The judge still reads their assignment, not to score.
            var review = await (await judge.GetAsync($"/api/v1/me/reviews/{late}")).Expect(HttpStatusCode.OK);
            Assert.False(review.GetProperty("canScore").GetBoolean());
        }
        Assert.Null(await app.Query(db => db.Set<CompetitionScore>().Where(s => s.Id == late).Select(s => s.ScoredAt).SingleAsync()));
    }

    [Fact]
    public async Task Judges_read_only_their_own_assignments_and_neither_judges_nor_organization_staff_read_the_ranking()
    {
        var call = await CallAsync();
        var application = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization);
        var (assignedJudge, assignedUser) = await TestCompetitions.AddJudgeAsync(app, call.Id);
        var (_, idleUser) = await TestCompetitions.AddJudgeAsync(app, call.Id);
        var scoreId = await TestCompetitions.AssignAsync(app, application, assignedJudge);

        using var idle = await app.CreateClientAsync(idleUser.UserName);
        await (await idle.GetAsync($"/api/v1/me/reviews/{scoreId}")).Expect(HttpStatusCode.NotFound);
        await (await idle.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/score", Marks(5))).Expect(HttpStatusCode.NotFound);
        await (await idle.PostAsJsonAsync($"/api/v1/me/reviews/{scoreId}/recusal", new { reason = "不是我的任务" })).Expect(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await idle.GetAsync("/api/v1/me/reviews")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await idle.GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.Forbidden);
        await (await idle.GetAsync($"/api/v1/competitions/{call.Id}/assignments")).Expect(HttpStatusCode.Forbidden);

        using var judge = await app.CreateClientAsync(assignedUser.UserName);
        var design = await (await judge.GetAsync($"/api/v1/me/reviews/{scoreId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("为独居老人提供探访服务。", design.GetProperty("summary").GetString());
        Assert.Equal(5, design.GetProperty("rubric").GetArrayLength());
        await (await judge.GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.Forbidden);

        // The applying organization's staff, and another organization's, are refused the ranking.
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, call.Township, organizationId: call.Organization);
        using var organization = await app.CreateClientAsync(staff.UserName);
        await (await organization.GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.Forbidden);
        await (await organization.GetAsync($"/api/v1/competitions/{call.Id}/ranking/export")).Expect(HttpStatusCode.Forbidden);

        // Staff of another county do not find the call; the host's county bureau (a host too) reads the ranking with the judges' names.
        using var other = await app.CreateClientAsync("qixingguan");
        await (await other.GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.NotFound);
        using var county = await app.CreateClientAsync("huaibei");
        var ranking = await (await county.GetAsync($"/api/v1/competitions/{call.Id}/ranking")).Expect(HttpStatusCode.OK);
        Assert.True(ranking.GetProperty("judgeNamesShown").GetBoolean());
        Assert.All(ranking.GetProperty("judges").EnumerateArray(), j => Assert.Equal("测试专家", j.GetProperty("name").GetString()));
        Assert.Equal(1, ranking.GetProperty("missingScores").GetInt32());
    }

    [Fact]
    public async Task Chosen_judges_are_assigned_once_even_when_requests_race_and_short_applications_are_warned_of()
    {
        var call = await CallAsync(judgeCount: 3);
        var applications = new List<Guid>();
        for (var k = 0; k < 3; k++) applications.Add(await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization));
        var ineligible = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, ApplicationStatus.Ineligible);
        var judges = new List<Guid>();
        for (var j = 0; j < 3; j++) judges.Add((await TestCompetitions.AddJudgeAsync(app, call.Id)).JudgeId);
        var (strangerJudge, _) = await TestCompetitions.AddJudgeAsync(app, (await CallAsync()).Id);

        using var host = await app.CreateClientAsync(call.HostUser);
        var bad = await (await host.PostAsJsonAsync($"/api/v1/competitions/{call.Id}/assignments", new { judgeIds = new[] { strangerJudge }, applicationIds = new[] { ineligible } }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["applicationIds", "judgeIds"], Fields(bad).Order(StringComparer.Ordinal));
        var empty = await (await host.PostAsJsonAsync($"/api/v1/competitions/{call.Id}/assignments", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["applicationIds", "judgeIds"], Fields(empty).Order(StringComparer.Ordinal));

        // Two judges × all three applications, sent five times at once: six assignments.
        var body = new { judgeIds = judges.Take(2).ToArray(), applicationIds = applications.ToArray() };
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var client = await app.CreateClientAsync(call.HostUser);
            using var response = await client.PostAsJsonAsync($"/api/v1/competitions/{call.Id}/assignments", body);
            return await response.Expect(HttpStatusCode.OK);
        }));
        Assert.Equal(6, answers.Sum(a => a.GetProperty("assigned").GetInt32()));
        Assert.Equal(6, await app.Query(db => db.Set<CompetitionScore>().CountAsync(s => s.CompetitionId == call.Id)));
        // Each application has 2 judges of the 3 asked for: warned, not refused.
        Assert.Equal(3, answers[0].GetProperty("shortfalls").GetArrayLength());
        Assert.All(answers[0].GetProperty("shortfalls").EnumerateArray(), s => Assert.Equal(2, s.GetProperty("judges").GetInt32()));

        // Taking an unscored judge off one application: it is then short by two.
        var overview = await (await host.GetAsync($"/api/v1/competitions/{call.Id}/assignments")).Expect(HttpStatusCode.OK);
        var row = overview.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("applicationId").GetGuid() == applications[0]);
        var scoreId = row.GetProperty("assignments")[0].GetProperty("scoreId").GetGuid();
        var left = await (await host.DeleteAsync($"/api/v1/competitions/{call.Id}/assignments/{scoreId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, left.GetProperty("judges").GetInt32());
        Assert.Equal(3, overview.GetProperty("shortOfJudges").GetInt32());
        await (await host.DeleteAsync($"/api/v1/competitions/{call.Id}/assignments/{scoreId}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Defence_sessions_are_set_in_China_time_listed_by_time_and_cleared()
    {
        var call = await CallAsync();
        var a = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, title: "答辩测试甲");
        var b = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, title: "答辩测试乙");
        var day = Wushe.Platform.ChinaTime.Today(TimeProvider.System).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var host = await app.CreateClientAsync(call.HostUser);

        var bad = await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = a, at = "2020-01-01T09:00", place = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["at", "place"], Fields(bad).Order(StringComparer.Ordinal));
        var set = await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = a, at = $"{day}T14:30", place = "区民政局三楼会议室" })).Expect(HttpStatusCode.OK);
        // 14:30 in China is 06:30 UTC.
        Assert.Equal(6, set.GetProperty("at").GetDateTimeOffset().UtcDateTime.Hour);
        await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = b, at = $"{day}T09:00", place = "区民政局三楼会议室" })).Expect(HttpStatusCode.OK);
        // An explicit offset is honoured: 09:00+08:00 and 01:00Z are the same instant, 01:00 UTC (review of issue 12: it was read as 09:00 UTC).
        foreach (var at in new[] { $"{day}T09:00:00+08:00", $"{day}T01:00:00Z", $"{day}T09:00" })
        {
            var put = await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = b, at, place = "区民政局三楼会议室" })).Expect(HttpStatusCode.OK);
            Assert.Equal(new TimeSpan(1, 0, 0), put.GetProperty("at").GetDateTimeOffset().UtcDateTime.TimeOfDay);
            Assert.Equal(new TimeSpan(1, 0, 0), (await app.Query(db => db.Set<CompetitionApplication>().SingleAsync(x => x.Id == b))).DefenceAt!.Value.UtcDateTime.TimeOfDay);
        }
        await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = b, at = "next tuesday", place = "区民政局三楼会议室" })).Expect(HttpStatusCode.BadRequest);

        var schedule = await (await host.GetAsync($"/api/v1/competitions/{call.Id}/defence")).Expect(HttpStatusCode.OK);
        Assert.Equal([b, a], schedule.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()));

        await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = b })).Expect(HttpStatusCode.OK);
        var cleared = await app.Query(db => db.Set<CompetitionApplication>().SingleAsync(x => x.Id == b));
        Assert.Null(cleared.DefenceAt);
        Assert.Equal("", cleared.DefencePlace);

        // Organization staff schedule nothing.
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, call.Township, organizationId: call.Organization);
        using var organization = await app.CreateClientAsync(staff.UserName);
        await (await organization.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = a })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_defence_slot_is_read_by_its_organization_and_its_judges_not_by_a_recused_judge_nor_another_organization()
    {
        var call = await CallAsync();
        var a = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, title: "答辩可见甲");
        var otherOrganization = await TestOrganizations.CreateAsync(app, call.Township);
        var b = await TestCompetitions.CreateApplicationAsync(app, call.Id, otherOrganization, title: "答辩可见乙", sequence: 2);
        var (judgeId, judge) = await TestCompetitions.AddJudgeAsync(app, call.Id, name: "答辩专家");
        var (recusedId, recused) = await TestCompetitions.AddJudgeAsync(app, call.Id, name: "回避专家");
        await TestCompetitions.AssignAsync(app, a, judgeId);
        var recusal = await TestCompetitions.AssignAsync(app, a, recusedId);
        var day = Wushe.Platform.ChinaTime.Today(TimeProvider.System).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var host = await app.CreateClientAsync(call.HostUser);
        await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = a, at = $"{day}T14:30", place = "区民政局三楼会议室" })).Expect(HttpStatusCode.OK);
        await (await host.PutAsJsonAsync($"/api/v1/competitions/{call.Id}/defence", new { applicationId = b, at = $"{day}T16:00", place = "乙机构专用答辩室" })).Expect(HttpStatusCode.OK);
        var shown = $"{day} 14:30";

        // The organization: its own application's slot, API and page; the other organization's never.
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, call.Township, organizationId: call.Organization);
        using var organization = await app.CreateClientAsync(staff.UserName);
        var own = await (await organization.GetAsync($"/api/v1/competitions/applications/{a}")).Expect(HttpStatusCode.OK);
        Assert.Equal(6, own.GetProperty("defence").GetProperty("at").GetDateTimeOffset().UtcDateTime.Hour);
        Assert.Equal("区民政局三楼会议室", own.GetProperty("defence").GetProperty("place").GetString());
        var ownPage = await organization.GetStringAsync($"/Competitions/Application?id={a}");
        Assert.Contains(shown, ownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("乙机构专用答辩室", ownPage, StringComparison.Ordinal);
        await (await organization.GetAsync($"/api/v1/competitions/applications/{b}")).Expect(HttpStatusCode.NotFound);
        await (await organization.GetAsync($"/api/v1/competitions/{call.Id}/defence")).Expect(HttpStatusCode.Forbidden);

        // The judge: the slot in their list and on the score page (API and pages); only of the application assigned.
        using var judging = await app.CreateClientAsync(judge.UserName);
        var mine = await (await judging.GetAsync("/api/v1/me/reviews")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("区民政局三楼会议室", row.GetProperty("defence").GetProperty("place").GetString());
        var review = await (await judging.GetAsync($"/api/v1/me/reviews/{row.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(6, review.GetProperty("defence").GetProperty("at").GetDateTimeOffset().UtcDateTime.Hour);
        Assert.Contains(shown, await judging.GetStringAsync("/Competitions/Judging"), StringComparison.Ordinal);
        var score = await judging.GetStringAsync($"/Competitions/Judging/Score?id={row.GetProperty("id").GetGuid()}");
        Assert.Contains(shown, score, StringComparison.Ordinal);
        Assert.DoesNotContain("乙机构专用答辩室", score, StringComparison.Ordinal);

        // A recused judge: the row says recused, nothing of the slot.
        using var recusing = await app.CreateClientAsync(recused.UserName);
        await (await recusing.PostAsJsonAsync($"/api/v1/me/reviews/{recusal}/recusal", new { reason = "本人曾担任该机构顾问" })).Expect(HttpStatusCode.OK);
        var theirs = await (await recusing.GetAsync("/api/v1/me/reviews")).Expect(HttpStatusCode.OK);
        var recusedRow = Assert.Single(theirs.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, recusedRow.GetProperty("defence").ValueKind);
        await (await recusing.GetAsync($"/api/v1/me/reviews/{recusal}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(shown, await recusing.GetStringAsync("/Competitions/Judging"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defence_page_form_reads_its_time_as_China_time()
    {
        var call = await CallAsync();
        var a = await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, title: "答辩页面测试");
        var day = Wushe.Platform.ChinaTime.Today(TimeProvider.System).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var session = await PageSession.SignInAsync(app, call.HostUser);
        var page = $"/Competitions/Defence?callId={call.Id}";
        using var posted = await session.PostFormAsync($"{page}&handler=Schedule&applicationId={a}",
            new Dictionary<string, string> { ["Input.At"] = $"{day}T09:00", ["Input.Place"] = "区民政局三楼会议室" }, page);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        // 09:00 in China is 01:00 UTC.
        Assert.Equal(new TimeSpan(1, 0, 0), (await app.Query(db => db.Set<CompetitionApplication>().SingleAsync(x => x.Id == a))).DefenceAt!.Value.UtcDateTime.TimeOfDay);
        Assert.Contains($"{day} 09:00", (await session.GetAsync(page)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ranking_of_three_thousand_applications_by_seven_judges_is_read_in_a_few_queries()
    {
        // The rule of the brief: no query per application. Counted with EF's command log on a call of 40 × 7 (the shape does not change with size).
        var call = await CallAsync(judgeCount: 7);
        var ids = new List<Guid>();
        for (var k = 0; k < 40; k++) ids.Add(await TestCompetitions.CreateApplicationAsync(app, call.Id, call.Organization, sequence: k + 1));
        var judges = new List<Guid>();
        for (var j = 0; j < 7; j++) judges.Add((await TestCompetitions.AddJudgeAsync(app, call.Id)).JudgeId);
        await app.Query(async db =>
        {
            var applications = await db.Set<CompetitionApplication>().Where(a => ids.Contains(a.Id)).ToListAsync();
            var panel = await db.Set<CompetitionJudge>().Where(j => judges.Contains(j.Id)).ToListAsync();
            foreach (var a in applications)
                foreach (var j in panel)
                {
                    var s = new CompetitionScore(a, j, DateTimeOffset.UtcNow);
                    s.Score([5, 6, 7, 8, 9], "项目设计合理，目标清晰。", DateTimeOffset.UtcNow);
                    db.Add(s);
                }
            return await db.SaveChangesAsync();
        });
        var counter = new QueryCounter();
        using var subscription = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(counter);
        // EF remembers for LoggingCacheTime (1 s by default) that nobody listened to a pooled context's commands: wait it out, or
        // the commands of a context leased again within that second go uncounted.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Wushe.Data.AppDb>();
        // A pooled context may have served another test before this lease: count from here.
        var before = counter.Count(db);
        var ranking = await GetRanking.Handle(db, CurrentUser.System, TimeProvider.System, call.Id);
        Assert.True(ranking.IsOk);
        Assert.Equal(40, ranking.Value!.Rows.Count);
        // 5/10 × 20 + 6/10 × 30 + 7/10 × 30 + 8/10 × 10 + 9/10 × 10 = 10 + 18 + 21 + 8 + 9 = 66.
        Assert.All(ranking.Value.Rows, r => Assert.Equal(66m, r.Final));
        Assert.InRange(counter.Count(db) - before, 1, 5);
    }

    /// <summary>Counts the commands EF runs on one context.</summary>
    sealed class QueryCounter : IObserver<System.Diagnostics.DiagnosticListener>
    {
        readonly List<(DbContext Context, string Text)> commands = [];

        public int Count(DbContext context) { lock (commands) return commands.Count(c => ReferenceEquals(c.Context, context)); }

        public void OnNext(System.Diagnostics.DiagnosticListener listener)
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            listener.Subscribe(new Observer(this));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        sealed class Observer(QueryCounter owner) : IObserver<KeyValuePair<string, object?>>
        {
            public void OnNext(KeyValuePair<string, object?> e)
            {
                if (e.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name
                    && e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data && data.Context is { } context)
                    lock (owner.commands) owner.commands.Add((context, data.Command.CommandText));
            }

            public void OnCompleted() { }
            public void OnError(Exception error) { }
        }
    }
}
