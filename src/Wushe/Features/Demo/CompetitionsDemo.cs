using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Charity;
using Wushe.Features.Competitions;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Documents;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo venture-philanthropy competitions (公益创投, issue 12), written through the use cases at the times they tell of
/// (<see cref="DemoClock"/>), as the people who do each step:
/// <list type="bullet">
/// <item><description>Jiuyuan (九原区, the bureau <c>jiuyuan</c>) ran its first 五社联动基层治理公益创投大赛 and it is finished: a call of
/// ¥600,000 in three focus areas (养老服务, 妇女儿童, 基层治理), a five-criterion rubric, five judges (the demo experts) with the trimmed
/// mean and a co-funding bonus, tranches 40/40/20; nine applications of Jiuyuan organizations (seven registered here through the
/// organizations' use case, each with a staff account of its own that does not sign in), 初审 with one returned and corrected and one
/// ineligible with its reason, the whole panel assigned with one judge recused, every other assignment scored, the shortlist posted
/// and its notice ended with one objection lodged and answered, seven awards confirmed within the pool (¥570,000) — each a project
/// that its organization started and records services in —, the agreements signed and the first tranches released; the
/// 九原区社工服务中心's award (<c>jiuyuan.org</c>) has passed its mid-term evaluation and has its second tranche.</description></item>
/// <item><description>Huaibei's 相南街道 (the station worker <c>xiangnan</c>, under <c>huaibei</c>) has a micro-venture call open now (its
/// deadline 20 days ahead), paid by the street's community fund (<c>FundId</c>: 相南街道第1社区's fund of CharityDemo, which took the
/// enterprises' directed gifts and the host foundation's matching grant two days before the call, so that it can pay the ¥50,000 pool —
/// ADR 0018), with a submitted application of 相山区阳光社会工作服务中心 and a draft of 蒲公英公益协会 (<c>huaibei.org</c>);
/// <c>expert.li</c> sits on its panel, to be assigned once the deadline passes.</description></item>
/// </list>
/// Deterministic; runs once (nothing happens when any call exists) and only where the places are loaded.
/// </summary>
public static class CompetitionsDemo
{
    const string Jiuyuan = "150207000000", Shahe = "150207001000", Saihan = "150207002000";
    const string Xiangnan = "340603001000", XiangnanFirst = "340603001001";

    /// <summary>需求分析 20 / 项目设计 30 / 可行性 20 / 预算合理性 15 / 机构能力 15, each scored out of its weight (a judge's total is then the plain sum).</summary>
    static readonly RubricCriterion[] Rubric = [new("需求分析", 20, 20), new("项目设计", 30, 30), new("可行性", 20, 20), new("预算合理性", 15, 15), new("机构能力", 15, 15)];

    /// <summary>The panel: account, name as printed, unit, and how the judge leans (added to an application's quality).</summary>
    static readonly (string User, string Name, string Unit, double Lean)[] Panel =
    [
        ("expert.wang", "王立新", "内蒙古科技大学文法学院", 0.01),
        ("expert.li", "李文静", "淮北师范大学政法学院", -0.02),
        ("expert.zhang", "张志强", "包头市社会工作协会", 0.03),
        ("expert.zhao", "赵红梅", "包头信诚会计师事务所", -0.04),
        ("expert.liu", "刘建军", "九原区社区治理研究会", 0.02),
    ];

    /// <summary>Jiuyuan organizations registered for the competition: name, kind digit of the credit code, registered on, legal person, contact, address, focus.</summary>
    static readonly (string Name, char Digit, DateOnly RegisteredOn, string Legal, string Contact, string Address, FocusArea Focus)[] NewOrganizations =
    [
        ("九原区阳光家园社会工作服务中心", '2', new(2019, 8, 20), "高丽萍", "高主任", "九原区沙河街道阳光路 21 号", FocusArea.WomenAndChildren | FocusArea.MentalHealth),
        ("九原区巾帼志愿者协会", '1', new(2018, 3, 8), "郭秀英", "郭会长", "九原区赛汗街道团结路 5 号", FocusArea.WomenAndChildren | FocusArea.GrassrootsGovernance),
        ("九原区同心社区发展服务中心", '2', new(2020, 11, 12), "贾伟", "贾主任", "九原区沙河街道健康路 8 号", FocusArea.GrassrootsGovernance | FocusArea.CommunityCulture),
        ("九原区邻里守望公益协会", '1', new(2016, 5, 20), "石磊", "石会长", "九原区赛汗街道富强路 17 号", FocusArea.GrassrootsGovernance | FocusArea.ElderlyCare),
        ("包头市九原区乐龄养老服务中心", '2', new(2019, 1, 15), "范丽", "范院长", "九原区沙河街道兴胜路 36 号", FocusArea.ElderlyCare | FocusArea.Disability),
        ("九原区青少年成长服务中心", '2', new(2021, 6, 1), "唐静", "唐老师", "九原区沙河街道建设路 12 号", FocusArea.WomenAndChildren | FocusArea.MentalHealth),
        ("九原区和谐调解服务中心", '2', new(2022, 4, 18), "侯军", "侯主任", "九原区赛汗街道友谊大街 40 号", FocusArea.GrassrootsGovernance | FocusArea.LegalServices),
    ];

    enum Kind { Elderly, Children, Governance }

    /// <summary>A service a funded project records: a gathering with its head count, or a home visit to a registered resident.</summary>
    sealed record Service(ServiceKind Kind, string Title, string Place, int Heads, bool Visit);

    /// <summary>One Jiuyuan application: the organization, the project's township, design, money (yuan) and how good the judges find it (0–1).</summary>
    sealed record Plan(string Organization, string Township, string Title, Kind Kind, string TargetGroups, string Summary, string Activities,
        decimal Request, (ProjectFundingSource Source, decimal Yuan, string Note)[] CoFunding, double Quality);

