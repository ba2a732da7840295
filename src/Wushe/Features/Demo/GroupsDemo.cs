using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Casework;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo groups and community activities of the four places, through the real use cases, so that the service summary shows
/// believable figures: 九原 沙河街道第1社区 two elderly groups; 东营 文汇街道第1社区 a children's summer activity; 毕节 市西街道第1社区
/// a left-behind children's group; 淮北 相南街道第1社区 a Double Ninth community activity; and one group in each neighbouring
/// township (赛汗, 黄河路, 东街道, 市东), so that every demo township has group work. Members join on the group's first day,
/// before the sessions they attend. Members are the residents the
/// households demo registered in those communities (elders or children as the group needs, anyone when none fit); a
/// community without residents gets a few households of its own first. Dates count back from today (China time).
/// Runs once: nothing happens when a group exists already.
/// </summary>
public static class GroupsDemo
{
    sealed record Plan(string Community, GroupKind Kind, string Title, string Topic, string Target, int Planned, int StartDaysAgo,
        Func<DateOnly, DateOnly, bool> Fits, (int DaysAgo, string Theme)[] Sessions);

    static bool Elder(DateOnly birth, DateOnly today) => ChinaTime.AgeOn(birth, today) >= 60;

    static bool Child(DateOnly birth, DateOnly today) => ChinaTime.AgeOn(birth, today) < 18;

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        // The summer activity took place in July and August: this year's once August is over, else last year's.
        var summer = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 7, 10);
        var summerAgo = today.DayNumber - summer.DayNumber;
        // 重阳节 (Double Ninth) 2026 falls on 18 October; other years near enough for a demo.
        var chongyang = new DateOnly(today >= new DateOnly(today.Year, 10, 18) ? today.Year : today.Year - 1, 10, 18);
        var chongyangAgo = today.DayNumber - chongyang.DayNumber;

        Plan[] plans =
        [
            new("150207001001", GroupKind.Group, "长者健康互助小组", "慢病自我管理、健康饮食与防跌倒，增进长者之间的互助", "独居、空巢老人", 8, 84, Elder,
                [(77, "相识相知：小组契约"), (63, "慢病管理与按时服药"), (49, "健康饮食小课堂"), (35, "居家防跌倒"), (21, "互助结对")]),
            new("150207001001", GroupKind.Group, "银龄手工坊", "剪纸与编织，丰富精神生活，减少孤独感", "高龄、失能老人", 6, 40, Elder,
                [(33, "剪纸入门"), (19, "中国结编织"), (5, "作品展示")]),
            new("370502001001", GroupKind.CommunityActivity, "暑期儿童快乐营", "暑期安全教育、阅读与手工，照看双职工和困境家庭的孩子", "社区儿童", 5, summerAgo, Child,
                [(summerAgo, "防溺水安全教育"), (summerAgo - 7, "绘本共读"), (summerAgo - 14, "手工小达人"), (summerAgo - 21, "趣味运动会"), (summerAgo - 28, "结营分享会")]),
            new("520502001001", GroupKind.Group, "留守儿童成长小组", "情绪表达、学习习惯与亲子沟通（视频连线外出务工父母）", "留守儿童、困境儿童", 6, 56, Child,
                [(49, "认识我的情绪"), (35, "好习惯养成"), (21, "给爸爸妈妈的一封信"), (7, "视频连线：亲子时光")]),
            new("340603001001", GroupKind.CommunityActivity, "邻里守望·重阳敬老活动", "重阳节为辖区老人义诊、理发、包饺子，志愿者结对关爱", "辖区老年人", 1, chongyangAgo, Elder,
                [(chongyangAgo, "重阳敬老：义诊、理发与包饺子")]),
            new("150207002001", GroupKind.Group, "老年人智能手机课堂", "学用智能手机：视频通话、扫码就医、防范电信诈骗", "社区老年人", 6, 45, Elder,
                [(42, "认识智能手机"), (28, "视频通话与家人联系"), (14, "扫码就医与健康码")]),
            new("370502002001", GroupKind.Group, "困境儿童四点半课堂", "放学后作业辅导、阅读与安全教育", "困境儿童、留守儿童", 8, 50, Child,
                [(47, "开班：认识新朋友"), (40, "作业辅导与阅读"), (26, "防欺凌安全教育"), (12, "我的小小梦想")]),
            new("340603002001", GroupKind.Group, "照护者喘息支持小组", "失能老人家属照护技能与情绪减压", "失能老人照护者", 5, 35, (_, _) => true,
                [(33, "照护压力与自我关怀"), (19, "翻身与防压疮技巧")]),
            new("520502002001", GroupKind.Group, "留守老人互助小组", "结对互助、健康讲座与节日联谊", "留守老人", 6, 60, Elder,
                [(56, "结对互助启动"), (42, "慢病管理讲座"), (21, "手工联谊")]),
        ];

        var communities = plans.Select(p => p.Community).Distinct().ToList();
        if (await db.Set<Group>().AnyAsync(g => communities.Contains(g.AreaCode))) return;
        var sealer = sp.GetRequiredService<Sealer>();
        foreach (var plan in plans)
        {
            if (!await db.Areas.AnyAsync(a => a.Code == plan.Community)) continue;
            var residents = await Residents(db, sealer, clock, plan.Community);
            var fitting = residents.Where(r => plan.Fits(r.BirthDate, today)).Select(r => r.Id).ToList();
            var people = (fitting.Count >= 3 ? fitting : residents.Select(r => r.Id).ToList()).Take(12).ToList();
            if (people.Count == 0) continue;
            var worker = (await Workers.CandidatesAsync(db, plan.Community)).FirstOrDefault();
            var saved = await SaveGroup.Create(db, clock, new SaveGroup.Request(plan.Community, plan.Kind, plan.Title, plan.Topic, plan.Target, plan.Planned,
                today.AddDays(-plan.StartDaysAgo), worker?.Id));
            if (!saved.IsOk) continue;
            var id = saved.Value!.Id;
            // The members joined on the group's first day, before the sessions they attended.
            await GroupMembers.Add(db, new At(today.AddDays(-plan.StartDaysAgo), clock), id, new GroupMembers.AddRequest(people));
            for (var i = 0; i < plan.Sessions.Length; i++)
            {
                var (daysAgo, theme) = plan.Sessions[i];
                // Not everyone comes every time: one or two stay away, a different one each session.
                var attended = people.Where((_, k) => people.Count < 4 || (k + i) % 5 != 0).ToList();
                await RecordGroupSession.Handle(db, CurrentUser.System, clock, id, new RecordGroupSession.Request(today.AddDays(-daysAgo), theme,
                    Notes(theme, attended.Count, people.Count, i, Array.IndexOf(plans, plan)), attended));
            }
        }
        await FinishPastActivities(db, communities);
    }

    /// <summary>What the worker noted about a session: each one its own (review7c 5: a group's sessions had word-for-word the same notes).</summary>
    static readonly string[] Remarks =
    [
        "参与者积极互动，分享了各自的经验。",
        "社工带领大家回顾上次内容，并布置了课后小任务。",
        "个别成员的需求已记录，转入探访跟进。",
        "志愿者协助签到和现场秩序，活动按计划完成。",
        "成员反馈内容实用，希望下次增加练习时间。",
        "有成员首次主动发言，小组氛围比上次更放松。",
        "缺席成员已电话问候，约定下次参加。",
    ];

    static string Notes(string theme, int attended, int members, int session, int plan) =>
        $"围绕“{theme}”开展，应到 {members} 人，实到 {attended} 人。{Remarks[(session * 3 + plan) % Remarks.Length]}"
        + (session == 0 ? "首次活动订立了小组契约。" : "");

    /// <summary>An activity whose sessions are all held (the summer camp, the Double Ninth) is finished.</summary>
    static async Task FinishPastActivities(AppDb db, List<string> communities)
    {
        var done = await db.Set<Group>().Where(g => communities.Contains(g.AreaCode) && g.Kind == GroupKind.CommunityActivity && g.SessionsHeld >= g.PlannedSessions).Select(g => g.Id).ToListAsync();
        foreach (var id in done) await FinishGroup.Handle(db, CurrentUser.System, id);
    }

    /// <summary>A clock on a day (China noon), never later than now.</summary>
    sealed class At(DateOnly day, TimeProvider real) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).ToUniversalTime() is var at && at < real.GetUtcNow() ? at : real.GetUtcNow();
    }

    sealed record Person(Guid Id, DateOnly BirthDate);

    /// <summary>The community's active residents; when it has none yet, a few households registered through the real use case first.</summary>
    static async Task<List<Person>> Residents(AppDb db, Sealer sealer, TimeProvider clock, string community)
    {
        var found = await db.Set<Resident>().Where(r => r.AreaCode == community && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.BirthDate).ThenBy(r => r.Id).Select(r => new Person(r.Id, r.BirthDate)).ToListAsync();
        if (found.Count > 0) return found;
        (string Elder, Sex Sex, int Born, string Child, int ChildBorn)[] homes =
        [
            ("王桂兰", Sex.Female, 1944, "王小雨", 2015), ("李德福", Sex.Male, 1948, "李子涵", 2016), ("张秀英", Sex.Female, 1950, "张一诺", 2014),
            ("刘长贵", Sex.Male, 1946, "刘思琪", 2017), ("陈玉珍", Sex.Female, 1952, "陈浩然", 2013), ("赵文华", Sex.Male, 1949, "赵欣怡", 2016),
        ];
        var today = ChinaTime.Today(clock);
        var n = 0;
        foreach (var h in homes)
        {
            n++;
            var childBirth = new DateOnly(h.ChildBorn, 3 + n, 10 + n);
            await RegisterHousehold.Handle(db, CurrentUser.System, sealer, clock, new RegisterHousehold.Request(community, $"幸福路{n * 3 + 1}号",
            [
                new ResidentFields(h.Elder, h.Sex, new DateOnly(h.Born, n, 8 + n), Relation.Head),
                new ResidentFields(h.Child, n % 2 == 0 ? Sex.Male : Sex.Female, childBirth, Relation.Grandchild,
                    GuardianName: h.Elder, GuardianRelation: "祖父母", ConsentOn: today.AddMonths(-6)),
            ]));
        }
        return await db.Set<Resident>().Where(r => r.AreaCode == community && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.BirthDate).ThenBy(r => r.Id).Select(r => new Person(r.Id, r.BirthDate)).ToListAsync();
    }
}
