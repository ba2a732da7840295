using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Casework;
using Wushe.Features.Casework.Guardianship;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo casework in the four places, written through the use cases as the demo's people would: each township station gets a
/// head (站长) account, <see cref="Heads"/>, since the demo station worker submits and may not approve their own steps; then
/// cases at different stages (one awaiting the head's approval in every place), a returned plan, a closed case, a referral
/// from 相南街道 waiting for 东街道 and one from 市西街道 waiting for 市东街道, and guardianship assessments of the children (some overdue). Reads the
/// demo households of the lead's demo (the first community of each township); a place without households gets none.
/// </summary>
public static class CaseworkDemo
{
    /// <summary>The station heads the demo adds (password <see cref="DemoData.Password"/>): user name, display name, station's township, phone.</summary>
    public static readonly (string UserName, string DisplayName, string Township, string Phone)[] Heads =
    [
        ("shahe.zz", "沙河街道社工站 站长 孟站长", "150207001000", "13800000041"),
        ("wenhui.zz", "文汇街道社工站 站长 贺站长", "370502001000", "13800000042"),
        ("xiangnan.zz", "相南街道社工站 站长 葛站长", "340603001000", "13800000043"),
        ("shixi.zz", "市西街道社工站 站长 潘站长", "520502001000", "13800000044"),
        ("shidong.zz", "市东街道社工站 站长 聂站长", "520502002000", "13800000053"),
    ];

    /// <summary>The demo station workers (DemoData) who carry the cases, by township.</summary>
    public static readonly Dictionary<string, string> WorkerOf = new()
    {
        ["150207001000"] = "shahe", ["370502001000"] = "wenhui", ["340603001000"] = "xiangnan", ["520502001000"] = "shixi",
        ["520502002000"] = "shidong", ["150207002000"] = "saihan", ["370502002000"] = "huanghelu", ["340603002000"] = "dongjie",
    };

