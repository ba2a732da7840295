using System.Net;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Competitions;
using Wushe.Features.Projects;

namespace Wushe.Tests.Competitions;

/// <summary>
/// The demo's competitions (issue 12: "the Jiuyuan demo shows a finished first competition in its three focus areas with awarded
/// projects in progress"), as the seed wrote them through the use cases: read back from the database and through the API.
/// </summary>
public sealed class CompetitionDemoTests(TestApp app)
{
    const string Title = "九原区首届“五社联动”基层治理公益创投大赛";

    [Fact]
    public async Task The_demo_seeds_Jiuyuan_s_first_competition_finished_with_its_awards_in_progress()
    {
        var call = await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().SingleAsync(c => c.Title == Title));
        Assert.Equal(("150207000000", CompetitionStatus.Decided), (call.AreaCode, call.Status));
        Assert.Equal(new[] { Wushe.Features.Organizations.FocusArea.ElderlyCare, Wushe.Features.Organizations.FocusArea.WomenAndChildren, Wushe.Features.Organizations.FocusArea.GrassrootsGovernance }, call.Focuses);
        Assert.Equal((60_000_000L, 10_000_000L, 5, ScoreAggregation.TrimmedMean, CoFundingRule.Rewarded), (call.PoolFen, call.CapFen, call.JudgeCount, call.Aggregation, call.CoFunding));
        Assert.Equal(new[] { "需求分析", "项目设计", "可行性", "预算合理性", "机构能力" }, call.Rubric.Select(c => c.Name));
        Assert.Equal(new[] { 40, 40, 20 }, call.Tranches.Select(t => t.Percent));
        Assert.True(call.NoticeUntil < DateTimeOffset.UtcNow && call.ClosesAt < call.NoticeFrom);

