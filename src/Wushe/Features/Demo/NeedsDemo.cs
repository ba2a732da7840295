using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo needs (急难愁盼) in the first community of each demo township, written through the use cases as the township's station
/// worker would, at past times: one at each step of the life cycle — closed after a follow-up, resolved and waiting for it,
/// in progress and matched to an organization serving the area, accepted, rejected as a duplicate, one waiting past its
/// acceptance deadline (overdue), and two residents' own reports (one new and unverified, one resolved and rated by the
/// resident on the public page), a place's second township telling of other needs than its first. Deterministic; a township
/// that has needs of its own beyond the visits' is left alone.
/// </summary>
public static class NeedsDemo
{
    enum End { Closed, Resolved, InProgress, Matched, Accepted, Rejected, Overdue, ResidentNew, ResidentRated }

    sealed record Plan(End End, int DaysAgo, NeedCategory Category, NeedUrgency Urgency, string Title, string Description, string Requester, string Outcome);

    static readonly Plan[] Plans =
    [
        new(End.Closed, 24, NeedCategory.Housing, NeedUrgency.Urgent, "独居老人家中水管漏水", "老人独居，厨房水管漏水两天，自己无法维修，地面积水有滑倒风险。", "周桂兰", "联系社区志愿服务队上门更换水管，当天修复。"),
        new(End.Resolved, 12, NeedCategory.Safety, NeedUrgency.Normal, "小区路灯损坏，夜间出行不便", "小区北门至3号楼之间有4盏路灯不亮，老人晚上散步看不清路。", "陈建国", "协调物业更换路灯4盏，已恢复照明。"),
        new(End.InProgress, 9, NeedCategory.Disability, NeedUrgency.Normal, "残疾人家庭需要适配轮椅", "肢体残疾，现用轮椅老化，刹车失灵，希望申请适配新轮椅。", "刘德明", ""),
        new(End.Matched, 5, NeedCategory.Children, NeedUrgency.Normal, "留守儿童放学后无人看护", "父母在外务工，孩子放学后到晚饭前无人看管，希望参加课后托管。", "赵秀芳", ""),
        new(End.Accepted, 3, NeedCategory.Poverty, NeedUrgency.Urgent, "困难家庭咨询临时救助", "家庭成员突发重病，医疗费用负担重，想了解临时救助政策。", "孙立华", ""),
        new(End.Rejected, 15, NeedCategory.Environment, NeedUrgency.Normal, "反映楼下垃圾清运不及时", "楼下垃圾桶两天未清运，气味较大。", "钱玉梅", "与已受理的同一诉求重复，已并入办理。"),
        new(End.Overdue, 5, NeedCategory.Health, NeedUrgency.Normal, "老年人希望开展健康讲座", "小区老年人较多，希望社区定期开展慢病防治健康讲座。", "吴凤英", ""),
        new(End.ResidentNew, 0, NeedCategory.Safety, NeedUrgency.Normal, "楼道堆放杂物存在消防隐患", "2单元楼道堆放纸箱和旧家具，堵塞消防通道。", "郑晓东", ""),
        new(End.ResidentRated, 18, NeedCategory.ElderlyCare, NeedUrgency.Normal, "母亲行动不便，希望有人上门助浴", "母亲85岁，独自洗澡困难，子女工作忙，希望有助浴服务。", "冯丽", "联系养老服务站每周上门助浴一次。"),
    ];