    /// <summary>The township stations that refer a case in the demo → the station that receives it.</summary>
    static readonly Dictionary<string, string> ReferredTo = new() { ["340603001000"] = "340603002000", ["520502001000"] = "520502002000" };

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var sealer = sp.GetRequiredService<Sealer>();
        foreach (var (township, workerName) in WorkerOf)
        {
            var station = await db.Stations.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.AreaCode == township && s.Level == StationLevel.TownshipStation);
            if (station is null) continue;
            var worker = await users.FindByNameAsync(workerName);
            if (worker is null) continue;
            var prefix = township[..9];
            if (await db.Cases().IgnoreQueryFilters().AnyAsync(c => c.AreaCode.StartsWith(prefix))) continue;
            // A township without a head account gets a case at intake only: nothing of it may wait for a head nobody can sign in as.
            if (Heads.FirstOrDefault(h => h.Township == township) is not { UserName: not null } head)
            {
                await SeedIntake(db, clock, station, Actor(worker, township));
                continue;
            }
            var headUser = await users.FindByNameAsync(head.UserName) ?? await CreateHead(db, users, sealer, clock, station, head);
            await SeedPlace(db, clock, station, Actor(worker, township), Actor(headUser, township));
        }
    }

    /// <summary>
    /// After the organizations (issue 8): in every demo township, one open case (one in service first) referred to an organization
    /// serving it that has a demo staff account (org.staff: 七星关区社工服务中心), with the client's consent. In each place's first
    /// township (…001000) the organization accepted it and wrote a first note; in the second it waits, so the staff see both.
    /// </summary>
    public static async Task ReferToOrganizationsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow();
        foreach (var (township, workerName) in WorkerOf)
        {
            var prefix = township[..9];
            if (await db.Set<CaseReferral>().IgnoreQueryFilters().AnyAsync(r => r.ToOrganizationId != null && r.AreaCode.StartsWith(prefix))) continue;
            var worker = await users.FindByNameAsync(workerName);
            if (worker is null) continue;
            var cases = await db.Cases().IgnoreQueryFilters()
                .Where(c => c.AreaCode.StartsWith(prefix) && c.Status != CaseStatus.Closed
                    && !db.Set<CaseReferral>().IgnoreQueryFilters().Any(r => r.CaseId == c.Id && r.Status == ReferralStatus.Pending))
                .OrderByDescending(c => c.Status == CaseStatus.InService).ThenBy(c => c.OpenedOn).ThenBy(c => c.Id).ToListAsync();
            foreach (var c in cases)
            {
                var serving = (await Organizations.ServingOrganizations.Of(db, c.AreaCode)).Select(o => o.Id).ToList();
                var staff = await db.RoleAssignments.IgnoreQueryFilters()
                    .Where(a => a.Role == Role.OrganizationStaff && a.OrganizationId != null && serving.Contains(a.OrganizationId.Value))
                    .OrderBy(a => a.UserId).Select(a => new { a.UserId, a.AreaCode, OrganizationId = a.OrganizationId!.Value }).FirstOrDefaultAsync();
                if (staff is null) continue;
                var actor = Actor(worker, township);
                db.ActingAs(actor);
                var consent = today.AddDays(-3) < c.OpenedOn ? c.OpenedOn : today.AddDays(-3);
                var referred = await ReferCase.Handle(db, actor, new DemoClock(now.AddDays(-2)), c.Id, new ReferCase.Request
                {
                    ToOrganizationId = staff.OrganizationId, ConsentOn = consent,
                    Reason = "服务对象需要专业心理疏导和长期陪伴，经本人同意转介社会组织协同服务，个案仍由本站负责。",
                });
                if (referred.Value is { } referral && township.EndsWith("001000", StringComparison.Ordinal)
                    && await users.FindByIdAsync(staff.UserId.ToString()) is { } staffUser)
                {
                    var member = new CurrentUser(staffUser.Id, staffUser.UserName, [new Assignment(Role.OrganizationStaff, staff.AreaCode, "", staff.OrganizationId)], null);
                    db.ActingAs(member);
                    await DecideOrganizationReferral.Handle(db, member, new DemoClock(now.AddDays(-1)), referral.Id,
                        new DecideOrganizationReferral.Request { Accept = true, Note = "已安排心理咨询师跟进。" });
                    await AddCaseNote.Handle(db, member, new DemoClock(now.AddDays(-1).AddHours(2)), c.Id,
                        new AddCaseNote.Request { Text = "机构心理咨询师首次电话联系服务对象，约定每两周上门疏导一次。" }, null);
                }
                break;
            }
        }
        db.ActingAs(CurrentUser.System);
    }

    /// <summary>One case at intake with a first note, for a township whose station has no head account in the demo.</summary>
    static async Task SeedIntake(AppDb db, TimeProvider clock, Station station, CurrentUser worker)
    {
        var today = ChinaTime.Today(clock);
        var prefix = station.AreaCode[..9];
        // "高龄独居": the oldest resident who lives alone (review7c 4: a case's problem fits its client).
        var client = await db.Set<Resident>().IgnoreQueryFilters().Where(r => r.AreaCode.StartsWith(prefix) && r.Status == ResidentStatus.Active
                && !db.Set<Resident>().IgnoreQueryFilters().Any(o => o.HouseholdId == r.HouseholdId && o.Id != r.Id && o.Status == ResidentStatus.Active))
            .OrderBy(r => r.BirthDate).ThenBy(r => r.Id).FirstOrDefaultAsync();
        if (client is null || ChinaTime.AgeOn(client.BirthDate, today) < 80) return;
        var at = new DateTimeOffset(today.AddDays(-6).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();
        db.ActingAs(worker);
        var opened = await OpenCase.Handle(db, worker, new DemoClock(at), new OpenCase.Request { ResidentId = client.Id, Problem = "高龄独居，近期记忆力下降，曾外出走失一次，子女在外地。", OpenedOn = today.AddDays(-6) });
        if (opened.Value is { } c)
            await AddCaseNote.Handle(db, worker, new DemoClock(at.AddDays(1)), c.Id, new AddCaseNote.Request { Text = "首次入户面谈：与邻居、社区网格员了解老人日常起居，约定每周两次电话问候。" }, null);
        db.ActingAs(CurrentUser.System);
    }

    static async Task<User> CreateHead(AppDb db, UserManager<User> users, Sealer sealer, TimeProvider clock, Station station,
        (string UserName, string DisplayName, string Township, string Phone) head)
    {
        db.ActingAs(CurrentUser.System);
        var user = new User(head.UserName, head.DisplayName, head.Township, clock.GetUtcNow());
        user.SetPhone(sealer.Seal(SensitiveKind.Phone, head.Phone));
        var result = await users.CreateAsync(user, DemoData.Password);
        if (!result.Succeeded) throw new InvalidOperationException("Demo head " + head.UserName + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment(user.Id, Role.StationWorker, head.Township));
        db.Set<StationStaff>().Add(new StationStaff(station, user.Id, "站长", new DateOnly(2022, 6, 1), isHead: true));
        await db.SaveChangesAsync();
        return user;
    }

    static CurrentUser Actor(User user, string township) =>
        new(user.Id, user.UserName, [new Assignment(Role.StationWorker, township, "", null)], null);

    static async Task SeedPlace(AppDb db, TimeProvider clock, Station station, CurrentUser worker, CurrentUser head)
    {
        var community = station.AreaCode[..9] + "001";
        var today = ChinaTime.Today(clock);
        var residents = await db.Set<Resident>().IgnoreQueryFilters().Where(r => r.AreaCode == community && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.BirthDate).ThenBy(r => r.Id).ToListAsync();
        if (residents.Count == 0) return;
        var children = residents.Where(r => ChinaTime.AgeOn(r.BirthDate, today) < 18).ToList();
        // Each case's client is someone its problem fits (review7c 4: no employment casework for a 75-year-old), by age, tags
        // and who lives with them; one case per person.
        var households = residents.ToLookup(r => r.HouseholdId);
        var residentIds = residents.Select(r => r.Id).ToList();
        var tagged = (await (from t in db.Set<ResidentTag>().IgnoreQueryFilters()
                             join g in db.Set<TargetGroup>().IgnoreQueryFilters() on t.TargetGroupId equals g.Id
                             where residentIds.Contains(t.ResidentId)
                             select new { t.ResidentId, g.Name }).ToListAsync()).ToLookup(t => t.ResidentId, t => t.Name);
        var taken = new HashSet<Guid>();
        int Age(Resident r) => ChinaTime.AgeOn(r.BirthDate, today);
        Resident? Client(Func<Resident, bool> fits)
        {
            var found = residents.FirstOrDefault(r => !taken.Contains(r.Id) && fits(r));
            if (found is not null) taken.Add(found.Id);
            return found;
        }
        var alone = Client(r => Age(r) >= 60 && households[r.HouseholdId].Count() == 1);
        var raisingGrandchild = Client(r => Age(r) >= 55 && r.Relation == Relation.Head
            && households[r.HouseholdId].Any(o => o.Relation == Relation.Grandchild) && households[r.HouseholdId].Any(o => o.Relation == Relation.Spouse));
        var disabledOfWorkingAge = Client(r => Age(r) is >= 18 and < 60 && tagged[r.Id].Contains(HouseholdProfile.DisabledTag));
        var parent = Client(r => Age(r) is >= 18 and < 60 && r.Relation == Relation.Head && households[r.HouseholdId].Any(o => o.Relation == Relation.Child && Age(o) < 18));
        TimeProvider Day(int daysAgo, int hour = 10) =>
            new DemoClock(new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)), ChinaTime.Offset).ToUniversalTime());

        async Task<Guid?> Open(Resident r, string problem, int daysAgo)
        {
            db.ActingAs(worker);
            var opened = await OpenCase.Handle(db, worker, Day(daysAgo),
                new OpenCase.Request { ResidentId = r.Id, Problem = problem, OpenedOn = today.AddDays(-daysAgo) });
            return opened.Value?.Id;
        }
        async Task Submit(Guid caseId, CaseStepKind kind, string content, int daysAgo, params (string Text, int InDays)[] goals)
        {
            db.ActingAs(worker);
            await SubmitCaseStep.Handle(db, worker, Day(daysAgo), caseId, new SubmitCaseStep.Request
            {
                Kind = kind, Content = content, Goals = [.. goals.Select(g => new SubmitCaseStep.Goal(g.Text, today.AddDays(g.InDays)))],
            });
        }
        async Task Decide(Guid caseId, bool approve, string comment, int daysAgo)
        {
            db.ActingAs(head);
            var step = await db.Set<CaseStep>().Where(s => s.CaseId == caseId && s.Status == StepStatus.Submitted).Select(s => s.Id).FirstAsync();
            await DecideCaseStep.Handle(db, head, Day(daysAgo, 16), step, new DecideCaseStep.Request { Approve = approve, Comment = comment });
        }
        async Task Serve(Guid caseId, Households.ServiceKind kind, string summary, int daysAgo)
        {
            db.ActingAs(worker);
            await RecordCaseService.Handle(db, worker, Day(daysAgo), caseId, new RecordCaseService.Request { Kind = kind, ServedOn = today.AddDays(-daysAgo), Summary = summary });
        }
        async Task Note(Guid caseId, string text, int daysAgo)
        {
            db.ActingAs(worker);
            await AddCaseNote.Handle(db, worker, Day(daysAgo, 18), caseId, new AddCaseNote.Request { Text = text }, null);
        }

        // 1. In service: assessed, planned, served, noted.
        if (alone is not null && await Open(alone, "独居老人，近期跌倒后行动不便，子女在外地务工，日常照料和就医存在困难，情绪低落。", 75) is { } a)
        {
            await Submit(a, CaseStepKind.Assessment, "生理：左髋部挫伤，行走需助行器；心理：孤独感强，GDS 评分提示轻度抑郁；社会支持：邻里关系良好，子女每周电话一次。", 70);
            await Decide(a, true, "评估全面，同意。", 69);
            await Submit(a, CaseStepKind.Plan, "以居家照料为主，链接医疗与志愿者资源，逐步恢复社交。", 65,
                ("每周上门探访并协助购药、复诊", 60), ("链接社区卫生服务中心家庭医生签约", 20), ("每月参加一次社区老年小组活动", 90));
            await Decide(a, true, "目标具体可行，注意跌倒风险评估。", 64);
            await Serve(a, Households.ServiceKind.LifeCare, "上门协助整理居室、加装扶手", 60);
            await Serve(a, Households.ServiceKind.Counselling, "情绪疏导，回顾生命故事", 45);
            await Serve(a, Households.ServiceKind.MedicalCare, "陪同到社区卫生服务中心复诊", 30);
            await Note(a, "与其女儿电话沟通，约定每周视频通话两次。", 28);
        }
        // 2. Awaiting the head's approval of the assessment (the journey the README shows).
        if (raisingGrandchild is not null && await Open(raisingGrandchild, "家庭经济困难，配偶重病住院，本人需照顾孙辈，压力较大。", 12) is { } b)
        {
            await Note(b, "首次入户面谈，了解家庭收支与医疗费用情况。", 11);
            await Submit(b, CaseStepKind.Assessment, "经济：医疗支出占家庭收入七成以上；照料：独自照顾上学的孙辈；需求：临时救助、照料喘息、儿童课后托管。", 2);
        }
        // 3. A plan returned with comments, then the worker's revision waiting again; or, where fewer adults, a closed case.
        if (disabledOfWorkingAge is not null && await Open(disabledOfWorkingAge, "残疾人就业意愿强烈，但缺乏技能与就业信息。", 120) is { } c)
        {
            await Submit(c, CaseStepKind.Assessment, "肢体残疾二级，出行需轮椅；高中学历，有电脑基础；家庭支持良好。", 115);
            await Decide(c, true, "", 114);
            if (station.AreaCode.StartsWith("370502", StringComparison.Ordinal))
            {
                await Submit(c, CaseStepKind.Plan, "链接残联职业技能培训，推荐辅助性就业岗位。", 110, ("完成电商客服培训", -60), ("实现稳定就业三个月", -10));
                await Decide(c, true, "", 109);
                await Serve(c, Households.ServiceKind.CaseService, "报名残联电商客服培训班", 100);
                await Serve(c, Households.ServiceKind.CaseService, "推荐至社区电商服务点就业", 70);
                await Submit(c, CaseStepKind.Closure, "目标达成：已稳定就业三个月，收入可维持基本生活，本人同意结案。", 8);
                await Decide(c, true, "同意结案，三个月后回访。", 7);
            }
            else
            {
                await Submit(c, CaseStepKind.Plan, "帮助其就业。", 110, ("找到工作", 30));
                await Decide(c, false, "目标过于笼统，请细化为可衡量的目标并注明资源链接方式。", 108);
                await Submit(c, CaseStepKind.Plan, "链接残联职业技能培训，推荐辅助性就业岗位。", 105, ("完成电商客服培训", 40), ("获得至少 2 次面试机会", 75));
                if (!station.AreaCode.StartsWith("340603", StringComparison.Ordinal)) await Decide(c, true, "", 104);
            }
        }
        // 4. 相南 → 东街道 (淮北) and 市西 → 市东 (毕节): a case referred to a neighbouring township's station (the family moved),
        // waiting for it — at a station with demo accounts (dongjie, shidong), so the waiting list can be seen (review7d 16).
        if (ReferredTo.TryGetValue(station.AreaCode, out var receiving) && parent is not null
            && await Open(parent, "单亲家庭，母亲打零工维持生活，子女入学与租房困难。", 40) is { } d)
        {
            await Submit(d, CaseStepKind.Assessment, "全家已迁往邻近街道居住，需在新居住地继续跟进子女入学事宜。", 35);
            await Decide(d, true, "建议转介至居住地社工站。", 34);
            db.ActingAs(worker);
            var receiver = (await ReferCase.Receivers(db, parent.AreaCode).ToListAsync()).FirstOrDefault(o => o.AreaCode == receiving);
            if (receiver is not null)
                await ReferCase.Handle(db, worker, Day(3), d, new ReferCase.Request { ToStationId = receiver.Id, Reason = "服务对象已迁居，需由居住地社工站继续跟进子女入学与住房问题。", ConsentOn = today.AddDays(-4) });
        }

        // Guardianship assessments of the children: half-yearly, some overdue.
        var levels = new[] { GuardianshipLevel.Adequate, GuardianshipLevel.NeedsSupport, GuardianshipLevel.Inadequate, GuardianshipLevel.Adequate };
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var daysAgo = i % 3 == 0 ? 200 : i % 3 == 1 ? 40 : 120;
            // Not before the household was registered (the assessment's rule), nor before the child was born.
            var household = await db.Set<Household>().IgnoreQueryFilters().FirstAsync(h => h.Id == child.HouseholdId);
            daysAgo = Math.Min(daysAgo, today.DayNumber - HouseholdLookups.RegisteredOn(household).DayNumber);
            if (daysAgo < 0 || today.AddDays(-daysAgo) < child.BirthDate) continue;
            var guardian = (await RecordGuardianshipAssessment.GuardiansAsync(db, child, today, default)).FirstOrDefault();
            if (guardian is null) continue;
            var level = levels[i % levels.Length];
            db.ActingAs(worker);
            // Scores that give the level (RecordGuardianshipAssessment.LevelOf: the lowest score decides).
            var (capacity, living, safety) = level switch
            {
                GuardianshipLevel.Adequate => (4, 4, 5),
                GuardianshipLevel.NeedsSupport => (3, 4, 3),
                _ => (2, 2, 3),
            };
            await RecordGuardianshipAssessment.Handle(db, worker, Day(daysAgo), new RecordGuardianshipAssessment.Request
            {
                ResidentId = child.Id, AssessedOn = today.AddDays(-daysAgo), GuardianName = guardian,
                CapacityScore = capacity, LivingScore = living, SafetyScore = safety,
                Level = level,
                // In the child's own circumstances: raised by grandparents (a grandchild) or by a parent.
                Findings = (level, child.Relation == Relation.Grandchild) switch
                {
                    (GuardianshipLevel.Adequate, _) => "监护人身体健康，能保障儿童日常生活与学习，家庭关系和睦。",
                    (GuardianshipLevel.NeedsSupport, true) => "祖辈监护，年龄偏大，辅导学业困难，儿童课后无人看护。",
                    (GuardianshipLevel.NeedsSupport, false) => "母亲独自抚养，忙于生计，儿童课后无人看护。",
                    (_, true) => "父母外出务工，祖辈监护人患慢性病，居住环境简陋，存在安全隐患。",
                    _ => "母亲独自抚养，收入微薄，居住环境简陋，存在安全隐患。",
                },
                FollowUpPlan = level == GuardianshipLevel.Adequate ? "按期复评，关注学业情况。" : "链接课后托管服务，每月电话回访，协调学校关注儿童状况。",
            });
        }
        db.ActingAs(CurrentUser.System);
    }
}
