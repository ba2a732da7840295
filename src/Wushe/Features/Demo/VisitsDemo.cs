using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Tiered visiting in the demo, as a station's books look on any day: every household of <see cref="HouseholdsDemo"/> has been
/// visited by its township's social worker, most within their card's interval (the last visit and one before it); about one in
/// seven is overdue by a few days to a few weeks; a few fall due today or this week; a major change reported was visited within
/// 24 hours, and one reported today awaits its visit (due tomorrow); one visit in each station's township is a joint visit with
/// the community's volunteer that raises a need. All through the real use cases (<see cref="RecordVisit"/>,
/// <see cref="ReportMajorChange"/>), each with a clock set at the time of the visit, so the recorded time is the visit's day.
/// Dated back from today (China time). Runs after the households exist; does nothing when visits exist already.
/// </summary>
public static class VisitsDemo
{
    /// <summary>The volunteer of each station's township (DemoData's accounts) who joins one visit.</summary>
    static readonly Dictionary<string, string> VolunteerOf = new()
    {
        ["150207001000"] = "jiuyuan.zyz", ["370502001000"] = "volunteer", ["340603001000"] = "huaibei.zyz",
    };

    /// <summary>What a household's visits are, by its place in its township's list (a cycle of 15).</summary>
    enum Plan { OnTime, Overdue, DueToday, DueThisWeek, MajorChangeVisited, MajorChangeToday, RaisesNeed }

    static Plan PlanOf(int i) => (i % 15) switch
    {
        1 or 9 => Plan.Overdue,
        2 => Plan.RaisesNeed,
        3 or 12 => Plan.DueThisWeek,
        5 => Plan.MajorChangeVisited,
        6 => Plan.DueToday,
        14 => Plan.MajorChangeToday,
        _ => Plan.OnTime,
    };

    /// <summary>What was found, in turn.</summary>
    static readonly (string Living, string Health, string Safety, ServiceKind[] Services, string Note)[] Findings =
    [
        ("居住环境整洁，生活能自理", "血压偏高，按时服药", "燃气灶已加装熄火保护", [ServiceKind.LifeCare], "协助整理药品，讲解用药时间"),
        ("屋内稍显杂乱，冬季取暖已落实", "腿脚不便，近期无跌倒", "卫生间已安装扶手", [ServiceKind.LifeCare], "帮助清理杂物，检查取暖设备"),
        ("家庭关系和睦，子女每周来电", "身体状况平稳", "无安全隐患", [ServiceKind.Counselling], "陪伴聊天，了解近期生活"),
        ("孩子按时上学，作业有人辅导", "身体健康", "家中用电安全，已提醒防溺水", [ServiceKind.Counselling], "与监护人沟通孩子学习和情绪"),
        ("低保金按时发放，基本生活有保障", "慢性病需长期用药", "房屋结构安全", [ServiceKind.LegalAid], "讲解临时救助申请条件"),
        ("照护者压力较大，照护基本到位", "认知能力有所下降", "已提醒家属锁好门窗、防走失", [ServiceKind.MedicalCare, ServiceKind.Counselling], "联系社区医生上门评估，疏导照护者情绪"),
    ];

    static readonly string[] Changes = ["户主突发脑梗住院", "独居老人在家中跌倒骨折", "房屋漏雨，部分家具受损", "监护人外出务工，孩子暂由邻居照看"];

