using Microsoft.EntityFrameworkCore;
using Wushe.Features.Accounts;
using Wushe.Features.Competitions;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;

namespace Wushe.Bench.Generate;

/// <summary>
/// 公益创投 of the city (issue 12): <see cref="Calls"/> calls — a few of the city's bureau, the rest of its counties' — over three years,
/// each with <see cref="PerCall"/> applications of registered organizations serving the host area (one each), a panel of
/// <see cref="JudgesPerCall"/> judges drawn from <see cref="Experts"/> 评审专家 accounts, and every judge's scores of every eligible
/// application (1 in 40 recused). The calls' states: 70% 已确定资助 (the top of the ranking — by the product's own
/// <see cref="CompetitionRanking"/> — awarded within the pool, the rest not), 10% 公示中 (a shortlist), 14% 评审中 (past the deadline,
/// 3% of scores still to give), 6% 申报中 (submitted applications, no scores). About 3,100 applications and 19,000 scores at city scale.
/// The decided calls' awards as ConfirmAwards makes them (project, funding lines, steps, award, agreement) and their lives to --today
/// (<see cref="Award"/>: signed, tranches released as AwardRules allows, evaluations, some stopped with a claw-back, the older closed);
/// objections on the calls on notice (some unanswered) and on a third of the decided (answered).
/// </summary>
sealed class CompetitionsKind : IRecordKind
{
    public const int Calls = 50, PerCall = 62, JudgesPerCall = 7, Experts = 80;

    public string Name => "competitions + applications + judges + scores";

    static readonly RubricCriterion[] Rubric =
        [new("创新性", 20, 10), new("可行性", 30, 10), new("社会效益", 30, 10), new("团队能力", 10, 10), new("预算合理性", 10, 10)];

