using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Access;

namespace Wushe.Tests.Builders;

/// <summary>
/// Venture-philanthropy calls and applications for tests, written straight to the database as the system (the use cases' own tests
/// go through the API): a call of a host area open now (or as told) with the five-criterion rubric of <see cref="Rubric"/>, the
/// trimmed mean, a 40/40/20 tranche plan; an application of an organization in a status, with a one-line budget.
/// </summary>
public static class TestCompetitions
{
    /// <summary>创新性 20%, 可行性 30%, 社会效益 30%, 团队能力 10%, 预算合理性 10%; each scored out of 10.</summary>
    public static readonly RubricCriterion[] Rubric =
        [new("创新性", 20, 10), new("可行性", 30, 10), new("社会效益", 30, 10), new("团队能力", 10, 10), new("预算合理性", 10, 10)];

    public static readonly TranchePlan[] Tranches = [new(40, TrancheGate.Signing), new(40, TrancheGate.MidTermPassed), new(20, TrancheGate.FinalPassed)];

    /// <summary>
    /// A call of <paramref name="areaCode"/> in <paramref name="status"/>, taking applications from <paramref name="opensAt"/> (a day ago
    /// unless told) to <paramref name="closesAt"/> (in 30 days unless told); pool and cap in fen; paid by community fund <paramref name="fundId"/> when given
    /// (written as is: the publishing check of what the fund can pay is the use case's).
    /// </summary>
    public static async Task<Guid> CreateCallAsync(TestApp app, string areaCode, CompetitionStatus status = CompetitionStatus.Published,
        DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, long poolFen = 100_000_00, long capFen = 30_000_00, int judgeCount = 5,
        ScoreAggregation aggregation = ScoreAggregation.TrimmedMean, TieBreak tieBreak = TieBreak.CriteriaInOrder, string? title = null,
        CoFundingRule coFunding = CoFundingRule.None, List<OrganizationKind>? eligibleKinds = null, bool mustServeArea = true, bool noUnfinishedAward = true,
        Guid? fundId = null)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var call = new Competition(areaCode, "CT" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(), null, "测试", now);
        call.Describe(title ?? "测试公益创投" + Guid.NewGuid().ToString("N")[..6], "测试民政局", "面向辖区社会组织征集公益项目。", fundId,
            [FocusArea.ElderlyCare, FocusArea.WomenAndChildren, FocusArea.GrassrootsGovernance], eligibleKinds ?? [], 0, mustServeArea, noUnfinishedAward, "",
            poolFen, capFen, coFunding, coFunding == CoFundingRule.Required ? 20 : 0, coFunding == CoFundingRule.Rewarded ? 5 : 0, coFunding == CoFundingRule.Rewarded ? 50 : 0,
            [.. Rubric], judgeCount, aggregation, tieBreak, opensAt ?? now.AddDays(-1), closesAt ?? now.AddDays(30), 7, ["项目申报书"], [.. Tranches], 6);
        if (status != CompetitionStatus.Draft) call.Publish(now);
        if (status is CompetitionStatus.Notice or CompetitionStatus.Decided) call.PostNotice(now);
        if (status == CompetitionStatus.Decided) call.Decide(now);
        if (status == CompetitionStatus.Withdrawn) call.Withdraw("测试");
        db.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    /// <summary>
    /// An application of <paramref name="organizationId"/> to <paramref name="callId"/> for a project in <paramref name="areaCode"/>
    /// (the call's area unless told), asking <paramref name="requestedFen"/> with <paramref name="coFundingFen"/> beside it, in
    /// <paramref name="status"/> (submitted ones numbered call-no + "-" + <paramref name="sequence"/>).
    /// </summary>
    public static async Task<Guid> CreateApplicationAsync(TestApp app, Guid callId, Guid organizationId, ApplicationStatus status = ApplicationStatus.Eligible,
        long requestedFen = 20_000_00, long coFundingFen = 0, string? areaCode = null, int? sequence = null, string? title = null, DateTimeOffset? submittedAt = null)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var call = await db.Set<Competition>().FindAsync(callId) ?? throw new InvalidOperationException("No such call.");
        var organization = await db.Set<Organization>().FindAsync(organizationId) ?? throw new InvalidOperationException("No such organization.");
        var a = new CompetitionApplication(call, organization, null, "测试", now);
        List<SaveProject.FundingLine> funding = [new() { Source = ProjectFundingSource.CompetitionAward, AmountYuan = requestedFen / 100m, Note = "" }];
        if (coFundingFen > 0) funding.Add(new() { Source = ProjectFundingSource.EnterpriseDonation, AmountYuan = coFundingFen / 100m, Note = "配套" });
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        a.Describe(areaCode ?? call.AreaCode, title ?? "测试项目" + Guid.NewGuid().ToString("N")[..6], FocusArea.ElderlyCare, "", "独居老人", "为独居老人提供探访服务。", "每月探访",
            today.AddMonths(2), today.AddMonths(14), funding,
            [new() { Name = "开展探访服务", Measure = IndicatorMeasure.Times, Kinds = [Wushe.Features.Households.ServiceKind.HomeVisit], Target = 100, Unit = "次" }],
            requestedFen + coFundingFen, requestedFen);
        if (status != ApplicationStatus.Draft)
        {
            var seq = sequence ?? await NextAsync(db, callId);
            a.Submit($"{call.CallNo}-{seq:000}", [], submittedAt ?? now);
            if (status != ApplicationStatus.Submitted) a.MoveTo(status);
        }
        db.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    }

    static async Task<int> NextAsync(AppDb db, Guid callId) =>
        1 + await db.Set<CompetitionApplication>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == callId && a.ApplicationNo != "");

    /// <summary>A judge of <paramref name="callId"/>: a new 评审专家 account (<see cref="TestUsers"/>) and its judge record; returns both ids.</summary>
    public static async Task<(Guid JudgeId, TestUsers.Made User)> AddJudgeAsync(TestApp app, Guid callId, string homeAreaCode = "520502000000", string? name = null)
    {
        var user = await TestUsers.CreateAsync(app, Role.Expert, homeAreaCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var call = await db.Set<Competition>().FindAsync(callId) ?? throw new InvalidOperationException("No such call.");
        var judge = new CompetitionJudge(call, user.Id, name ?? "测试专家", "某大学社会工作系", DateTimeOffset.UtcNow);
        db.Add(judge);
        await db.SaveChangesAsync();
        return (judge.Id, user);
    }

    /// <summary>
    /// The deadline of <paramref name="callId"/> passes: its 申报截止 set to the app clock's present moment (its opening a day before
    /// that, when it was later), as a running app sees a call whose deadline is behind it. A stand-in for the clock — the test app runs
    /// on the system clock and a published call's timetable does not change through the product (only a draft is edited); every
    /// submission made before this call precedes the deadline.
    /// </summary>
    public static async Task PassDeadlineAsync(TestApp app, Guid callId)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var call = await db.Set<Competition>().IgnoreQueryFilters().SingleAsync(c => c.Id == callId);
        db.Entry(call).Property(c => c.ClosesAt).CurrentValue = now;
        if (call.OpensAt >= now) db.Entry(call).Property(c => c.OpensAt).CurrentValue = now.AddDays(-1);
        await db.SaveChangesAsync();
    }

    /// <summary>An assignment of a judge to an application written straight to the database (whatever the call's phase); returns its id.</summary>
    public static async Task<Guid> AssignAsync(TestApp app, Guid applicationId, Guid judgeId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var application = await db.Set<CompetitionApplication>().FindAsync(applicationId) ?? throw new InvalidOperationException("No such application.");
        var judge = await db.Set<CompetitionJudge>().FindAsync(judgeId) ?? throw new InvalidOperationException("No such judge.");
        var score = new CompetitionScore(application, judge, DateTimeOffset.UtcNow);
        db.Add(score);
        await db.SaveChangesAsync();
        return score.Id;
    }
}