    static readonly Plan[] Applications =
    [
        new("九原区社工服务中心", Shahe, "“银龄守望”社区居家养老互助服务项目", Kind.Elderly, "独居、空巢及高龄困难老人",
            "以社区为平台、社工为支撑，组建低龄老人志愿互助队，为辖区独居、空巢老人提供定期探访、生活照料和文化活动，建立“一老一档”服务台账。",
            "每月入户探访不少于 15 次；每季度开展社区文化活动 2 场；组建互助小组 2 个；重点老人建立个案。", 100_000m,
            [(ProjectFundingSource.CommunityFund, 20_000m, "沙河街道第1社区慈善基金"), (ProjectFundingSource.EnterpriseDonation, 30_000m, "辖区企业定向捐赠")], 0.90),
        new("九原区老年协会", Saihan, "“老有所为”低龄老人互助志愿服务项目", Kind.Elderly, "60–70 岁低龄老人及其结对服务的高龄老人",
            "发动低龄老人与高龄、独居老人结对，开展代购、陪诊、读报等互助服务，培育老年志愿服务骨干。",
            "招募结对志愿者 40 名；每月开展互助服务；每季度开展一次志愿者培训。", 60_000m,
            [(ProjectFundingSource.Other, 10_000m, "协会会费自筹")], 0.72),
        new("九原区阳光家园社会工作服务中心", Shahe, "“护苗成长”困境儿童关爱服务项目", Kind.Children, "困境儿童、留守儿童及其家庭",
            "链接学校、社区和志愿者，为困境儿童提供课后陪伴、成长小组和家庭探访，协助落实监护责任。",
            "每周成长小组 1 次；每月家庭探访；寒暑假主题营各 1 期。", 90_000m,
            [(ProjectFundingSource.CommunityFund, 10_000m, "社区慈善基金"), (ProjectFundingSource.EnterpriseDonation, 20_000m, "爱心企业捐赠")], 0.87),
        new("九原区巾帼志愿者协会", Saihan, "“她力量”妇女议事与家庭支持项目", Kind.Children, "社区妇女、单亲及困难家庭",
            "培育社区妇女议事会，开展家庭教育讲座和亲子活动，为单亲和困难家庭提供支持服务。",
            "成立妇女议事会 2 个；开展家庭教育讲座 6 场；亲子活动 4 场；困难家庭探访。", 70_000m,
            [(ProjectFundingSource.EnterpriseDonation, 15_000m, "辖区企业捐赠")], 0.80),
        new("九原区同心社区发展服务中心", Shahe, "“社区合伙人”居民议事协商能力建设项目", Kind.Governance, "社区居民骨干、楼栋长和驻区单位",
            "搭建“居民议事厅”，培训居民骨干议事协商能力，推动居民自己提出、商量和解决身边的小事。",
            "开展议事协商 12 场；骨干培训 4 期；形成社区微治理项目 3 个。", 90_000m,
            [(ProjectFundingSource.CommunityFund, 20_000m, "社区慈善基金"), (ProjectFundingSource.Other, 20_000m, "驻区单位支持")], 0.84),
        new("九原区邻里守望公益协会", Saihan, "“楼栋长+”网格邻里互助项目", Kind.Governance, "老旧小区居民",
            "以楼栋长为纽带，建立网格邻里互助队，开展邻里守望、矛盾排查和便民服务。",
            "培训楼栋长 30 名；每月网格走访；开展邻里节活动 2 场。", 55_000m, [], 0.68),
        new("包头市九原区乐龄养老服务中心", Shahe, "“助餐助浴”失能半失能老人照护项目", Kind.Elderly, "失能、半失能及高龄独居老人",
            "依托社区老年食堂和助浴点，为失能半失能老人提供助餐送餐、上门助浴和健康监测服务。",
            "每周送餐 5 天；每月上门助浴 20 人次；每季度健康义诊 1 次。", 85_000m,
            [(ProjectFundingSource.EnterpriseDonation, 20_000m, "爱心企业捐赠")], 0.82),
        new("九原区青少年成长服务中心", Shahe, "“四点半课堂”青少年课后成长项目", Kind.Children, "双职工家庭和困境家庭的小学生",
            "在社区开设“四点半课堂”，由社工和大学生志愿者提供课后看护、作业辅导和兴趣小组。",
            "每周开课 4 天；兴趣小组 3 个；每学期家长会 1 次。", 75_000m,
            [(ProjectFundingSource.CommunityFund, 10_000m, "社区慈善基金")], 0.78),
        new("九原区和谐调解服务中心", Saihan, "“和事佬”社区矛盾纠纷调解项目", Kind.Governance, "社区居民",
            "组建社区调解志愿队，开展邻里纠纷调解和法律知识宣传。",
            "每月调解服务；法律讲座 4 场；调解员培训 2 期。", 60_000m, [], 0.70),
    ];

