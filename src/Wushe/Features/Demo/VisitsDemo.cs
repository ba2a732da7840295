using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Tiered visiting in the demo: the households of the four places' first communities get their township's station worker
/// as responsible worker, visits (one a joint visit with the community's volunteer that raises a need) and a major change,
/// all through the real use cases, so their due dates are the rules' own. Visits are dated as far back as the household's
/// registration allows. Runs after the households exist; does nothing when visits exist already.
/// </summary>
public static class VisitsDemo
{
    /// <summary>Each demo community with its station worker and volunteer (DemoData's accounts).</summary>
    static readonly (string Community, string Worker, string? Volunteer)[] Places =
    [
        ("150207001001", "shahe", "jiuyuan.zyz"),
        ("370502001001", "wenhui", "volunteer"),
        ("340603001001", "xiangnan", "huaibei.zyz"),
        ("520502001001", "shixi", null),
    ];

    public static async Task SeedAsync(IServiceProvider sp)
    {
        using var scope = sp.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = services.GetRequiredService<AppDb>();
        if (await db.Set<Visit>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        foreach (var (community, workerName, volunteerName) in Places)
        {
            var worker = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == workerName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            var volunteer = volunteerName is null ? null : await db.Users.IgnoreQueryFilters().Where(u => u.UserName == volunteerName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            var households = await db.Set<Household>().IgnoreQueryFilters().Where(h => h.AreaCode == community && h.Status == HouseholdStatus.Active)
                .OrderBy(h => h.CreatedAt).ThenBy(h => h.Id).Select(h => new { h.Id, h.CreatedAt }).ToListAsync();
            for (var i = 0; i < households.Count; i++)
            {
                var h = households[i];
                db.ChangeTracker.Clear();
                if (worker is { } w) await AssignWorker.Handle(db, h.Id, new AssignWorker.Request(w));
                var registered = DateOnly.FromDateTime(h.CreatedAt.ToOffset(ChinaTime.Offset).DateTime);
                DateOnly Back(int days) => today.AddDays(-days) < registered ? registered : today.AddDays(-days);
                var actor = worker is { } id ? new CurrentUser(id, workerName, [new Assignment(Role.StationWorker, community[..9] + "000", "", null)], null) : CurrentUser.System;
                switch (i % 4)
                {
                    case 0: // visited long ago: overdue when the household was registered long enough ago
                        await RecordVisit.Handle(db, actor, clock, h.Id, new RecordVisit.Request(Back(97), VisitMethod.InPerson, LivingConditions: "居住环境整洁，生活能自理",
                            Health: "血压偏高，按时服药", Services: [ServiceKind.LifeCare], ServicesNote: "协助整理药品，讲解用药时间"));
                        break;
                    case 1: // a joint visit that raises a need
                        await RecordVisit.Handle(db, actor, clock, h.Id, new RecordVisit.Request(Back(3), VisitMethod.InPerson,
                            Volunteers: volunteer is { } v ? [v] : null, LivingConditions: "独居，子女在外务工", NeedsFound: "行动不便，做饭困难",
                            Services: [ServiceKind.Counselling], FollowUps: "联系社区食堂送餐", FollowUpDue: today.AddDays(7),
                            RaiseNeed: new RecordVisit.NeedRequest(NeedCategory.ElderlyCare, NeedUrgency.Urgent, "独居老人行动不便，需要社区助餐服务")));
                        break;
                    case 2: // a major change reported: due tomorrow
                        await ReportMajorChange.Handle(db, clock, h.Id, new ReportMajorChange.Request(today, "家庭成员突发疾病住院"));
                        break;
                    default: // a phone call some weeks ago
                        await RecordVisit.Handle(db, actor, clock, h.Id, new RecordVisit.Request(Back(40), VisitMethod.Phone, Health: "身体状况平稳"));
                        break;
                }
            }
        }
    }
}
