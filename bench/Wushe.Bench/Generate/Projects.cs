using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Areas;

namespace Wushe.Bench.Generate;

/// <summary>
/// 项目 of the city (issue 8), about 5,000 (≈18 per township): 85% township projects, 10% a community's, and a few county projects;
/// 45% 实施中, 40% 已结项, 5% each 已立项, 草稿 and 已终止, over the last three years (a completed project ran 6–12 months before
/// the last year; one in progress started in the last 11 months and ends after <c>--today</c>). Each has an implementing
/// organization serving its area (<see cref="Organizations.Serving"/>: those listing the township first), one to three funding lines
/// that add up to the budget (50,000–300,000 yuan), two to six indicators of its focus (Times / People over service kinds, and the
/// beneficiaries last), the steps of its status, and the needs of its township matched to it (<see cref="ProjectNeed"/> and the
/// need's <see cref="NeedMatch"/> of kind Project). Who records its delivery is kept for <see cref="ProjectActivities"/>: the
/// organization's staff account where it has one, else a social worker of the township's station.
/// </summary>
sealed class ProjectsKind : IRecordKind
{
    public const int PerTownship = 18;

    public string Name => "projects + funding + indicators + needs";

    sealed record Template(FocusArea Focus, string Title, string Groups, (string Name, IndicatorMeasure Measure, ServiceKind[] Kinds, string Unit)[] Indicators);

    static readonly Template[] Templates =
    [
        new(FocusArea.ElderlyCare, "“银龄守护”困境老人关爱服务项目", "独居、空巢、失能半失能及高龄困难老人",
        [
            ("开展文化类社区活动", IndicatorMeasure.Times, [ServiceKind.CommunityActivity], "场"), ("入户探访和生活照料", IndicatorMeasure.Times, [ServiceKind.HomeVisit, ServiceKind.LifeCare], "次"),
            ("医疗护理服务", IndicatorMeasure.Times, [ServiceKind.MedicalCare], "次"), ("确定个案服务对象", IndicatorMeasure.People, [ServiceKind.CaseService], "人"),
            ("开展小组服务活动", IndicatorMeasure.Times, [ServiceKind.GroupService], "场"),
        ]),
        new(FocusArea.WomenAndChildren, "“童伴成长”困境儿童关爱项目", "留守儿童、困境儿童及其家庭",
        [
            ("开展成长小组活动", IndicatorMeasure.Times, [ServiceKind.GroupService], "场"), ("家庭探访", IndicatorMeasure.Times, [ServiceKind.HomeVisit], "次"),
            ("确定个案服务对象", IndicatorMeasure.People, [ServiceKind.CaseService], "人"), ("开展主题活动", IndicatorMeasure.Times, [ServiceKind.CommunityActivity], "场"),
            ("心理疏导服务", IndicatorMeasure.Times, [ServiceKind.Counselling], "次"),
        ]),
        new(FocusArea.GrassrootsGovernance, "“邻里同心”社区治理能力提升项目", "社区居民、居民骨干及社区社会组织",
        [
            ("开展居民议事和社区活动", IndicatorMeasure.Times, [ServiceKind.CommunityActivity], "场"), ("开展骨干赋能培训", IndicatorMeasure.Times, [ServiceKind.Training], "场"),
            ("培育居民骨干", IndicatorMeasure.People, [ServiceKind.Training, ServiceKind.GroupService], "人"), ("开展小组服务活动", IndicatorMeasure.Times, [ServiceKind.GroupService], "场"),
        ]),
        new(FocusArea.Disability, "“助残圆梦”残疾人关爱服务项目", "残疾人及其家庭",
        [
            ("入户探访和生活照料", IndicatorMeasure.Times, [ServiceKind.HomeVisit, ServiceKind.LifeCare], "次"), ("康复护理服务", IndicatorMeasure.Times, [ServiceKind.MedicalCare], "次"),
            ("确定个案服务对象", IndicatorMeasure.People, [ServiceKind.CaseService], "人"), ("开展技能培训", IndicatorMeasure.Times, [ServiceKind.Training], "场"),
        ]),
        new(FocusArea.SocialAssistance, "“温暖同行”困难群众帮扶项目", "低保、特困及防返贫监测对象",
        [
            ("入户探访", IndicatorMeasure.Times, [ServiceKind.HomeVisit], "次"), ("法律援助服务", IndicatorMeasure.Times, [ServiceKind.LegalAid], "次"),
            ("确定个案服务对象", IndicatorMeasure.People, [ServiceKind.CaseService], "人"), ("心理疏导服务", IndicatorMeasure.Times, [ServiceKind.Counselling], "次"),
        ]),
    ];