    static readonly (FocusArea Focus, string Title)[] Designs =
    [
        (FocusArea.ElderlyCare, "“银龄守护”困境老人关爱服务项目"), (FocusArea.WomenAndChildren, "“童伴成长”困境儿童关爱项目"),
        (FocusArea.GrassrootsGovernance, "“邻里同心”社区治理能力提升项目"), (FocusArea.Disability, "“助残圆梦”残疾人关爱服务项目"),
        (FocusArea.SocialAssistance, "“温暖同行”困难群众帮扶项目"), (FocusArea.CommunityCulture, "“书香邻里”社区文化营造项目"),
    ];

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        // The awards' lives and the objections draw from their own seeded Random: the calls, applications and scores stay those of the
        // generator without them (docs/PERFORMANCE.md's earlier figures).
        var later = ctx.RandomFor(Name + " · awards, objections");
        var db = ctx.Db;
        var city = ctx.Places.OrderBy(p => p.Level).First();
        var counties = ctx.Places.Where(p => p.Level == AreaLevel.County).ToList();
        if (counties.Count == 0) counties = [city];
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var organizations = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Registered && string.Compare(o.AreaCode, low) >= 0 && string.Compare(o.AreaCode, high) <= 0)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync();
        var serves = (await db.Set<OrganizationServiceArea>().IgnoreQueryFilters().AsNoTracking().Select(s => new { s.OrganizationId, s.ServedAreaCode }).ToListAsync())
            .ToLookup(s => s.OrganizationId, s => s.ServedAreaCode);

        // The experts: accounts with the 评审专家 role, the generated accounts' password.
        var hash = ctx.Users.FirstOrDefault(u => u.PasswordHash is not null)?.PasswordHash;
        var experts = new List<User>();
        var roles = new List<RoleAssignment>();
        var phone = 13400000000L;
        for (var i = 1; i <= Experts; i++)
        {
            var u = new User($"expert.{i:000}", Names.Person(r) + "（评审专家）", city.Code, ctx.At(new DateOnly(2023, 2, 1))) { NormalizedUserName = $"EXPERT.{i:000}", PasswordHash = hash };
            u.SetPhone(ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString()));
            experts.Add(u);
            roles.Add(new RoleAssignment(u.Id, Role.Expert, city.Code));
        }
        var rows = await ctx.InsertAsync(experts) + await ctx.InsertAsync(roles);

        var calls = new List<Competition>();
        var applications = new List<CompetitionApplication>();
        var judges = new List<CompetitionJudge>();
        var scores = new List<CompetitionScore>();
        var objections = new List<CompetitionObjection>();
        var made = new Made();
        // The award projects are numbered after the area's projects already generated (ProjectRules.NextNumberAsync's numbering).
        var numbers = (await db.Set<Project>().IgnoreQueryFilters().AsNoTracking().Select(p => p.ProjectNo).ToListAsync())
            .GroupBy(n => n[..^4], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(n => int.TryParse(n[^4..], out var x) ? x : 0), StringComparer.Ordinal);
        for (var c = 0; c < Calls; c++)
        {
            var host = c % 10 == 0 ? city : counties[c % counties.Count];
            // The newest calls last: the first 35 decided, 5 on notice, 7 under review, 3 open.
            var state = c < 35 ? CompetitionStatus.Decided : c < 40 ? CompetitionStatus.Notice : CompetitionStatus.Published;
            var open = c >= 47;
            var closes = open ? ctx.Today.AddDays(20) : c < 35 ? ctx.Today.AddDays(-1000 + c * 25) : c < 40 ? ctx.Today.AddDays(-25) : ctx.Today.AddDays(-6);
            var closesAt = ctx.At(closes, 17);
            var opensAt = closesAt.AddDays(-30);
            var call = new Competition(host.Code, $"CT{host.Code[..9]}{closes.Year}{c % 100:00}", null, "民政局", opensAt.AddDays(-5));
            var pool = (c % 10 == 0 ? 300 : 100) * 10_000_00L;
            call.Describe($"{host.Name}第{c / counties.Count + 1}届五社联动公益创投大赛", host.Name + "民政局", "面向辖区社会组织征集养老服务、妇女儿童、基层治理等领域的公益项目。", null,
                [FocusArea.ElderlyCare, FocusArea.WomenAndChildren, FocusArea.GrassrootsGovernance], [OrganizationKind.SocialGroup, OrganizationKind.PrivateNonEnterprise, OrganizationKind.Foundation],
                6, true, true, "", pool, 20 * 10_000_00L, CoFundingRule.Rewarded, 0, 5, 50, [.. Rubric], JudgesPerCall, ScoreAggregation.TrimmedMean, TieBreak.CriteriaInOrder,
                opensAt, closesAt, 7, ["项目申报书", "登记证书"], [new(40, TrancheGate.Signing), new(40, TrancheGate.MidTermPassed), new(20, TrancheGate.FinalPassed)], 6);
            call.Publish(opensAt.AddDays(-5));
            calls.Add(call);

            var panel = experts.OrderBy(_ => r.Next()).Take(JudgesPerCall)
                .Select(e => new CompetitionJudge(call, e.Id, e.DisplayName.Replace("（评审专家）", ""), "高校社会工作系", closesAt)).ToList();
            judges.AddRange(panel);

            var prefix = AreaCode.Prefix(host.Code);
            var eligibleOrgs = organizations.Where(o => o.AreaCode.StartsWith(prefix, StringComparison.Ordinal) || serves[o.Id].Any(s => s.StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(_ => r.Next()).Take(PerCall).ToList();
            var mine = new List<CompetitionApplication>();
            var seq = 0;
            foreach (var o in eligibleOrgs)
            {
                var a = new CompetitionApplication(call, o, null, "机构经办人", opensAt.AddDays(r.Next(1, 20)));
                var (focus, title) = Designs[r.Next(Designs.Length)];
                var requested = r.Next(5, 21) * 10_000_00L;
                var coFunding = r.Next(3) == 0 ? 0 : r.Next(1, 11) * 1_000_00L;
                var area = serves[o.Id].FirstOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal)) ?? host.Code;
                var start = DateOnly.FromDateTime(closesAt.AddDays(40).UtcDateTime);
                List<SaveProject.FundingLine> funding = [new() { Source = ProjectFundingSource.CompetitionAward, AmountYuan = requested / 100m, Note = "" }];
                if (coFunding > 0) funding.Add(new() { Source = ProjectFundingSource.EnterpriseDonation, AmountYuan = coFunding / 100m, Note = "企业配套" });
                a.Describe(area, title, focus, "", "辖区困难群众", "项目围绕辖区居民急难愁盼开展专业服务。", "入户探访、小组活动、社区活动", start, start.AddMonths(12), funding,
                    [new() { Name = "开展社区活动", Measure = IndicatorMeasure.Times, Kinds = [Wushe.Features.Households.ServiceKind.CommunityActivity], Target = 12, Unit = "场" }],
                    requested + coFunding, requested);
                a.Submit($"{call.CallNo}-{++seq:000}", [new(EligibilityRule.Registration, true, Status: OrganizationStatus.Registered)], closesAt.AddHours(-r.Next(1, 600)));
                if (!open) a.MoveTo(r.Next(20) == 0 ? ApplicationStatus.Ineligible : ApplicationStatus.Eligible);
                mine.Add(a);
            }
            applications.AddRange(mine);
            if (open) continue;

            var marks = new List<CompetitionRanking.Mark>();
            foreach (var a in mine.Where(a => a.Status == ApplicationStatus.Eligible))
            {
                var quality = r.Next(4, 10);
                foreach (var j in panel)
                {
                    var s = new CompetitionScore(a, j, closesAt.AddDays(1));
                    if (r.Next(40) == 0) s.Recuse("曾为该机构提供督导服务", closesAt.AddDays(2));
                    else if (!(state == CompetitionStatus.Published && r.Next(33) == 0))
                        s.Score([.. Rubric.Select(_ => Math.Clamp(quality + r.Next(-2, 3), 0, 10))], "项目设计较完整，需求分析清楚，建议细化服务指标。", closesAt.AddDays(r.Next(2, 6)));
                    scores.Add(s);
                    marks.Add(new(a.Id, j.Id, s.Recused, s.Scores));
                }
            }
            if (state == CompetitionStatus.Published) continue;

            // The shortlist: the ranking's top whose requests fit in the pool.
            var ranked = CompetitionRanking.Rank(CompetitionRanking.Rules.Of(call),
                mine.Where(a => a.Status == ApplicationStatus.Eligible).Select(a => new CompetitionRanking.Entry(a.Id, a.ApplicationNo, a.SubmittedAt, a.RequestedFen, a.CoFundingFen)), marks);
            var byId = mine.ToDictionary(a => a.Id);
            var left = call.PoolFen;
            foreach (var row in ranked)
            {
                var a = byId[row.Id];
                if (row.Final is null || a.RequestedFen > left) { a.MoveTo(state == CompetitionStatus.Decided ? ApplicationStatus.NotAwarded : ApplicationStatus.Eligible); continue; }
                a.Shortlist(a.RequestedFen);
                left -= a.RequestedFen;
                if (state == CompetitionStatus.Decided) { a.MoveTo(ApplicationStatus.Awarded); call.Award(a.AwardFen); }
            }
            call.PostNotice(closesAt.AddDays(state == CompetitionStatus.Decided ? 15 : 23));
            var hostUser = ctx.Users.FirstOrDefault(u => u.UserName == $"bureau.{host.Code[..6]}.1");
            var hostName = hostUser?.DisplayName ?? host.Name + "民政局";
            Objections(ctx, later, call, mine, state, hostName, objections);
            if (state != CompetitionStatus.Decided) continue;
            // 确定资助 the day after the notice, as ConfirmAwards does it; then the awards' lives up to --today.
            var confirmedAt = call.NoticeUntil!.Value.AddDays(1);
            foreach (var a in mine.Where(a => a.Status == ApplicationStatus.Awarded))
                Award(ctx, later, call, a, confirmedAt, hostUser?.Id, hostName, numbers, made);
            call.Decide(confirmedAt);
        }
        return rows + await ctx.InsertAsync(calls) + await ctx.InsertAsync(applications) + await ctx.InsertAsync(judges) + await ctx.InsertAsync(scores)
            + await ctx.InsertAsync(made.Projects) + await ctx.InsertAsync(made.Funding) + await ctx.InsertAsync(made.Indicators) + await ctx.InsertAsync(made.Steps)
            + await ctx.InsertAsync(made.Evaluations) + await ctx.InsertAsync(made.Awards) + await ctx.InsertAsync(made.Movements) + await ctx.InsertAsync(objections);
    }

    /// <summary>What the awards of the decided calls bring: the projects ConfirmAwards creates with their lines and steps, the evaluations, awards and ledgers.</summary>
    sealed class Made
    {
        public List<Project> Projects { get; } = [];
        public List<ProjectFunding> Funding { get; } = [];
        public List<ProjectIndicator> Indicators { get; } = [];
        public List<ProjectStep> Steps { get; } = [];
        public List<ProjectEvaluation> Evaluations { get; } = [];
        public List<CompetitionAward> Awards { get; } = [];
        public List<AwardMovement> Movements { get; } = [];
    }

    static readonly string[] ObjectionTexts =
    [
        "对入围项目的评分有异议：该机构在本辖区无服务经历，申请复核评审意见。", "入围机构的项目与去年获资助项目内容雷同，请核实是否重复申报。",
        "我单位项目评分低于预期，申请公开各评审专家对我单位项目的评分及意见。", "反映入围机构负责人同时担任另一申报机构理事，请核实是否存在利益关联。",
    ];

    /// <summary>
    /// 异议 lodged in the notice period (LodgeObjection): on every call on notice two to four, one or two still unanswered; on every third decided
    /// call one or two, all answered (ConfirmAwards waits for every answer), most not upheld.
    /// </summary>
    static void Objections(GenContext ctx, Random r, Competition call, List<CompetitionApplication> mine, CompetitionStatus state, string hostName, List<CompetitionObjection> into)
    {
        var count = state == CompetitionStatus.Notice ? r.Next(2, 5) : r.Next(3) == 0 ? r.Next(1, 3) : 0;
        var from = call.NoticeFrom!.Value;
        var until = call.NoticeUntil!.Value < ctx.Now ? call.NoticeUntil.Value : ctx.Now;
        var shortlist = mine.Where(a => a.Status is ApplicationStatus.Shortlisted or ApplicationStatus.Awarded).ToList();
        for (var i = 0; i < count; i++)
        {
            var lodged = from.AddHours(r.Next(2, Math.Max(3, (int)(until - from).TotalHours - 2)));
            var about = shortlist.Count > 0 && r.Next(4) != 0 ? shortlist[r.Next(shortlist.Count)].Id : (Guid?)null;
            var o = new CompetitionObjection(call, about, ObjectionTexts[r.Next(ObjectionTexts.Length)], Names.Person(r),
                ctx.Sealer.Seal(SensitiveKind.Phone, (13500000000L + r.Next(1, 99_999_999)).ToString()), lodged);
            var answered = state == CompetitionStatus.Decided || i >= 2 || (i == 0 && r.Next(2) == 0);
            if (answered)
            {
                var at = lodged.AddHours(r.Next(4, 48));
                if (at > until) at = until;
                o.Reply(r.Next(6) == 0 ? "经复核，异议部分成立，已责成评审委员会对相关项目重新核分，入围结果不变。" : "经复核，评审程序符合大赛规则，评分由评审专家独立作出，异议不成立。",
                    r.Next(6) == 0, hostName, at);
            }
            into.Add(o);
        }
    }

    /// <summary>
    /// One award as ConfirmAwards makes it — the project (已立项: the application's design, the budget with its 公益创投资助 line set to the
    /// award and the co-funding lines, the indicators, steps 设计 then 立项 with the platform's note), the award with its agreement number —
    /// and what followed by --today: the agreement signed 5–20 days later (the mid-term due the call's months after), the first tranche
    /// released; the project started; the mid-term evaluation reviewed before its due day (1 in 7 failed: funding stopped, half of those with
    /// a claw-back); passed, the second tranche; after the project's end the final evaluation (1 in 12 failed: the last tranche waits), the
    /// last tranche and the award closed with the project completed. Every tranche's amount is AwardRules.Amounts'.
    /// </summary>
    static void Award(GenContext ctx, Random r, Competition call, CompetitionApplication a, DateTimeOffset confirmedAt, Guid? byId, string byName,
        Dictionary<string, int> numbers, Made made)
    {
        var china = TimeSpan.FromHours(8);
        DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(china).DateTime);
        bool Past(DateTimeOffset t) => t <= ctx.Now;

        var key = $"XM{a.AreaCode[..9]}{confirmedAt.ToOffset(china).Year}";
        numbers[key] = numbers.GetValueOrDefault(key) + 1;
        var p = new Project(a.AreaCode, $"{key}{numbers[key]:0000}", byId, byName, confirmedAt);
        var funding = a.Funding.Where(l => l.Source != ProjectFundingSource.CompetitionAward).ToList();
        funding.Insert(0, new SaveProject.FundingLine { Source = ProjectFundingSource.CompetitionAward, AmountYuan = a.AwardFen / 100m, Note = call.Title.Length > 100 ? call.Title[..100] : call.Title });
        var budget = funding.Sum(l => (long)Math.Round((l.AmountYuan ?? 0) * 100));
        p.Describe(a.Title, a.Focus, a.FocusNote, a.TargetGroups, a.Summary, a.PlannedActivities, a.OrganizationId!.Value, a.OrganizationName, a.StartOn, a.EndOn, budget);
        foreach (var l in funding) made.Funding.Add(new ProjectFunding(p, l.Source!.Value, (long)Math.Round(l.AmountYuan!.Value * 100), l.Note ?? ""));
        var order = 0;
        foreach (var x in a.Indicators)
            made.Indicators.Add(new ProjectIndicator(p, ++order, x.Name!, x.Measure!.Value, x.Measure == IndicatorMeasure.Beneficiaries ? 0 : ProjectIndicator.Mask(x.Kinds!), x.Target!.Value, x.Unit!));
        made.Steps.Add(new ProjectStep(p, ProjectStatus.Draft, confirmedAt, byId, byName, ""));
        p.MoveTo(ProjectStatus.Approved, ProjectStep.AwardApproved, confirmedAt);
        made.Steps.Add(new ProjectStep(p, ProjectStatus.Approved, confirmedAt, byId, byName, ProjectStep.AwardApproved));
        made.Projects.Add(p);
        var digits = a.ApplicationNo.Length >= 3 ? a.ApplicationNo[^3..] : a.ApplicationNo.PadLeft(3, '0');
        var award = new CompetitionAward(call, a, p.Id, a.AwardFen, $"{call.CallNo}-{digits}-XY", byId, byName, confirmedAt);
        made.Awards.Add(award);

        var amounts = AwardRules.Amounts(call.Tranches, award.AmountFen);
        void Release(int tranche, DateTimeOffset at) => made.Movements.Add(award.Post(AwardMovementKind.Release, tranche, amounts[tranche], at, "", byName));

        var signedAt = confirmedAt.AddDays(r.Next(5, 21));
        if (!Past(signedAt)) return;
        var signed = Day(signedAt);
        award.Sign(signed, call.MidTermMonths > 0 ? signed.AddMonths(call.MidTermMonths) : null);
        var first = signedAt.AddDays(r.Next(3, 15));
        if (!Past(first)) return;
        Release(0, first);

        var started = ctx.At(a.StartOn, 9);
        if (!Past(started)) return;
        p.MoveTo(ProjectStatus.InProgress, "", started);
        made.Steps.Add(new ProjectStep(p, ProjectStatus.InProgress, started, null, a.OrganizationName, ""));

        if (award.MidTermDueOn is not { } due) return;
        var midOpened = ctx.At(due.AddDays(-30), 9);
        if (!Past(midOpened)) return;
        var mid = new ProjectEvaluation(p, EvaluationStage.MidTerm, ProjectEvaluation.DefaultCriteria(), ProjectEvaluation.DefaultPassScore, byId, byName, midOpened);
        made.Evaluations.Add(mid);
        var midPassed = r.Next(7) != 0;
        var midReviewed = ctx.At(due.AddDays(-r.Next(1, 20)), 15);
        if (!Past(midReviewed)) return;
        Evaluate(r, mid, midPassed, a.OrganizationName, byId, byName, midOpened.AddDays(3), midReviewed);
        if (!midPassed)
        {
            var stoppedAt = midReviewed.AddDays(r.Next(1, 6));
            if (!Past(stoppedAt)) return;
            award.MoveTo(AwardStatus.Stopped, "中期评估不合格，按资助协议停止拨付后续资金");
            var clawAt = stoppedAt.AddDays(r.Next(10, 40));
            if (r.Next(2) == 0 && Past(clawAt))
                made.Movements.Add(award.Post(AwardMovementKind.ClawBack, null, award.ReleasedFen * r.Next(20, 61) / 100 / 100 * 100, clawAt, "项目未按协议执行，追回未使用的资助资金", byName));
            return;
        }
        var second = midReviewed.AddDays(r.Next(2, 10));
        if (!Past(second)) return;
        Release(1, second);

        var finalOpened = ctx.At(a.EndOn.AddDays(1), 9);
        if (!Past(finalOpened)) return;
        var final = new ProjectEvaluation(p, EvaluationStage.Final, ProjectEvaluation.DefaultCriteria(), ProjectEvaluation.DefaultPassScore, byId, byName, finalOpened);
        made.Evaluations.Add(final);
        var finalReviewed = finalOpened.AddDays(r.Next(10, 30));
        if (!Past(finalReviewed)) return;
        var finalPassed = r.Next(12) != 0;
        Evaluate(r, final, finalPassed, a.OrganizationName, byId, byName, finalOpened.AddDays(5), finalReviewed);
        if (!finalPassed) return;
        var third = finalReviewed.AddDays(r.Next(2, 10));
        if (!Past(third)) return;
        Release(2, third);
        var closed = third.AddDays(r.Next(1, 10));
        if (!Past(closed)) return;
        // CloseAward: the project completed through its own step, with the platform's note; the award 已结项.
        p.MoveTo(ProjectStatus.Completed, ProjectStep.AwardClosed, closed);
        made.Steps.Add(new ProjectStep(p, ProjectStatus.Completed, closed, byId, byName, ProjectStep.AwardClosed));
        award.MoveTo(AwardStatus.Closed, "");
    }

    /// <summary>The organization's self-assessment, then the reviewer's scores: passed 70–95% of each criterion's maximum, failed 30–55%.</summary>
    static void Evaluate(Random r, ProjectEvaluation e, bool pass, string orgName, Guid? byId, string byName, DateTimeOffset selfAt, DateTimeOffset reviewedAt)
    {
        List<int> Scores(int low, int high) => [.. e.Criteria.Select(c => c.MaxScore * r.Next(low, high + 1) / 100)];
        e.SelfAssess(Scores(75, 95), "项目按计划推进，各项服务指标完成情况良好。", orgName, selfAt < reviewedAt ? selfAt : reviewedAt.AddHours(-1));
        e.Review(pass ? Scores(70, 95) : Scores(30, 55), pass ? "服务开展扎实，资料齐全，评估合格。" : "服务指标完成率偏低，资金使用不规范，评估不合格。", byId, byName, reviewedAt);
    }
}
