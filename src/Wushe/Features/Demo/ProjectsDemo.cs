using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo projects (项目), written through the use cases at past times: in each demo township the station worker designs one from
/// two needs raised from the township's households shortly before, implemented by an organization serving it (the one with a demo staff account first), funded from
/// two or three sources; where the township's station has a head (…zz) it is approved, started and delivered by the
/// organization's staff (or the worker) — otherwise it waits as a draft for approval. The first township of a place runs an
/// elderly-care project with the Jiuyuan indicators; in 沙河街道 (九原区) its records recreate the Jiuyuan report's figures exactly
/// (文化类社区活动9场，入户探访和生活照料65次，医疗护理服务3次，个案服务对象15人，小组服务活动7场，受益约1000人); the second township a
/// children's project. Deterministic; a township with a project of its own is left alone.
/// </summary>
public static class ProjectsDemo
{
    /// <summary>The Jiuyuan figures (a place's first township) and a smaller set for the others.</summary>
    sealed record Shape(int Events, int Visits, int LifeCare, int Medical, int CaseClients, int Groups, int Beneficiaries);

    static readonly Shape Jiuyuan = new(9, 40, 25, 3, 15, 7, 1000);
    static readonly Shape Smaller = new(4, 14, 8, 1, 6, 3, 320);

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var sealer = sp.GetRequiredService<Wushe.Platform.Sensitive.Sealer>();
        foreach (var (township, workerName) in CaseworkDemo.WorkerOf)
        {
            var prefix = township[..9];
            if (await db.Set<Project>().IgnoreQueryFilters().AnyAsync(p => p.AreaCode.StartsWith(prefix))) continue;
            var user = await users.FindByNameAsync(workerName);
            if (user is null) continue;
            var worker = new CurrentUser(user.Id, user.UserName, [new Assignment(Role.StationWorker, township, "", null)], null);
            var serving = (await ServingOrganizations.Of(db, township)).Select(o => o.Id).ToList();
            if (serving.Count == 0) continue;
            var staffAssignment = await db.RoleAssignments.IgnoreQueryFilters()
                .Where(a => a.Role == Role.OrganizationStaff && a.OrganizationId != null && serving.Contains(a.OrganizationId.Value))
                .Select(a => new { a.UserId, a.OrganizationId, a.AreaCode }).FirstOrDefaultAsync();
            var organization = staffAssignment?.OrganizationId ?? serving[0];
            var staffUser = staffAssignment is null ? null : await users.FindByIdAsync(staffAssignment.UserId.ToString());
            var deliverer = staffUser is null ? worker
                : new CurrentUser(staffUser.Id, staffUser.UserName, [new Assignment(Role.OrganizationStaff, staffAssignment!.AreaCode, "", organization)], null);
            var headUser = await users.FindByNameAsync(workerName + ".zz");
            var head = headUser is null ? null : new CurrentUser(headUser.Id, headUser.UserName, [new Assignment(Role.StationWorker, township, "", null)], null);

            var first = township.EndsWith("001000", StringComparison.Ordinal);
            var shape = township == "150207001000" ? Jiuyuan : Smaller;
            var now = clock.GetUtcNow();
            var today = Platform.ChinaTime.Today(clock);
            var start = today.AddDays(-150);
            db.ActingAs(worker);
            // The needs the project answers: raised from two of the township's households before it was designed and accepted (the
            // timeline runs forward; their members are the record form's first residents).
            var needIds = new List<Guid>();
            // Households whose members fit what the need says (an elder living alone, an elder; a child): DemoProfiles' rule.
            var candidates = await db.Set<Household>().IgnoreQueryFilters().Where(h => h.AreaCode.StartsWith(prefix)).OrderBy(h => h.Id).Take(300)
                .Select(h => new { h.Id, h.AreaCode, h.HeadName }).ToListAsync();
            var profiles = await HouseholdProfile.LoadAsync(db, [.. candidates.Select(h => h.Id)], today);
            var fitting = first
                ? new[] { candidates.FirstOrDefault(h => profiles[h.Id] is { Elderly: true, Alone: true }), candidates.FirstOrDefault(h => profiles[h.Id] is { Elderly: true, Alone: false }) }
                : new[] { candidates.FirstOrDefault(h => profiles[h.Id].Minor), candidates.LastOrDefault(h => profiles[h.Id].Minor) };
            var households = fitting.Where(h => h is not null).Select(h => h!).DistinctBy(h => h.Id).ToList();
            foreach (var (h, i) in households.Select((h, i) => (h, i)))
            {
                var raisedAt = now.AddDays(-175 + i * 3);
                var (category, title, description) = first
                    ? (NeedCategory.ElderlyCare, i == 0 ? "独居老人需要定期探访和生活照料" : "老人行动不便，希望有人上门助医", i == 0 ? "老人独居，子女在外地，日常买菜做饭困难，希望有人定期上门看看。" : "老人患慢性病，行动不便，希望有人定期上门测血压并陪同就医。")
                    : (NeedCategory.Children, i == 0 ? "困境儿童放学后无人陪伴" : "儿童学习和心理需要关爱", i == 0 ? "孩子放学后家中无人辅导作业，希望有人陪伴学习。" : "孩子性格内向，成绩下滑，家长希望有人陪伴疏导。");
                db.ActingAs(worker);
                var raised = await RaiseNeed.Handle(db, worker, sealer, new DemoClock(raisedAt), new RaiseNeed.Request
                {
                    AreaCode = h.AreaCode, HouseholdId = h.Id, Category = category, Urgency = NeedUrgency.Normal, Title = title, Description = description, RequesterName = h.HeadName,
                });
                db.ChangeTracker.Clear();
                if (!raised.IsOk) continue;
                await ChangeNeedStatus.Handle(db, worker, new DemoClock(raisedAt.AddHours(20)), raised.Value!.Id, new ChangeNeedStatus.Request { To = NeedStatus.Accepted });
                db.ChangeTracker.Clear();
                needIds.Add(raised.Value!.Id);
            }
            var request = first ? Elderly(township, organization, start, shape, needIds) : Children(township, organization, start, needIds);
            var saved = await SaveProject.Handle(db, worker, new DemoClock(now.AddDays(-160)), null, request);
            db.ChangeTracker.Clear();
            if (!saved.IsOk || head is null) continue;
            var id = saved.Value!.Id;
            db.ActingAs(head);
            await ChangeProjectStatus.Handle(db, head, new DemoClock(now.AddDays(-156)), id, new ChangeProjectStatus.Request { To = ProjectStatus.Approved, Note = "项目设计符合社区需求，同意立项。" });
            db.ActingAs(deliverer);
            await ChangeProjectStatus.Handle(db, deliverer, new DemoClock(now.AddDays(-151)), id, new ChangeProjectStatus.Request { To = ProjectStatus.InProgress });
            db.ChangeTracker.Clear();
            var people = await db.Set<Resident>().IgnoreQueryFilters().Where(r => r.AreaCode.StartsWith(prefix) && r.Status == ResidentStatus.Active)
                .OrderBy(r => r.Id).Take(40).Select(r => r.Id).ToListAsync();
            if (people.Count < shape.CaseClients + 5) continue;
            await Deliver(db, deliverer, now, start, today, id, first ? shape : Smaller with { Events = 3, Visits = 6, LifeCare = 0, Medical = 0, CaseClients = 4, Groups = 5, Beneficiaries = 260 }, people);
            await Evaluate(db, head, deliverer, now, id, first);
            db.ActingAs(CurrentUser.System);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The mid-term evaluation (opened by the head, self-assessed by the organization, reviewed: 合格) and two satisfaction surveys
    /// (45 of 48 satisfied, 93.7%, in a place's first township; 28 of 32, 87.5%, short of Bijie's 90%, in the second).
    /// </summary>
    static async Task Evaluate(AppDb db, CurrentUser head, CurrentUser deliverer, DateTimeOffset now, Guid id, bool first)
    {
        db.ChangeTracker.Clear();
        db.ActingAs(head);
        var opened = await OpenProjectEvaluation.Handle(db, head, new DemoClock(now.AddDays(-80)), id, new OpenProjectEvaluation.Request { Stage = EvaluationStage.MidTerm });
        db.ChangeTracker.Clear();
        if (opened.IsOk)
        {
            db.ActingAs(deliverer);
            await SelfAssessProject.Handle(db, deliverer, new DemoClock(now.AddDays(-76)), id, opened.Value!.Id, new ScoreProjectEvaluation.Request
            {
                Scores = first ? [18, 32, 14, 14, 13] : [17, 28, 13, 12, 12],
                Comment = "项目按计划推进，入户探访和社区活动均按月开展，服务档案齐全；个案服务对象的确定略慢于计划，下阶段加强与社区网格员的对接。",
            });
            db.ChangeTracker.Clear();
            db.ActingAs(head);
            await ReviewProjectEvaluation.Handle(db, head, new DemoClock(now.AddDays(-70)), id, opened.Value!.Id, new ScoreProjectEvaluation.Request
            {
                Scores = first ? [17, 30, 13, 14, 12] : [16, 25, 12, 11, 10],
                Comment = "服务记录真实完整，指标进度符合预期。建议完善服务对象需求评估表，结项前补充服务成效案例。",
            });
            db.ChangeTracker.Clear();
        }
        db.ActingAs(deliverer);
        var rounds = first
            ? new[] { (-60, SurveyMethod.Paper, 18, 12, 2, 0, 0, "重阳节活动现场发放问卷"), (-12, SurveyMethod.HomeVisit, 10, 5, 1, 0, 0, "入户回访独居老人") }
            : new[] { (-55, SurveyMethod.Paper, 10, 8, 3, 1, 0, "成长小组结束时发放问卷"), (-15, SurveyMethod.Phone, 5, 5, 0, 0, 0, "电话回访家长") };
        foreach (var (days, method, very, satisfied, neutral, dissatisfied, veryDissatisfied, note) in rounds)
        {
            await RecordSatisfactionSurvey.Handle(db, deliverer, new DemoClock(now.AddDays(days)), id, new RecordSatisfactionSurvey.Request
            {
                SurveyedOn = Platform.ChinaTime.Today(new DemoClock(now.AddDays(days))), Method = method, VerySatisfied = very, Satisfied = satisfied, Neutral = neutral,
                Dissatisfied = dissatisfied, VeryDissatisfied = veryDissatisfied, Note = note,
            });
            db.ChangeTracker.Clear();
        }
    }

    static SaveProject.Request Elderly(string township, Guid organization, DateOnly start, Shape s, List<Guid> needIds) => new()
    {
        AreaCode = township, Title = "“银龄守护”困境老人关爱服务项目", Focus = FocusArea.ElderlyCare, TargetGroups = "独居、空巢、失能半失能及高龄困难老人",
        Summary = "以社区为平台、社工为支撑、社会组织为载体，整合社区慈善基金与志愿服务资源，为辖区困境老人提供入户探访、生活照料、医疗护理、个案跟进和文化活动等服务。",
        PlannedActivities = "每月入户探访和生活照料不少于 5 次；每季度开展文化类社区活动 2 场；开展小组服务活动；为重点老人建立个案。",
        OrganizationId = organization, StartOn = start, EndOn = start.AddYears(1).AddDays(-1), BudgetYuan = 120000m,
        Funding =
        [
            new() { Source = ProjectFundingSource.CommunityFund, AmountYuan = 30000m, Note = "社区慈善基金" },
            new() { Source = ProjectFundingSource.WelfareLottery, AmountYuan = 60000m, Note = "福彩公益金" },
            new() { Source = ProjectFundingSource.EnterpriseDonation, AmountYuan = 30000m, Note = "辖区企业捐赠" },
        ],
        Indicators =
        [
            new() { Name = "开展文化类社区活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.CommunityActivity], Target = s.Events + 1, Unit = "场" },
            new() { Name = "入户探访和生活照料", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.HomeVisit, ServiceKind.LifeCare], Target = s.Visits + s.LifeCare - 5, Unit = "次" },
            new() { Name = "医疗护理服务", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.MedicalCare], Target = s.Medical + 2, Unit = "次" },
            new() { Name = "确定个案服务对象", Measure = IndicatorMeasure.People, Kinds = [ServiceKind.CaseService], Target = s.CaseClients, Unit = "人" },
            new() { Name = "开展小组服务活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.GroupService], Target = s.Groups + 1, Unit = "场" },
            new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Target = s.Beneficiaries, Unit = "人" },
        ],
        NeedIds = needIds,
    };