    /// <summary>A clock at a time of a day (China time), never later than now: the recorded time of what happened that day.</summary>
    sealed class At(DateTimeOffset at, TimeProvider real) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at < real.GetUtcNow() ? at : real.GetUtcNow();
    }

    public static async Task SeedAsync(IServiceProvider sp)
    {
        using var scope = sp.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = services.GetRequiredService<AppDb>();
        if (await db.Set<Visit>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var random = new Random(20261201);
        TimeProvider On(DateOnly day) =>
            new At(new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + random.Next(0, 8), random.Next(0, 60))), ChinaTime.Offset).ToUniversalTime(), clock);

        foreach (var (township, workerName) in HouseholdsDemo.Townships())
        {
            var worker = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == workerName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            if (worker is not { } workerId) continue;
            var volunteer = VolunteerOf.TryGetValue(township, out var v)
                ? await db.Users.IgnoreQueryFilters().Where(u => u.UserName == v).Select(u => (Guid?)u.Id).FirstOrDefaultAsync() : null;
            var actor = new CurrentUser(workerId, workerName, [new Assignment(Role.StationWorker, township, "", null)], null);
            var prefix = township[..9];
            var households = await db.Set<Household>().IgnoreQueryFilters()
                .Where(h => h.AreaCode.StartsWith(prefix) && h.Status == HouseholdStatus.Active)
                .OrderBy(h => h.Id).Select(h => new { h.Id, h.CreatedAt, h.VisitEveryDays }).ToListAsync();
            for (var i = 0; i < households.Count; i++)
            {
                var h = households[i];
                var every = h.VisitEveryDays;
                var registered = DateOnly.FromDateTime(h.CreatedAt.ToOffset(ChinaTime.Offset).DateTime);
                var found = Findings[i % Findings.Length];
                var plan = PlanOf(i);

                async Task Visit(DateOnly on, bool last, RecordVisit.NeedRequest? need = null, List<Guid>? volunteers = null)
                {
                    if (on < registered || on > today) return;
                    db.ChangeTracker.Clear();
                    // An earlier visit of a household seen monthly or less often was at times a phone call.
                    var method = !last && every >= 30 && i % 3 == 0 ? VisitMethod.Phone : VisitMethod.InPerson;
                    var result = await RecordVisit.Handle(db, actor, On(on), h.Id, new RecordVisit.Request(on, method,
                        Volunteers: volunteers, LivingConditions: method == VisitMethod.Phone ? null : found.Living, Health: found.Health,
                        Safety: method == VisitMethod.Phone ? null : found.Safety, NeedsFound: need is null ? null : "行动不便，做饭困难",
                        Services: [.. found.Services], ServicesNote: found.Note,
                        FollowUps: need is null ? null : "联系社区食堂送餐", FollowUpDue: need is null ? null : on.AddDays(7), RaiseNeed: need));
                    if (!result.IsOk) throw new InvalidOperationException($"The demo visit of {on} was refused: {result.Failure!.Title}");
                }

                // The last visit: how many days ago, by the plan.
                var ago = plan switch
                {
                    Plan.Overdue => every + 1 + random.Next(Math.Max(1, Math.Min(every / 2, 20))),
                    Plan.DueToday => every,
                    Plan.DueThisWeek => every - 1 - random.Next(Math.Min(6, every - 1)),
                    Plan.RaisesNeed => Math.Min(3, every - 1),
                    Plan.MajorChangeToday => 1 + random.Next(Math.Max(1, Math.Min(every - 2, 20))),
                    _ => every <= 7 ? random.Next(0, 4) : every <= 14 ? random.Next(1, 7) : random.Next(3, every - 7),
                };
                if (plan == Plan.MajorChangeVisited)
                {
                    // Reported a few days ago, visited that day or the next (within 24 h), after an earlier routine visit.
                    var changed = today.AddDays(-(2 + random.Next(Math.Max(1, Math.Min(every - 2, 20)))));
                    await Visit(changed.AddDays(-Math.Max(3, every - 3)), last: false);
                    db.ChangeTracker.Clear();
                    var reported = await ReportMajorChange.Handle(db, On(changed), h.Id, new ReportMajorChange.Request(changed, Changes[i % Changes.Length]));
                    if (!reported.IsOk) throw new InvalidOperationException($"The demo major change was refused: {reported.Failure!.Title}");
                    var visited = changed.AddDays(random.Next(2));
                    await Visit(visited > today ? today : visited, last: true);
                    continue;
                }
                var lastOn = today.AddDays(-ago);
                // The visit before, on time (a day or two early).
                await Visit(lastOn.AddDays(-every + random.Next(0, Math.Min(3, every - 1))), last: false);
                if (plan == Plan.RaisesNeed && volunteer is { } vol)
                    await Visit(lastOn, last: true, new RecordVisit.NeedRequest(NeedCategory.ElderlyCare, NeedUrgency.Urgent, "独居老人行动不便，需要社区助餐服务"), [vol]);
                else
                    await Visit(lastOn, last: true);
                if (plan == Plan.MajorChangeToday)
                {
                    db.ChangeTracker.Clear();
                    var reported = await ReportMajorChange.Handle(db, clock, h.Id, new ReportMajorChange.Request(today, "户主夜间摔伤送医，已由邻居陪护"));
                    if (!reported.IsOk) throw new InvalidOperationException($"The demo major change was refused: {reported.Failure!.Title}");
                }
            }
        }
    }
}