    static readonly (ProjectFundingSource Source, string Note)[] Sources =
    [
        (ProjectFundingSource.CommunityFund, "社区慈善基金"), (ProjectFundingSource.GovernmentPurchase, "政府购买社会工作服务"), (ProjectFundingSource.WelfareLottery, "福彩公益金"),
        (ProjectFundingSource.UnitedFront, "统战帮扶资金"), (ProjectFundingSource.EnterpriseDonation, "辖区企业捐赠"), (ProjectFundingSource.CompetitionAward, "公益创投大赛资助"),
    ];

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var communities = (await db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
                .Select(a => new { a.Code, a.Name }).ToListAsync())
            .GroupBy(c => c.Code[..9]).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Code).Select(c => (c.Code, c.Name)).ToList());
        var workers = ctx.Users.Where(u => u.UserName!.StartsWith("sw.", StringComparison.Ordinal) && AreaCode.LevelOf(u.HomeAreaCode) == AreaLevel.Township)
            .GroupBy(u => u.HomeAreaCode).ToDictionary(g => g.Key, g => g.OrderBy(u => u.UserName).Select(u => (u.Id, u.DisplayName)).ToList());
        var today = ctx.Today;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var projects = new List<Project>();
        var funding = new List<ProjectFunding>();
        var indicators = new List<ProjectIndicator>();
        var links = new List<ProjectNeed>();
        var matches = new List<NeedMatch>();
        var steps = new List<ProjectStep>();

        void Make(string areaCode, string areaName, string township, List<NeedsBinding>? needs)
        {
            var staff = workers.GetValueOrDefault(township);
            var serving = Organizations.Serving(ctx, township);
            if (staff is null || serving.Count == 0) return;
            var roll = r.Next(100);
            var status = roll switch { < 45 => ProjectStatus.InProgress, < 85 => ProjectStatus.Completed, < 90 => ProjectStatus.Approved, < 95 => ProjectStatus.Draft, _ => ProjectStatus.Terminated };
            DateOnly startOn = status switch
            {
                ProjectStatus.Completed => today.AddDays(-r.Next(400, 1095)),
                ProjectStatus.InProgress => today.AddDays(-r.Next(30, 330)),
                ProjectStatus.Terminated => today.AddDays(-r.Next(120, 900)),
                _ => today.AddDays(r.Next(5, 60)),
            };
            var endOn = status == ProjectStatus.InProgress ? startOn.AddMonths(12).AddDays(-1) : startOn.AddMonths(r.Next(6, 13)).AddDays(-1);
            var designer = staff[0];
            var created = ctx.At(startOn.AddDays(-r.Next(15, 45)), 9);
            if (created > ctx.Now) created = ctx.Now.AddDays(-1);
            var year = created.ToOffset(TimeSpan.FromHours(8)).Year;
            var key = $"{areaCode[..9]}{year}";
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            var p = new Project(areaCode, $"XM{key}{numbers[key]:0000}", designer.Id, designer.DisplayName, created);
            var t = Templates[r.Next(Templates.Length)];
            // The township's own organizations (and those listing it) first: a station implements with those it knows.
            var (o, orgStaffId, orgStaffName) = serving[r.Next(Math.Min(serving.Count, r.Next(3) == 0 ? serving.Count : 6))];
            var budgetYuan = r.Next(5, 31) * 10_000L;
            var lines = r.Next(1, 4);
            var chosen = Sources.OrderBy(_ => r.Next()).Take(lines).ToList();
            var left = budgetYuan;
            for (var i = 0; i < chosen.Count; i++)
            {
                var amount = i == chosen.Count - 1 ? left : Math.Max(1000, left / (chosen.Count - i) / 1000 * 1000);
                left -= amount;
                funding.Add(new ProjectFunding(p, chosen[i].Source, amount * 100, chosen[i].Note));
            }
            p.Describe($"{Names.Short(areaName)}{t.Title}", t.Focus, "", t.Groups, "以社区为平台、社工为支撑、社会组织为载体，整合社区慈善资源与志愿服务力量开展服务。",
                "按月开展入户探访与个案跟进，按季度开展社区活动与小组服务。", o.Id, o.Name, startOn, endOn, budgetYuan * 100);
            var count = r.Next(1, Math.Min(5, t.Indicators.Length) + 1);
            var chosenIndicators = t.Indicators.Take(count).ToList();
            var list = new List<ProjectIndicator>();
            for (var i = 0; i < chosenIndicators.Count; i++)
            {
                var (name, measure, kinds, unit) = chosenIndicators[i];
                list.Add(new ProjectIndicator(p, i + 1, name, measure, ProjectIndicator.Mask(kinds), measure == IndicatorMeasure.People ? r.Next(8, 40) : r.Next(10, 120), unit));
            }
            list.Add(new ProjectIndicator(p, list.Count + 1, "累计受益人数", IndicatorMeasure.Beneficiaries, 0, r.Next(3, 21) * 100, "人"));
            indicators.AddRange(list);

            steps.Add(new ProjectStep(p, ProjectStatus.Draft, created, designer.Id, designer.DisplayName, ""));
            var head = staff[0];
            if (status != ProjectStatus.Draft)
            {
                var approved = created.AddDays(r.Next(3, 10));
                if (approved > ctx.Now) approved = ctx.Now.AddHours(-2);
                p.MoveTo(ProjectStatus.Approved, "项目设计符合社区需求，同意立项。", approved);
                steps.Add(new ProjectStep(p, ProjectStatus.Approved, approved, head.Id, head.DisplayName, "项目设计符合社区需求，同意立项。"));
            }
            if (status is ProjectStatus.InProgress or ProjectStatus.Completed or ProjectStatus.Terminated)
            {
                var started = ctx.At(startOn, 9);
                p.MoveTo(ProjectStatus.InProgress, "", started);
                steps.Add(new ProjectStep(p, ProjectStatus.InProgress, started, orgStaffId ?? designer.Id, orgStaffId is null ? designer.DisplayName : orgStaffName, ""));
            }
            var lastDay = endOn < today ? endOn : today;
            if (status == ProjectStatus.Completed)
            {
                var done = ctx.At(endOn.AddDays(r.Next(1, 20)), 15);
                p.MoveTo(ProjectStatus.Completed, "", done);
                steps.Add(new ProjectStep(p, ProjectStatus.Completed, done, designer.Id, designer.DisplayName, "项目按计划完成。"));
            }
            if (status == ProjectStatus.Terminated)
            {
                lastDay = startOn.AddDays(Math.Min(r.Next(30, 120), endOn.DayNumber - startOn.DayNumber));
                var ended = ctx.At(lastDay.AddDays(1), 15);
                p.MoveTo(ProjectStatus.Terminated, "实施机构暂停活动，项目终止。", ended);
                steps.Add(new ProjectStep(p, ProjectStatus.Terminated, ended, head.Id, head.DisplayName, "实施机构暂停活动，项目终止。"));
            }
            projects.Add(p);
            if (needs is not null && needs.Count > 0 && status != ProjectStatus.Draft)
            {
                var binding = needs[r.Next(needs.Count)];
                foreach (var need in binding.Take(r.Next(1, 6)))
                {
                    links.Add(new ProjectNeed(p, need.Id));
                    matches.Add(new NeedMatch(need, NeedMatchKind.Project, p.Id, p.Title.Length > 100 ? p.Title[..100] : p.Title, "纳入项目统筹服务",
                        need.StatusChangedAt > p.CreatedAt ? p.CreatedAt : need.StatusChangedAt, designer.Id, designer.DisplayName));
                }
            }
            if (status is ProjectStatus.InProgress or ProjectStatus.Completed or ProjectStatus.Terminated)
            {
                var recorder = orgStaffId is { } id ? (id, orgStaffName) : staff[r.Next(staff.Count)];
                ctx.Projects.Add((p, list, recorder.Item1, recorder.Item2));
                ctx.ProjectLastDay[p.Id] = lastDay;
            }
        }

        foreach (var township in ctx.Townships)
        {
            var needs = ctx.NeedsForProjects.GetValueOrDefault(township.Code) ?? [];
            var pool = new NeedsBinding(needs);
            var count = PerTownship + r.Next(-4, 5);
            var places = communities.GetValueOrDefault(township.Code[..9]) ?? [];
            for (var i = 0; i < count; i++)
            {
                if (r.Next(100) < 11 && places.Count > 0)
                {
                    var c = places[r.Next(places.Count)];
                    Make(c.Code, c.Name, township.Code, [pool]);
                }
                else Make(township.Code, township.Name, township.Code, [pool]);
            }
            // Needs left over (a township with fewer projects than matched needs): the last project of the township takes them.
            if (pool.Count > 0 && projects.Count > 0 && projects[^1].AreaCode.StartsWith(township.Code[..9], StringComparison.Ordinal) && projects[^1].Status != ProjectStatus.Draft)
            {
                var p = projects[^1];
                foreach (var need in pool.Take(pool.Count))
                {
                    links.Add(new ProjectNeed(p, need.Id));
                    matches.Add(new NeedMatch(need, NeedMatchKind.Project, p.Id, p.Title.Length > 100 ? p.Title[..100] : p.Title, "纳入项目统筹服务", need.StatusChangedAt, p.DesignedById, p.DesignedByName));
                }
            }
        }
        foreach (var county in ctx.Places.Where(p => p.Level == AreaLevel.County))
        {
            var first = ctx.Townships.FirstOrDefault(t => t.Code.StartsWith(county.Code[..6], StringComparison.Ordinal));
            if (first is null) continue;
            for (var i = 0; i < 6; i++) Make(county.Code, county.Name, first.Code, null);
        }
        return await ctx.InsertAsync(projects) + await ctx.InsertAsync(funding) + await ctx.InsertAsync(indicators) + await ctx.InsertAsync(steps)
            + await ctx.InsertAsync(links) + await ctx.InsertAsync(matches);
    }

    /// <summary>The matched needs of a township not yet given a project; each project takes the next few.</summary>
    sealed class NeedsBinding(List<Need> needs)
    {
        int next;

        public int Count => needs.Count - next;

        public IEnumerable<Need> Take(int n)
        {
            var end = Math.Min(needs.Count, next + n);
            for (; next < end; next++) yield return needs[next];
        }
    }
}