    static SaveProject.Request Children(string township, Guid organization, DateOnly start, List<Guid> needIds) => new()
    {
        AreaCode = township, Title = "“童伴成长”困境儿童关爱项目", Focus = FocusArea.WomenAndChildren, TargetGroups = "留守儿童、困境儿童及其家庭",
        Summary = "链接学校、社区和志愿者，为困境儿童提供课后陪伴、成长小组和家庭探访，协助落实监护责任。",
        PlannedActivities = "每周课后陪伴小组 1 次；每月家庭探访；寒暑假开展主题活动。",
        OrganizationId = organization, StartOn = start, EndOn = start.AddMonths(10), BudgetYuan = 80000m,
        Funding =
        [
            new() { Source = ProjectFundingSource.GovernmentPurchase, AmountYuan = 50000m, Note = "政府购买社会工作服务" },
            new() { Source = ProjectFundingSource.UnitedFront, AmountYuan = 20000m, Note = "统战帮扶资金" },
            new() { Source = ProjectFundingSource.CommunityFund, AmountYuan = 10000m, Note = "社区慈善基金" },
        ],
        Indicators =
        [
            new() { Name = "开展成长小组活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.GroupService], Target = 20, Unit = "场" },
            new() { Name = "家庭探访", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.HomeVisit], Target = 24, Unit = "次" },
            new() { Name = "确定个案服务对象", Measure = IndicatorMeasure.People, Kinds = [ServiceKind.CaseService], Target = 8, Unit = "人" },
            new() { Name = "开展主题活动", Measure = IndicatorMeasure.Times, Kinds = [ServiceKind.CommunityActivity], Target = 4, Unit = "场" },
            new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Target = 400, Unit = "人" },
        ],
        NeedIds = needIds,
    };

    /// <summary>
    /// The records that give exactly <paramref name="s"/>: the people registered are drawn from <paramref name="people"/>, the events'
    /// head counts make up the rest of the beneficiaries (unique registered + head counts = s.Beneficiaries).
    /// </summary>
    static async Task Deliver(AppDb db, CurrentUser by, DateTimeOffset now, DateOnly start, DateOnly today, Guid id, Shape s, List<Guid> people)
    {
        var span = Math.Max(1, today.DayNumber - start.DayNumber);
        var n = 0;
        async Task Add(ServiceKind kind, string title, string place, List<Guid> residents, int heads, int party, int social, int volunteers, string notes = "")
        {
            n++;
            var on = start.AddDays(Math.Min(span, n * 7 % span + 1));
            db.ChangeTracker.Clear();
            await RecordProjectActivity.Handle(db, by, new DemoClock(now), id, new RecordProjectActivity.Request
            {
                Kind = kind, HeldOn = on, Title = title, Place = place, PartyWorkers = party, SocialWorkers = social, Volunteers = volunteers,
                ResidentIds = residents, HeadCount = heads, Notes = notes,
            });
        }
        var cases = people.Take(s.CaseClients).ToList();
        var others = people.Skip(s.CaseClients).ToList();
        for (var i = 0; i < s.CaseClients; i++) await Add(ServiceKind.CaseService, "个案跟进", "服务对象家中", [cases[i]], 0, 0, 1, 0, "评估需求，制定服务计划。");
        for (var i = 0; i < s.Visits; i++) await Add(ServiceKind.HomeVisit, "入户探访", "服务对象家中", [people[i % people.Count]], 0, i % 3 == 0 ? 1 : 0, 1, i % 2);
        for (var i = 0; i < s.LifeCare; i++) await Add(ServiceKind.LifeCare, i % 2 == 0 ? "助洁服务" : "代购送餐", "服务对象家中", [cases[i % cases.Count]], 0, 0, 1, 1);
        for (var i = 0; i < s.Medical; i++) await Add(ServiceKind.MedicalCare, "上门健康检查", "服务对象家中", [cases[i % cases.Count]], 0, 0, 1, 1, "联合社区卫生服务站测量血压、血糖。");
        for (var i = 0; i < s.Groups; i++) await Add(ServiceKind.GroupService, "老年人互助小组", "社区活动室", [.. others.Skip(i % 3 * 5).Take(6)], 0, 1, 2, 2);
        // Everyone registered so far is counted once; the events' head counts bring the beneficiaries to the figure.
        db.ChangeTracker.Clear();
        var registered = (await ProjectRules.ActualsAsync(db, id)).Delivered.People;
        var heads = Math.Max(s.Events, s.Beneficiaries - registered);
        for (var i = 0; i < s.Events; i++)
        {
            var share = heads / s.Events + (i < heads % s.Events ? 1 : 0);
            await Add(ServiceKind.CommunityActivity, i % 3 == 0 ? "重阳节文艺汇演" : i % 3 == 1 ? "健康知识讲座" : "邻里手工坊", "社区广场", [], share, 2, 3, 8);
        }
    }
}