        var applications = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.CompetitionId == call.Id).ToListAsync());
        Assert.InRange(applications.Count, 8, 10);
        Assert.All(applications, a => Assert.StartsWith("150207", a.AreaCode, StringComparison.Ordinal));
        var byStatus = applications.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, byStatus[ApplicationStatus.Awarded]);
        Assert.Equal(1, byStatus[ApplicationStatus.NotAwarded]);
        // 初审: one ineligible with its reason, one returned and corrected (then passed and awarded).
        var ineligible = Assert.Single(applications, a => a.Status == ApplicationStatus.Ineligible);
        Assert.Contains("人员经费", ineligible.ScreeningNote, StringComparison.Ordinal);
        var returned = Assert.Single(applications, a => a.WasReturned);
        Assert.Equal(ApplicationStatus.Awarded, returned.Status);

        // Five judges, each scoring every eligible application but one recusal; the ranking is complete.
        var judges = await app.Query(db => db.Set<CompetitionJudge>().IgnoreQueryFilters().Where(j => j.CompetitionId == call.Id).CountAsync());
        Assert.Equal(5, judges);
        var scores = await app.Query(db => db.Set<CompetitionScore>().IgnoreQueryFilters().Where(s => s.CompetitionId == call.Id).ToListAsync());
        Assert.Equal(8 * 5, scores.Count);
        Assert.Single(scores, s => s.Recused);
        Assert.All(scores.Where(s => !s.Recused), s => Assert.Equal(5, s.Scores.Count));

        // 答辩: every eligible application has its session, after the deadline, on one morning.
        var defences = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.CompetitionId == call.Id && a.DefenceAt != null).Select(a => a.DefenceAt!.Value).ToListAsync());
        Assert.Equal(8, defences.Count);
        Assert.All(defences, d => Assert.True(d > call.ClosesAt));

        // The notice: one objection, answered.
        var objection = await app.Query(db => db.Set<CompetitionObjection>().IgnoreQueryFilters().SingleAsync(o => o.CompetitionId == call.Id));
        Assert.NotNull(objection.AnsweredAt);

        // Seven awards within the pool, each a project in progress with services, signed, its first tranche released; one past its mid-term.
        var awards = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(w => w.CompetitionId == call.Id).ToListAsync());
        Assert.Equal(7, awards.Count);
        Assert.Equal(call.AwardedFen, awards.Sum(w => w.AmountFen));
        Assert.True(call.AwardedFen <= call.PoolFen);
        Assert.All(awards, w => Assert.NotNull(w.SignedOn));
        Assert.All(awards, w => Assert.True(w.ReleasedFen >= w.AmountFen * 40 / 100));
        Assert.All(awards, w => Assert.True(w.MidTermDueOn > Wushe.Platform.ChinaTime.Today(TimeProvider.System), "no award may be past its mid-term unevaluated"));
        var second = Assert.Single(awards, w => w.ReleasedFen == w.AmountFen * 80 / 100);
        var projectIds = awards.Select(w => w.ProjectId).ToList();
        var projects = await app.Query(db => db.Set<Project>().IgnoreQueryFilters().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Status, Activities = db.Set<ProjectActivity>().IgnoreQueryFilters().Count(a => a.ProjectId == p.Id) }).ToListAsync());
        Assert.All(projects, p => Assert.Equal(ProjectStatus.InProgress, p.Status));
        Assert.All(projects, p => Assert.True(p.Activities > 0));
        var midTerm = await app.Query(db => db.Set<ProjectEvaluation>().IgnoreQueryFilters().SingleAsync(e => e.ProjectId == second.ProjectId && e.Stage == EvaluationStage.MidTerm));
        Assert.True(midTerm.Passed == true);

        // As the bureau reads it: the call's figures and its awards list.
        using var jiuyuan = await app.CreateClientAsync("jiuyuan");
        var listed = await (await jiuyuan.GetAsync($"/api/v1/competitions/awards?callId={call.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(7, listed.GetProperty("total").GetInt32());
        // Each awarded project's outcome paragraph is its own (projects of one focus area share indicators, not what they delivered).
        var figures = await (await jiuyuan.GetAsync($"/api/v1/competitions/{call.Id}/figures")).Expect(HttpStatusCode.OK);
        var narratives = figures.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("narrative").GetString()).ToList();
        Assert.Equal(7, narratives.Count);
        Assert.Equal(narratives.Count, narratives.Distinct().Count());
        // An awarded organization's staff read their own award only.
        using var organization = await app.CreateClientAsync("jiuyuan.org");
        var own = await (await organization.GetAsync($"/api/v1/competitions/awards?callId={call.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(second.Id, own.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        // The public notice: the shortlist, no contact of the objector.
        var notice = await (await app.Anonymous().GetAsync($"/api/v1/public/competitions/{call.Id}/notice")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("13904720168", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("周女士", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_seeds_Huaibei_s_micro_venture_call_open_with_a_draft_and_a_submitted_application()
    {
        var now = DateTimeOffset.UtcNow;
        var call = await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().SingleAsync(c => c.HostName == "相山区相南街道社工站"));
        Assert.True(call.Accepting(now));
        // Paid by the street's community fund, which can pay its pool (ADR 0018).
        var fund = await app.Query(db => db.Set<Wushe.Features.Charity.CommunityFund>().IgnoreQueryFilters().SingleAsync(f => f.Id == call.FundId));
        Assert.Equal("340603001001", fund.AreaCode);
        Assert.True(fund.AvailableFen >= call.PoolFen, $"{fund.Name} holds {fund.AvailableFen} for a pool of {call.PoolFen}");
        Assert.Contains("社区慈善基金", call.Description, StringComparison.Ordinal);
        Assert.Contains("企业", call.Description, StringComparison.Ordinal);
        var applications = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.CompetitionId == call.Id).ToListAsync());
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Draft && a.OrganizationName == "蒲公英公益协会");
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Submitted && a.ApplicationNo.Length > 0);
        // expert.li sits on its panel; the assignments wait for the deadline.
        var judge = await app.Query(db => db.Set<CompetitionJudge>().IgnoreQueryFilters().Where(j => j.CompetitionId == call.Id)
            .Join(db.Users.IgnoreQueryFilters(), j => j.UserId, u => u.Id, (j, u) => u.UserName).ToListAsync());
        Assert.Equal(new[] { "expert.li" }, judge);

        // huaibei.org finds the call open to it, with its draft.
        using var staff = await app.CreateClientAsync("huaibei.org");
        var open = await (await staff.GetAsync("/api/v1/competitions/open")).Expect(HttpStatusCode.OK);
        var row = open.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == call.Id);
        Assert.Equal("Draft", row.GetProperty("applicationStatus").GetString());
    }
}