/// <summary>The notice and awards part's builders: scores written as the judges would, a notice posted in the past, a shortlist, a signing day.</summary>
public static class TestAwards
{
    /// <summary>A judge's assignment to an application with <paramref name="scores"/> (one per criterion), or recused when null.</summary>
    public static async Task ScoreAsync(TestApp app, Guid applicationId, Guid judgeId, List<int>? scores)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var a = await db.Set<CompetitionApplication>().IgnoreQueryFilters().SingleAsync(x => x.Id == applicationId);
        var judge = await db.Set<CompetitionJudge>().IgnoreQueryFilters().SingleAsync(x => x.Id == judgeId);
        var s = new CompetitionScore(a, judge, DateTimeOffset.UtcNow);
        if (scores is null) s.Recuse("亲属在申报机构任职", DateTimeOffset.UtcNow); else s.Score(scores, "方案可行", DateTimeOffset.UtcNow);
        db.Add(s);
        await db.SaveChangesAsync();
    }

    /// <summary>The call's shortlist as told (amounts in fen, bypassing PostNotice's checks) and its notice posted so long ago that it is over (or running, when <paramref name="over"/> is false).</summary>
    public static async Task NoticeAsync(TestApp app, Guid callId, IEnumerable<(Guid ApplicationId, long AmountFen)> shortlist, bool over = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var call = await db.Set<Competition>().IgnoreQueryFilters().SingleAsync(c => c.Id == callId);
        foreach (var (id, fen) in shortlist) (await db.Set<CompetitionApplication>().IgnoreQueryFilters().SingleAsync(a => a.Id == id)).Shortlist(fen);
        call.PostNotice(DateTimeOffset.UtcNow.AddDays(over ? -call.NoticeDays - 1 : -1));
        await db.SaveChangesAsync();
    }

    /// <summary>Ends a running notice: its start moved back past the notice days.</summary>
    public static async Task EndNoticeAsync(TestApp app, Guid callId) => await NoticeAsync(app, callId, [], over: true);

    /// <summary>Signs an award's agreement on <paramref name="on"/> (any day: a late mid-term is arranged by signing long ago).</summary>
    public static async Task SignAsync(TestApp app, Guid awardId, DateOnly on, int midTermMonths = 6)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var award = await db.Set<CompetitionAward>().IgnoreQueryFilters().SingleAsync(a => a.Id == awardId);
        award.Sign(on, on.AddMonths(midTermMonths));
        await db.SaveChangesAsync();
    }

    /// <summary>The project's evaluation of <paramref name="stage"/>, self-assessed and reviewed with <paramref name="total"/> of 100 (pass mark 60) at <paramref name="reviewedAt"/>.</summary>
    public static async Task EvaluateAsync(TestApp app, Guid projectId, EvaluationStage stage, int total, DateTimeOffset? reviewedAt = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var project = await db.Set<Project>().IgnoreQueryFilters().SingleAsync(p => p.Id == projectId);
        var at = reviewedAt ?? DateTimeOffset.UtcNow;
        var e = new ProjectEvaluation(project, stage, ProjectEvaluation.DefaultCriteria(), ProjectEvaluation.DefaultPassScore, null, "测试评估", at);
        var scores = Split(total);
        e.SelfAssess(scores, "自评", "机构", at);
        e.Review(scores, "评审意见", null, "评审人", at);
        db.Add(e);
        await db.SaveChangesAsync();
    }

    /// <summary><paramref name="total"/> over the default criteria (20, 35, 15, 15, 15), none above its maximum.</summary>
    static List<int> Split(int total)
    {
        int[] max = [20, 35, 15, 15, 15];
        var list = new List<int>();
        foreach (var m in max) { var s = Math.Min(m, total); list.Add(s); total -= s; }
        return list;
    }
}