    /// <summary>The second township of each place tells of other needs (a bureau's list reads as real townships, not copies).</summary>
    static readonly Plan[] OtherPlans =
    [
        new(End.Closed, 21, NeedCategory.ElderlyCare, NeedUrgency.Urgent, "高龄老人突发摔倒后需要照护", "老人在家摔倒后卧床，子女不在身边，需要临时照护和送餐。", "黄玉珍", "协调邻里互助员每日上门照看，社区食堂送餐一周。"),
        new(End.Resolved, 11, NeedCategory.Environment, NeedUrgency.Normal, "小区绿化带堆积建筑垃圾", "装修后建筑垃圾堆在绿化带两周无人清运，影响环境。", "马国强", "联系物业和环卫所清运完毕，并在单元门张贴装修垃圾投放须知。"),
        new(End.InProgress, 8, NeedCategory.Employment, NeedUrgency.Normal, "失业人员希望参加技能培训", "40岁，原工厂停产后失业，希望学习电工或家政技能再就业。", "朱海涛", ""),
        new(End.Matched, 6, NeedCategory.Legal, NeedUrgency.Normal, "老人咨询赡养纠纷法律问题", "子女不履行赡养义务，老人希望了解如何维权。", "胡秀兰", ""),
        new(End.Accepted, 2, NeedCategory.Health, NeedUrgency.Urgent, "慢性病老人需要定期测血压", "独居老人患高血压，行动不便，希望有人定期上门测量。", "林桂芳", ""),
        new(End.Rejected, 14, NeedCategory.Other, NeedUrgency.Normal, "希望社区代缴物业费", "想请社区工作人员帮忙代缴物业费。", "高建华", "属物业服务合同事项，已告知本人到物业服务中心办理。"),
        new(End.Overdue, 6, NeedCategory.Children, NeedUrgency.Normal, "希望暑期开设儿童托管班", "双职工家庭较多，暑期孩子无人照看，希望社区开设托管班。", "罗晓梅", ""),
        new(End.ResidentNew, 0, NeedCategory.Housing, NeedUrgency.Urgent, "楼顶漏水，雨天屋内渗水", "顶楼住户，连续下雨后卧室天花板渗水，家中有卧床老人。", "梁志强", ""),
        new(End.ResidentRated, 16, NeedCategory.Disability, NeedUrgency.Normal, "残疾人出行需要无障碍坡道", "单元门口台阶较高，坐轮椅无法出门，希望加装坡道。", "宋丽娟", "协调残联和物业在单元门口加装无障碍坡道。"),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var sealer = sp.GetRequiredService<Sealer>();
        // The demo writes many residents' reports from one place: the per-address limit is not the demo's to meet.
        var limits = new ResidentLimits(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wushe:Needs:ReportsPerHour"] = "1000", ["Wushe:Needs:LookupsPerHour"] = "1000",
        }).Build());
        var phone = 13600000000L;
        foreach (var (township, workerName) in CaseworkDemo.WorkerOf)
        {
            // A place's first township (…001000) and its second (…002000) tell of different needs.
            var plans = township.EndsWith("001000", StringComparison.Ordinal) ? Plans : OtherPlans;
            var community = township[..9] + "001";
            if (!await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == community)) continue;
            var prefix = township[..9];
            if (await db.Set<Need>().IgnoreQueryFilters().AnyAsync(n => n.AreaCode.StartsWith(prefix) && n.Source != NeedSource.Visit)) continue;
            var user = await users.FindByNameAsync(workerName);
            if (user is null) continue;
            var worker = new CurrentUser(user.Id, user.UserName, [new Assignment(Role.StationWorker, township, "", null)], null);
            // Referred to an organization serving the community, the one with a demo staff account first (org.staff sees its work).
            var serving = (await ServingOrganizations.Of(db, community)).Select(o => o.Id).ToList();
            var staffed = await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.OrganizationStaff && a.OrganizationId != null && serving.Contains(a.OrganizationId.Value))
                .Select(a => a.OrganizationId).FirstOrDefaultAsync();
            var organization = staffed ?? serving.Select(id => (Guid?)id).FirstOrDefault();
            var now = clock.GetUtcNow();
            foreach (var p in plans)
            {
                var raisedAt = now.AddDays(-p.DaysAgo).AddHours(-3);
                var mobile = (++phone).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Guid id;
                if (p.End is End.ResidentNew or End.ResidentRated)
                {
                    db.ActingAs(CurrentUser.System);
                    var reported = await ReportNeed.Handle(db, sealer, new DemoClock(raisedAt), limits, "demo", new ReportNeed.Request
                    {
                        AreaCode = community, Category = p.Category, Urgency = p.Urgency, Title = p.Title, Description = p.Description, Name = p.Requester, Phone = mobile, Consent = true,
                    });
                    if (!reported.IsOk) continue;
                    id = reported.Value!.Id;
                    db.ChangeTracker.Clear();
                }
                else
                {
                    db.ActingAs(worker);
                    var raised = await RaiseNeed.Handle(db, worker, sealer, new DemoClock(raisedAt), new RaiseNeed.Request
                    {
                        AreaCode = community, Category = p.Category, Urgency = p.Urgency, Title = p.Title, Description = p.Description, RequesterName = p.Requester, RequesterPhone = mobile,
                    });
                    if (!raised.IsOk) continue;
                    id = raised.Value!.Id;
                }
                db.ActingAs(worker);
                async Task Step(NeedStatus to, double hours, string? note = null) =>
                    await ChangeNeedStatus.Handle(db, worker, new DemoClock(raisedAt.AddHours(hours)), id, new ChangeNeedStatus.Request { To = to, Note = note });
                switch (p.End)
                {
                    case End.Rejected:
                        await Step(NeedStatus.Rejected, 5, p.Outcome);
                        continue;
                    case End.Overdue or End.ResidentNew:
                        continue;
                }
                await Step(NeedStatus.Accepted, 4);
                if (p.End == End.Accepted) continue;
                if (p.End is End.Closed or End.ResidentRated || organization is null)
                {
                    await MatchNeed.Handle(db, worker, new DemoClock(raisedAt.AddHours(28)), id, new MatchNeed.Request { Kind = NeedMatchKind.ResolvedDirectly, Note = p.Outcome.Length > 0 ? p.Outcome : "已联系相关部门解决。" });
                }
                else
                {
                    await MatchNeed.Handle(db, worker, new DemoClock(raisedAt.AddHours(26)), id, new MatchNeed.Request { Kind = NeedMatchKind.Organization, TargetId = organization, Note = "转介社会组织承接" });
                    if (p.End == End.Matched) continue;
                    await Step(NeedStatus.InProgress, 30);
                    if (p.End == End.InProgress) continue;
                    await Step(NeedStatus.Resolved, 24 * 5, p.Outcome);
                }
                if (p.End == End.Resolved) continue;
                if (p.End == End.ResidentRated)
                {
                    db.ChangeTracker.Clear();
                    await RateNeed.Handle(db, sealer, new DemoClock(raisedAt.AddDays(4)), limits, "demo", new RateNeed.Request { NeedNo = (await db.Set<Need>().IgnoreQueryFilters().FirstAsync(n => n.Id == id)).NeedNo, Phone = mobile, Satisfaction = 5, Comment = "服务人员很耐心，谢谢社区！" });
                    continue;
                }
                await FollowUpNeed.Handle(db, worker, new DemoClock(raisedAt.AddDays(6)), id, new FollowUpNeed.Request { Satisfaction = 5, Comment = "修得很及时", Note = "电话回访，老人表示满意" });
                await Step(NeedStatus.Closed, 24 * 7);
            }
            db.ActingAs(CurrentUser.System);
            db.ChangeTracker.Clear();
        }
    }
}