    /// <summary>The seed's records made by the use cases (their failures stop the seed: a demo that half-happened would mislead).</summary>
    static T Ok<T>(Platform.Outcomes.Result<T> result, string what) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"Demo competitions, {what}: {result.Failure!.Title} {string.Join("; ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [])}");

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<Competition>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var demo = new Seeder(sp, db, clock.GetUtcNow(), ChinaTime.Today(clock));
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == Shahe) && await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == Saihan))
            await demo.JiuyuanAsync();
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == XiangnanFirst)) await demo.HuaibeiAsync();
        db.ActingAs(CurrentUser.System);
    }

    sealed class Seeder(IServiceProvider sp, AppDb db, DateTimeOffset now, DateOnly today)
    {
        readonly Sealer sealer = sp.GetRequiredService<Sealer>();
        readonly UserManager<User> users = sp.GetRequiredService<UserManager<User>>();
        readonly IOptions<CharityOptions> charity = sp.GetRequiredService<IOptions<CharityOptions>>();

        /// <summary>A clock at <paramref name="days"/> from today (China date) at <paramref name="hour"/>:<paramref name="minute"/> China time.</summary>
        DemoClock At(int days, int hour, int minute = 0) => new(At0(days, hour, minute));

        DateTimeOffset At0(int days, int hour, int minute = 0) => new(today.AddDays(days).ToDateTime(new TimeOnly(hour, minute)), ChinaTime.Offset);

        /// <summary>The account as it acts: its role assignments, the first active.</summary>
        async Task<CurrentUser?> ActorAsync(string userName)
        {
            var user = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == userName).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync();
            if (user is null) return null;
            var roles = await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.UserId == user.Id).ToListAsync();
            return new CurrentUser(user.Id, user.UserName, [.. roles.Select(a => new Assignment(a.Role, a.AreaCode, "", a.OrganizationId))], null);
        }

        /// <summary>Clears what the last step tracked and names who acts next.</summary>
        CurrentUser As(CurrentUser actor)
        {
            db.ChangeTracker.Clear();
            db.ActingAs(actor);
            return actor;
        }

        /// <summary>
        /// The staff of an organization: the demo account acting for it, or one made for it here — a staff account named after its
        /// contact, without a password (it applies and delivers in the demo; nobody signs in as it).
        /// </summary>
        async Task<CurrentUser> StaffOfAsync(Guid organizationId, string userName, string displayName)
        {
            var existing = await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.OrganizationStaff && a.OrganizationId == organizationId)
                .Select(a => a.UserId).FirstOrDefaultAsync();
            if (existing != Guid.Empty)
                return (await ActorAsync(await db.Users.IgnoreQueryFilters().Where(u => u.Id == existing).Select(u => u.UserName!).FirstAsync()))!;
            var area = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == organizationId).Select(o => o.AreaCode).FirstAsync();
            var user = new User(userName, displayName, area, now.AddDays(-260));
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException("Demo staff account " + userName + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment(user.Id, Role.OrganizationStaff, area, organizationId));
            await db.SaveChangesAsync();
            return new CurrentUser(user.Id, userName, [new Assignment(Role.OrganizationStaff, area, "", organizationId)], null);
        }

        async Task<Guid?> OrganizationAsync(string name) =>
            await db.Organizations.IgnoreQueryFilters().Where(o => o.Name == name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();

        public async Task JiuyuanAsync()
        {
            if (await ActorAsync("jiuyuan") is not { } bureau) return;
            var experts = new List<(CurrentUser User, string Name, string Unit, double Lean)>();
            foreach (var p in Panel)
                if (await ActorAsync(p.User) is { } e) experts.Add((e, p.Name, p.Unit, p.Lean));
            if (experts.Count < CompetitionRules.MinJudges) return;

            // The organizations that answer the call: the district's register first, the rest registered by the bureau through the register's form.
            var serial = 5000;
            foreach (var o in NewOrganizations)
            {
                serial += 41;
                if (await OrganizationAsync(o.Name) is not null) continue;
                As(bureau);
                Ok(await RegisterOrganization.Handle(db, bureau, sealer, At(-300, 10), new OrganizationForm.Request(Jiuyuan, o.Name, OrganizationsDemo.Code(o.Digit, Jiuyuan, serial),
                    null, null, "包头市九原区民政局", o.RegisteredOn, o.Legal, o.Contact, null, o.Address, [Jiuyuan], SplitFocus(o.Focus))), "registering " + o.Name);
            }
            var staff = new Dictionary<string, CurrentUser>();
            var n = 1;
            foreach (var a in Applications)
            {
                if (await OrganizationAsync(a.Organization) is not { } id) return;
                var contact = NewOrganizations.FirstOrDefault(o => o.Name == a.Organization).Contact ?? "王会长";
                staff[a.Organization] = await StaffOfAsync(id, $"jiuyuan.org{++n}", $"{Short(a.Organization)} {contact}");
            }

            // The call: drafted, its panel named, published two days before it opens.
            As(bureau);
            var call = Ok(await SaveCompetition.Handle(db, bureau, At(-205, 10), null, new SaveCompetition.Request
            {
                AreaCode = Jiuyuan, Title = "九原区首届“五社联动”基层治理公益创投大赛", HostName = "包头市九原区民政局",
                Description = "为深入推进“五社联动”机制建设，激发社会组织参与基层治理的活力，九原区民政局面向辖区社会组织举办首届“五社联动”基层治理公益创投大赛。"
                    + "本次大赛资金池 60 万元（区级福彩公益金），单个项目资助不超过 10 万元，重点支持养老服务、妇女儿童关爱和基层治理三个领域的社区服务项目，项目周期一年。"
                    + "申报项目须以社区为平台、社会工作者为支撑、社区社会组织为载体，链接社区志愿者和社会慈善资源；鼓励申报机构配套社区慈善基金或企业捐赠资金。"
                    + "评审由 5 位专家进行，去掉一个最高分和一个最低分后取平均分，配套资金另有加分；拟资助名单公示 7 天。",
                Focuses = [FocusArea.ElderlyCare, FocusArea.WomenAndChildren, FocusArea.GrassrootsGovernance],
                EligibleKinds = [OrganizationKind.SocialGroup, OrganizationKind.PrivateNonEnterprise, OrganizationKind.Foundation],
                MinRegisteredMonths = 12, MustServeArea = true, NoUnfinishedAward = true,
                OtherConditions = "近两年年检（年报）合格，无不良信用记录；项目人员经费不超过申请资助金额的 30%",
                PoolYuan = 600_000m, CapYuan = 100_000m, CoFunding = CoFundingRule.Rewarded, BonusMaxPoints = 5, BonusFullPercent = 50,
                Rubric = [.. Rubric.Select(c => new SaveCompetition.Criterion { Name = c.Name, Weight = c.Weight, MaxScore = c.MaxScore })],
                JudgeCount = 5, Aggregation = ScoreAggregation.TrimmedMean, TieBreak = TieBreak.CriteriaInOrder,
                OpensAt = At0(-200, 9), ClosesAt = At0(-172, 17), NoticeDays = 7, RequiredDocuments = ["项目申报书", "登记证书"],
                Tranches = [new() { Percent = 40, Gate = TrancheGate.Signing }, new() { Percent = 40, Gate = TrancheGate.MidTermPassed }, new() { Percent = 20, Gate = TrancheGate.FinalPassed }],
                MidTermMonths = 6,
            }), "the Jiuyuan call");
            var judges = new List<Guid>();
            foreach (var e in experts)
            {
                As(bureau);
                judges.Add(Ok(await AddCompetitionJudge.Handle(db, At(-204, 10), call.Id, new AddCompetitionJudge.Request { UserId = e.User.Id, Name = e.Name, Unit = e.Unit }), "a judge").Id);
            }
            As(bureau);
            Ok(await PublishCompetition.Handle(db, At(-202, 9), charity, call.Id), "publishing the Jiuyuan call");

            // Applications: drafted, their two documents uploaded, submitted before the deadline.
            var ids = new Guid[Applications.Length];
            for (var i = 0; i < Applications.Length; i++)
            {
                var a = Applications[i];
                var applicant = As(staff[a.Organization]);
                var saved = Ok(await SaveApplication.Handle(db, applicant, At(-195 + i, 10), call.Id, null, Request(a, today.AddDays(-140))), "applying: " + a.Title);
                ids[i] = saved.Id;
                await DocumentAsync(applicant, At(-194 + i, 15), saved.Id, "项目申报书", "项目申报书.pdf", "项目申报书", a.Organization,
                    [$"项目名称：{a.Title}", $"服务对象：{a.TargetGroups}", $"项目简介：{a.Summary}", $"计划活动：{a.Activities}",
                     $"申请资助：{Money.Yuan(Money.Fen(a.Request))}；配套资金：{Money.Yuan(Money.Fen(a.CoFunding.Sum(c => c.Yuan)))}"]);
                await DocumentAsync(applicant, At(-194 + i, 15, 10), saved.Id, "登记证书", "登记证书.pdf", "社会组织登记证书（复印件）", a.Organization,
                    [$"名称：{a.Organization}", "登记管理机关：包头市九原区民政局", "（演示材料）"]);
                As(applicant);
                Ok(await SubmitApplication.Handle(db, applicant, At(-190 + i, 16), saved.Id, new SubmitApplication.Request()), "submitting: " + a.Title);
            }

            // 初审 the day after the deadline: one returned for correction, one ineligible, the rest pass.
            const int Returned = 3, Ineligible = 8;
            for (var i = 0; i < Applications.Length; i++)
            {
                As(bureau);
                var request = i switch
                {
                    Returned => new ScreenApplication.Request { Outcome = ScreenApplication.Outcome.Returned, Note = "请补充上传机构 2024 年度年检（年报）合格证明；预算表中“宣传资料费”请列明数量和单价。" },
                    Ineligible => new ScreenApplication.Request { Outcome = ScreenApplication.Outcome.Ineligible, Note = "项目预算中人员经费 3.6 万元，占申请资助金额的 60%，超过申报通知“人员经费不超过申请资助金额的 30%”的规定。" },
                    _ => new ScreenApplication.Request { Outcome = ScreenApplication.Outcome.Eligible, Note = "材料齐全，符合申报条件。" },
                };
                Ok(await ScreenApplication.Handle(db, bureau, At(-171, 9, i * 5), ids[i], request), "screening");
            }
            // The returned one: the annual inspection's result added, submitted again within its correction period, then passed.
            var corrected = Applications[Returned];
            var correcting = As(staff[corrected.Organization]);
            await DocumentAsync(correcting, At(-170, 10), ids[Returned], ApplicationRules.OtherDocument, "年检结论.pdf", "社会组织年度检查结论", corrected.Organization,
                ["2024 年度检查结论：合格", "宣传资料费：宣传折页 2000 份 × 1.5 元 = 3000 元", "（演示材料）"]);
            As(correcting);
            Ok(await SubmitApplication.Handle(db, correcting, At(-170, 11), ids[Returned], new SubmitApplication.Request()), "submitting again");
            As(bureau);
            Ok(await ScreenApplication.Handle(db, bureau, At(-169, 9), ids[Returned], new ScreenApplication.Request { Outcome = ScreenApplication.Outcome.Eligible, Note = "补正材料齐全，符合申报条件。" }), "screening again");

            // The whole panel on every eligible application; 张志强 sits on the board of 同心: recused there.
            As(bureau);
            Ok(await AssignJudges.Handle(db, At(-168, 9), call.Id, new AssignJudges.Request { WholePanel = true }), "assigning the panel");
            // 答辩: each eligible application presents to the panel on one morning, twenty minutes apiece.
            for (var i = 0; i < Applications.Length; i++)
                if (i != Ineligible)
                    Ok(await ScheduleDefence.Handle(db, At(-168, 10), call.Id, new ScheduleDefence.Request
                    {
                        ApplicationId = ids[i], At = At0(-167, 9).AddMinutes(20 * i), Place = "九原区社会组织孵化基地二楼路演厅",
                    }), "scheduling a defence");
            const int Recusal = 4, Recused = 2;
            for (var j = 0; j < experts.Count; j++)
            {
                var judge = experts[j];
                for (var i = 0; i < Applications.Length; i++)
                {
                    if (i == Ineligible) continue;
                    As(judge.User);
                    var scoreId = await ReviewRules.Mine(db, judge.User).Where(s => s.ApplicationId == ids[i]).Select(s => s.Id).FirstAsync();
                    if (j == Recused && i == Recusal)
                    {
                        Ok(await DeclareConflict.Handle(db, judge.User, At(-167, 14), scoreId, new DeclareConflict.Request { Reason = "本人担任该机构理事，与申报项目存在利害关系。" }), "recusal");
                        continue;
                    }
                    var quality = Applications[i].Quality + judge.Lean;
                    var scores = Rubric.Select((c, k) => Math.Clamp((int)Math.Round(c.MaxScore * (quality + ((i * 7 + j * 3 + k * 5) % 5 - 2) * 0.02)), 0, c.MaxScore)).ToList();
                    Ok(await ScoreApplication.Handle(db, judge.User, At(-166 + j, 10 + i % 8), scoreId, new ScoreApplication.Request
                    {
                        Scores = [.. scores.Select(s => (int?)s)],
                        Comment = quality >= 0.85 ? "需求调研扎实，服务设计与社区资源结合紧密，指标清楚可测，预算编制合理，建议资助。"
                            : quality >= 0.76 ? "项目定位清晰，活动安排可行；建议细化服务对象的需求评估和跟进记录，压缩宣传类支出。"
                            : "项目思路可取，但需求分析依据不足，活动与目标的对应关系不够清楚，预算测算偏粗。",
                    }), "scoring");
                }
            }

            // The shortlist: down the ranking while the requests fit the pool (at most seven), each proposed at its request.
            As(bureau);
            var competition = await db.Set<Competition>().AsNoTracking().FirstAsync(c => c.Id == call.Id);
            var ranking = await CallRanking.ReadAsync(db, competition);
            var picks = new List<PostNotice.Pick>();
            long sum = 0;
            foreach (var row in ranking.Where(r => r.Status == ApplicationStatus.Eligible))
            {
                if (picks.Count == 7 || sum + row.RequestedFen > competition.PoolFen) continue;
                picks.Add(new PostNotice.Pick { ApplicationId = row.Id, AmountYuan = row.RequestedFen / 100m });
                sum += row.RequestedFen;
            }
            As(bureau);
            Ok(await PostNotice.Handle(db, bureau, At(-158, 10), call.Id, new PostNotice.Request { Shortlist = picks }), "posting the notice");

            // A resident objects to the 助餐 project during the notice; the bureau checks and answers (not upheld).
            var objected = ids[6];
            db.ChangeTracker.Clear();
            var lodged = Ok(await LodgeObjection.Handle(db, sealer, At(-156, 20, 30), sp.GetRequiredService<ObjectionLimits>(), "demo", call.Id, new LodgeObjection.Request
            {
                ApplicationId = picks.Any(p => p.ApplicationId == objected) ? objected : null,
                Content = "听说该机构去年承接的社区助餐点有送餐不及时的情况，建议核实其执行能力后再确定是否资助。",
                ContactName = "周女士", ContactPhone = "13904720168",
            }), "lodging an objection");
            As(bureau);
            Ok(await AnswerObjection.Handle(db, bureau, At(-154, 10), call.Id, lodged.Id, new AnswerObjection.Request
            {
                Answer = "经核实，该机构 2024 年承接的社区助餐项目已通过区民政局结项评估（良好）；反映的送餐延误系冬季个别天气原因，已增加送餐人员整改。异议不成立，维持入围。",
                Upheld = false,
            }), "answering the objection");

            // The notice over: the awards confirmed (each a project), the agreements signed, the first tranches released.
            As(bureau);
            Ok(await ConfirmAwards.Handle(db, bureau, At(-150, 10), charity, call.Id), "confirming the awards");
            var awards = await db.Set<CompetitionAward>().IgnoreQueryFilters().AsNoTracking().Where(w => w.CompetitionId == call.Id)
                .Select(w => new { w.Id, w.ProjectId, w.ApplicationId }).ToListAsync();
            foreach (var w in awards)
            {
                As(bureau);
                Ok(await SignAgreement.Handle(db, At(-140, 15), w.Id, new SignAgreement.Request { SignedOn = today.AddDays(-140) }), "signing");
                As(bureau);
                // Released without a note, as a host mostly does: the ledger names the tranche in each reader's language.
                Ok(await ReleaseTranche.Handle(db, bureau, At(-138, 10), w.Id, new ReleaseTranche.Request { Tranche = 1 }), "the first tranche");
            }

            // Each organization starts its project and records its first services.
            foreach (var w in awards)
            {
                var i = Array.IndexOf(ids, w.ApplicationId);
                var a = Applications[i];
                var deliverer = As(staff[a.Organization]);
                Ok(await ChangeProjectStatus.Handle(db, deliverer, At(-136, 9), w.ProjectId, new ChangeProjectStatus.Request { To = ProjectStatus.InProgress, Note = "签订资助协议，项目启动" }), "starting a project");
                await DeliverAsync(deliverer, w.ProjectId, a, i);
            }

            // 九原区社工服务中心's award: mid-term evaluation passed, the second tranche released.
            var first = awards.FirstOrDefault(w => w.ApplicationId == ids[0]);
            if (first is null) return;
            As(bureau);
            var opened = Ok(await OpenProjectEvaluation.Handle(db, bureau, At(-50, 9), first.ProjectId, new OpenProjectEvaluation.Request { Stage = EvaluationStage.MidTerm }), "the mid-term evaluation");
            var org = As(staff[Applications[0].Organization]);
            Ok(await SelfAssessProject.Handle(db, org, At(-46, 15), first.ProjectId, opened.Id, new ScoreProjectEvaluation.Request
            {
                Scores = [18, 31, 13, 13, 13],
                Comment = "项目按计划推进：入户探访和生活照料按月开展，互助小组已组建 2 个，服务台账完整；重点老人个案建档略慢于计划，下阶段加强与网格员对接。",
            }), "the self-assessment");
            As(bureau);
            Ok(await ReviewProjectEvaluation.Handle(db, bureau, At(-40, 10), first.ProjectId, opened.Id, new ScoreProjectEvaluation.Request
            {
                Scores = [17, 30, 13, 13, 12],
                Comment = "中期评估合格。服务记录真实完整，资金使用规范；建议完善服务对象需求评估表，结项前补充服务成效案例。",
            }), "the mid-term review");
            As(bureau);
            Ok(await ReleaseTranche.Handle(db, bureau, At(-35, 10), first.Id, new ReleaseTranche.Request { Tranche = 2, Note = "第二期资金（40%），中期评估合格后拨付" }), "the second tranche");
        }

        /// <summary>A project's first services since it started: gatherings with their head counts, and home visits to residents of its township.</summary>
        async Task DeliverAsync(CurrentUser by, Guid projectId, Plan a, int index)
        {
            db.ChangeTracker.Clear();
            var prefix = a.Township[..9];
            var residents = await db.Set<Resident>().IgnoreQueryFilters().Where(r => r.AreaCode.StartsWith(prefix) && r.Status == ResidentStatus.Active)
                .OrderBy(r => r.Id).Skip(index * 3).Take(3).Select(r => r.Id).ToListAsync();
            var records = ServicesOf(a);
            var span = Math.Max(1, today.AddDays(-10).DayNumber - today.AddDays(-135).DayNumber);
            for (var k = 0; k < records.Length; k++)
            {
                var r = records[k];
                if (r.Visit && residents.Count == 0) continue;
                var on = today.AddDays(-135 + span * (k + 1) / (records.Length + 1));
                As(by);
                Ok(await RecordProjectActivity.Handle(db, by, new DemoClock(now), projectId, new RecordProjectActivity.Request
                {
                    Kind = r.Kind, HeldOn = on, Title = r.Title, Place = r.Place, PartyWorkers = r.Visit ? 0 : 1, SocialWorkers = r.Visit ? 1 : 2, Volunteers = r.Visit ? 1 : 4,
                    ResidentIds = r.Visit ? [residents[k % residents.Count]] : [], HeadCount = r.Visit ? 0 : r.Heads,
                    Notes = r.Visit ? "了解近况和需求，做好服务记录。" : "活动按计划开展，居民参与积极。",
                }), "recording a service");
            }
        }

        /// <summary>
        /// What each funded project has delivered so far: its own services (titles, places, head counts, how many), so that each awarded
        /// project's outcome paragraph (computed from them) tells its own story — projects of one focus area share indicators, not records.
        /// </summary>
        static Service[] ServicesOf(Plan a) => a.Organization switch
        {
            "九原区社工服务中心" =>
            [
                new(ServiceKind.CommunityActivity, "重阳敬老文艺汇演", "社区广场", 86, false), new(ServiceKind.HomeVisit, "入户探访", "服务对象家中", 0, true),
                new(ServiceKind.GroupService, "老年人互助小组", "社区活动室", 14, false), new(ServiceKind.HomeVisit, "生活照料回访", "服务对象家中", 0, true),
                new(ServiceKind.CommunityActivity, "健康知识讲座", "社区卫生服务站", 52, false), new(ServiceKind.HomeVisit, "重点老人建档探访", "服务对象家中", 0, true),
            ],
            "九原区老年协会" =>
            [
                new(ServiceKind.Training, "结对志愿者岗前培训", "协会活动室", 38, false), new(ServiceKind.HomeVisit, "结对代购陪诊", "服务对象家中", 0, true),
                new(ServiceKind.CommunityActivity, "老年读报会", "社区老年活动中心", 23, false),
            ],
            "包头市九原区乐龄养老服务中心" =>
            [
                new(ServiceKind.HomeVisit, "上门助浴", "服务对象家中", 0, true), new(ServiceKind.HomeVisit, "助餐送餐回访", "服务对象家中", 0, true),
                new(ServiceKind.CommunityActivity, "老年健康义诊", "社区老年食堂", 117, false), new(ServiceKind.HomeVisit, "上门健康监测", "服务对象家中", 0, true),
                new(ServiceKind.HomeVisit, "上门助浴", "服务对象家中", 0, true),
            ],
            "九原区阳光家园社会工作服务中心" =>
            [
                new(ServiceKind.GroupService, "成长小组：认识情绪", "社区儿童之家", 15, false), new(ServiceKind.HomeVisit, "家庭探访", "服务对象家中", 0, true),
                new(ServiceKind.GroupService, "成长小组：学会合作", "社区儿童之家", 16, false), new(ServiceKind.CommunityActivity, "亲子运动会", "社区广场", 64, false),
                new(ServiceKind.GroupService, "成长小组：安全自护", "社区儿童之家", 13, false),
            ],
            "九原区巾帼志愿者协会" =>
            [
                new(ServiceKind.CommunityActivity, "家庭教育讲座：如何与青春期孩子沟通", "社区党群服务中心", 47, false), new(ServiceKind.HomeVisit, "单亲家庭探访", "服务对象家中", 0, true),
                new(ServiceKind.GroupService, "妇女议事会：社区托育需求", "社区议事厅", 12, false), new(ServiceKind.HomeVisit, "困难家庭探访", "服务对象家中", 0, true),
            ],
            "九原区青少年成长服务中心" =>
            [
                new(ServiceKind.GroupService, "四点半课堂：作业辅导", "社区青少年活动室", 26, false), new(ServiceKind.GroupService, "兴趣小组：书法", "社区青少年活动室", 11, false),
                new(ServiceKind.GroupService, "兴趣小组：科学实验", "社区青少年活动室", 18, false), new(ServiceKind.CommunityActivity, "学期家长会", "社区党群服务中心", 39, false),
                new(ServiceKind.GroupService, "四点半课堂：阅读分享", "社区青少年活动室", 24, false), new(ServiceKind.HomeVisit, "困境家庭学生家访", "服务对象家中", 0, true),
            ],
            "九原区同心社区发展服务中心" =>
            [
                new(ServiceKind.CommunityActivity, "居民议事会：楼道停车", "社区议事厅", 28, false), new(ServiceKind.Training, "居民骨干议事协商培训", "社区党群服务中心", 35, false),
                new(ServiceKind.CommunityActivity, "居民议事会：垃圾分类", "社区议事厅", 31, false),
            ],
            "九原区邻里守望公益协会" =>
            [
                new(ServiceKind.Training, "楼栋长培训", "社区党群服务中心", 30, false), new(ServiceKind.CommunityActivity, "邻里节：百家宴", "小区广场", 142, false),
                new(ServiceKind.CommunityActivity, "网格议事：加装电梯", "社区议事厅", 19, false), new(ServiceKind.Training, "邻里互助队急救培训", "社区卫生服务站", 24, false),
            ],
            _ =>
            [
                new(ServiceKind.Training, "调解员培训", "社区党群服务中心", 21, false), new(ServiceKind.CommunityActivity, "法律知识讲座", "社区议事厅", 58, false),
                new(ServiceKind.CommunityActivity, "邻里纠纷调解会", "社区调解室", 9, false), new(ServiceKind.CommunityActivity, "法律知识讲座：婚姻家庭", "社区议事厅", 44, false),
                new(ServiceKind.CommunityActivity, "邻里纠纷调解会", "社区调解室", 7, false),
            ],
        };

        public async Task HuaibeiAsync()
        {
            if (await ActorAsync("xiangnan") is not { } station) return;
            var year = today.Year.ToString(CultureInfo.InvariantCulture);
            // The street's community fund pays the call (CharityDemo set it up): the enterprises' directed gifts the call text names, and the
            // host foundation's matching grant, come into the fund first, so that it can pay the pool when the call is published (ADR 0018).
            var fund = await db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.AreaCode == XiangnanFirst && f.Status == FundStatus.Active)
                .OrderBy(f => f.FundNo).Select(f => (Guid?)f.Id).FirstOrDefaultAsync();
            if (fund is { } fundId)
                foreach (var (kind, donor, yuan) in new[] { (DonorKind.Enterprise, "恒信商贸有限公司", 20_000m), (DonorKind.Enterprise, "鑫源超市", 10_000m), (DonorKind.Organization, "淮北市慈善基金会", 12_000m) })
                {
                    As(station);
                    Ok(await RecordDonation.Handle(db, station, At(-13, 10), fundId, new RecordDonation.Request(kind, donor, false, null, DonationChannel.BankTransfer, yuan, null,
                        today.AddDays(-13), kind == DonorKind.Enterprise ? "定向用于相南街道社区公益微创投" : "社区公益微创投配套资金")), "a gift for the Huaibei call");
                }
            As(station);
            var call = Ok(await SaveCompetition.Handle(db, station, At(-12, 10), null, new SaveCompetition.Request
            {
                AreaCode = Xiangnan, Title = $"相南街道{year}年社区公益微创投", HostName = "相山区相南街道社工站", FundId = fund,
                Description = "为培育社区社会组织、解决居民身边的“小急难”，相南街道社工站联合相南街道第1社区慈善基金管委会开展社区公益微创投。"
                    + "资金来源：相南街道第1社区慈善基金 2 万元，辖区爱心企业（恒信商贸有限公司、鑫源超市等）定向捐赠 3 万元，共 5 万元，由社区基金管委会监督使用、定期公示。"
                    + "单个项目资助不超过 8000 元，服务周期不超过 6 个月，重点支持为老服务、儿童关爱和社区文化活动。",
                Focuses = [FocusArea.ElderlyCare, FocusArea.WomenAndChildren, FocusArea.CommunityCulture], EligibleKinds = [],
                MinRegisteredMonths = 0, MustServeArea = true, NoUnfinishedAward = false,
                OtherConditions = "项目在相南街道辖区内实施；资金来源为社区慈善基金和企业捐赠，使用情况随社区基金一并公示",
                PoolYuan = 50_000m, CapYuan = 8_000m, CoFunding = CoFundingRule.None,
                Rubric = [new() { Name = "需求与设计", Weight = 40, MaxScore = 10 }, new() { Name = "可行性", Weight = 30, MaxScore = 10 }, new() { Name = "社区参与", Weight = 30, MaxScore = 10 }],
                JudgeCount = 3, Aggregation = ScoreAggregation.Mean, TieBreak = TieBreak.LowerRequest,
                OpensAt = At0(-10, 9), ClosesAt = At0(20, 17), NoticeDays = 5, RequiredDocuments = ["项目申报书"],
                Tranches = [new() { Percent = 50, Gate = TrancheGate.Signing }, new() { Percent = 50, Gate = TrancheGate.FinalPassed }],
            }), "the Huaibei call");
            if (await ActorAsync("expert.li") is { } li)
            {
                As(station);
                Ok(await AddCompetitionJudge.Handle(db, At(-11, 10), call.Id, new AddCompetitionJudge.Request { UserId = li.Id, Name = "李文静", Unit = "淮北师范大学政法学院" }), "a Huaibei judge");
            }
            As(station);
            Ok(await PublishCompetition.Handle(db, At(-11, 16), charity, call.Id), "publishing the Huaibei call");

            var start = today.AddDays(35);
            if (await OrganizationAsync("相山区阳光社会工作服务中心") is { } sunshine)
            {
                var staff = As(await StaffOfAsync(sunshine, "huaibei.org2", "阳光社工 刘主任"));
                var saved = Ok(await SaveApplication.Handle(db, staff, At(-6, 10), call.Id, null, new SaveApplication.Request
                {
                    AreaCode = XiangnanFirst, Title = "“银发课堂”老年人智能手机使用培训", Focus = FocusArea.ElderlyCare, TargetGroups = "社区 60 岁以上老人",
                    Summary = "组织社工和青年志愿者，在社区开设智能手机课堂，教老人使用健康码、视频通话、防诈骗等功能。",
                    PlannedActivities = "每周开课 1 次，共 12 次；结业后组建老年互助学习小组。", StartOn = start, EndOn = start.AddMonths(5),
                    BudgetYuan = 6_000m, Funding = [new() { Source = ProjectFundingSource.CompetitionAward, AmountYuan = 6_000m, Note = "微创投资助" }],
                    Indicators = [new() { Name = "开展智能手机课堂", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.Training], Target = 12, Unit = "场" },
                        new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Target = 150, Unit = "人" }],
                }), "the Huaibei application");
                await DocumentAsync(staff, At(-6, 11), saved.Id, "项目申报书", "项目申报书.pdf", "项目申报书", "相山区阳光社会工作服务中心",
                    ["项目名称：“银发课堂”老年人智能手机使用培训", "申请资助：¥6,000.00", "（演示材料）"]);
                As(staff);
                Ok(await SubmitApplication.Handle(db, staff, At(-5, 15), saved.Id, new SubmitApplication.Request()), "submitting the Huaibei application");
            }
            if (await ActorAsync("huaibei.org") is { ActingOrganization: not null } dandelion)
            {
                As(dandelion);
                Ok(await SaveApplication.Handle(db, dandelion, At(-2, 20), call.Id, null, new SaveApplication.Request
                {
                    AreaCode = XiangnanFirst, Title = "“周末伴读”社区儿童阅读陪伴项目", Focus = FocusArea.WomenAndChildren, TargetGroups = "社区留守儿童和困境儿童",
                    Summary = "每周末在社区书屋组织志愿者陪伴儿童阅读，开展绘本分享和读书会。",
                    PlannedActivities = "每周末伴读 1 次；每月读书分享会 1 场。", StartOn = start, EndOn = start.AddMonths(5),
                    BudgetYuan = 7_500m, Funding = [new() { Source = ProjectFundingSource.CompetitionAward, AmountYuan = 7_500m, Note = "微创投资助" }],
                    Indicators = [new() { Name = "开展伴读活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.GroupService], Target = 20, Unit = "场" }],
                }), "the Huaibei draft");
            }
        }

        static SaveApplication.Request Request(Plan a, DateOnly start)
        {
            List<SaveProject.FundingLine> funding = [new() { Source = ProjectFundingSource.CompetitionAward, AmountYuan = a.Request, Note = "公益创投资助" }];
            funding.AddRange(a.CoFunding.Select(c => new SaveProject.FundingLine { Source = c.Source, AmountYuan = c.Yuan, Note = c.Note }));
            List<SaveProject.Indicator> indicators = a.Kind switch
            {
                Kind.Elderly =>
                [
                    new() { Name = "入户探访和生活照料", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.HomeVisit, ServiceKind.LifeCare], Target = 180, Unit = "次" },
                    new() { Name = "开展社区文化活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.CommunityActivity], Target = 8, Unit = "场" },
                    new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Target = 600, Unit = "人" },
                ],
                Kind.Children =>
                [
                    new() { Name = "开展成长小组活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.GroupService], Target = 30, Unit = "场" },
                    new() { Name = "家庭探访", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.HomeVisit], Target = 40, Unit = "次" },
                    new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Target = 400, Unit = "人" },
                ],
                _ =>
                [
                    new() { Name = "开展居民议事协商", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.CommunityActivity], Target = 12, Unit = "场" },
                    new() { Name = "居民骨干培训", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.Training], Target = 4, Unit = "期" },
                    new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Target = 500, Unit = "人" },
                ],
            };
            return new SaveApplication.Request
            {
                AreaCode = a.Township, Title = a.Title, TargetGroups = a.TargetGroups, Summary = a.Summary, PlannedActivities = a.Activities,
                Focus = a.Kind switch { Kind.Elderly => FocusArea.ElderlyCare, Kind.Children => FocusArea.WomenAndChildren, _ => FocusArea.GrassrootsGovernance },
                StartOn = start, EndOn = start.AddYears(1).AddDays(-1), BudgetYuan = funding.Sum(l => l.AmountYuan!.Value), Funding = funding, Indicators = indicators,
            };
        }

        /// <summary>An application's document as the organization uploads it: a one-page PDF saying what it is.</summary>
        async Task DocumentAsync(CurrentUser by, TimeProvider at, Guid applicationId, string name, string fileName, string heading, string organization, IReadOnlyList<string> lines)
        {
            var bytes = Pdf(heading, organization, lines);
            using var stream = new MemoryStream(bytes);
            var file = new FormFile(stream, 0, bytes.Length, "file", fileName) { Headers = new HeaderDictionary(), ContentType = "application/pdf" };
            As(by);
            Ok(await AddApplicationDocument.Handle(db, by, at, applicationId, new AddApplicationDocument.Request { Name = name }, file), "a document");
        }
    }

    /// <summary>A one-page A4 document: the heading, the organization, the lines wrapped.</summary>
    static byte[] Pdf(string heading, string organization, IReadOnlyList<string> lines) =>
        PdfDrawing.OnePage(heading, organization, g =>
        {
            const double margin = 64, width = PdfDrawing.A4Width - 2 * margin;
            var y = margin;
            g.DrawString(heading, PdfDrawing.Font(20, bold: true), XBrushes.Black, new XRect(margin, y, width, 28), XStringFormats.TopCenter);
            y += 44;
            g.DrawString("申报单位：" + organization, PdfDrawing.Font(12), XBrushes.Black, new XRect(margin, y, width, 16), XStringFormats.TopLeft);
            y += 28;
            var font = PdfDrawing.Font(11);
            foreach (var line in lines)
            {
                foreach (var part in PdfDrawing.Wrap(g, line, font, width))
                {
                    g.DrawString(part, font, XBrushes.Black, new XRect(margin, y, width, 15), XStringFormats.TopLeft);
                    y += 18;
                }
                y += 6;
            }
        });

    static List<FocusArea> SplitFocus(FocusArea focus) => [.. Enum.GetValues<FocusArea>().Where(f => focus.HasFlag(f))];

    /// <summary>包头市九原区乐龄养老服务中心 → 乐龄养老服务中心: the organization as its staff account's name shows it.</summary>
    static string Short(string organization) => organization.Replace("包头市", "").Replace("九原区", "") is { Length: >= 2 } s ? s : organization;
}
