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
/// Awards are marked on the applications (status, proposed amount) without their projects and ledgers: the benchmark measures the
/// ranking and the public pages.
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
            if (state == CompetitionStatus.Decided) call.Decide(call.NoticeUntil!.Value.AddDays(1));
        }
        return rows + await ctx.InsertAsync(calls) + await ctx.InsertAsync(applications) + await ctx.InsertAsync(judges) + await ctx.InsertAsync(scores);
    }
}
