using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Features.Workforce;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Demo;

/// <summary>
/// The demo's social-work register (issue 11): every station's staff accounts are social workers of the register (linked to the
/// account), with colleagues who have no account, in each state a bureau follows — registered and valid, renewal due within 90 days
/// (short of hours), qualified without registering (due and overdue), unqualified — with continuing-education records. Dates are
/// relative to today so the states hold whenever the demo starts. Runs once: nothing happens when the register holds anyone.
/// </summary>
public static class WorkforceDemo
{
    static readonly (string Name, Sex Sex, int BirthYear, string Post, Education Education)[] Colleagues =
    [
        ("陈思远", Sex.Male, 1991, "项目主管", Education.Bachelor),
        ("刘雨婷", Sex.Female, 1996, "专职社工", Education.Bachelor),
        ("王建华", Sex.Male, 1985, "专职社工", Education.College),
        ("赵敏", Sex.Female, 1999, "社工助理", Education.College),
    ];

    static readonly string[] Given = ["晓燕", "丽华", "文静", "秀英", "海燕", "玉兰", "红梅", "雪芳"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<SocialWorker>().IgnoreQueryFilters().AnyAsync()) return;
        var sealer = sp.GetRequiredService<Sealer>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        var staff = await db.Set<StationStaff>().IgnoreQueryFilters().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.StationId, m.UserId, u.DisplayName, m.Position, m.JoinedOn, m.IsHead })
            .ToListAsync();
        var stations = await db.Stations.IgnoreQueryFilters().Where(s => staff.Select(m => m.StationId).Contains(s.Id)).ToListAsync();
        var n = 0;
        foreach (var station in stations.OrderBy(s => s.AreaCode))
        {
            var people = staff.Where(m => m.StationId == station.Id)
                .Select(m => (Name: m.DisplayName[(m.DisplayName.LastIndexOf(' ') + 1)..] is { Length: >= 2 } short_ ? short_ : m.DisplayName, Sex: Sex.Female, BirthYear: 1988,
                    Post: m.Position, Education: Education.Bachelor, UserId: (Guid?)m.UserId, Head: m.IsHead))
                .Concat(Colleagues.Select(c => (c.Name, c.Sex, c.BirthYear, c.Post, c.Education, UserId: (Guid?)null, Head: false))).ToList();
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var first17 = station.AreaCode[..6] + new DateOnly(p.BirthYear, 1 + i % 12, 1 + (n % 27)).ToString("yyyyMMdd") + (900 + n % 99).ToString("000")[..2] + (p.Sex == Sex.Male ? "1" : "2");
                var id = first17 + ResidentId.CheckChar(first17);
                n++;
                // An account's display name ends in a title (何社工, 潘站长): the register holds a person's real name.
                var name = p.UserId is null ? p.Name : p.Name[..1] + Given[n % Given.Length];
                var w = SocialWorkerForm.New(db, sealer, name, id, station.AreaCode, null, "演示数据", now);
                w.Describe(name, sealer.Seal(SensitiveKind.Phone, "139" + (10000000 + n * 7919 % 89999999).ToString("00000000")), p.Education);
                w.Employ(station.AreaCode, EmployerKind.Station, station.Id, null, station.Name, p.Post, new DateOnly(Math.Max(p.BirthYear + 23, 2012), 3, 1));
                if (p.UserId is { } user) w.LinkAccount(user);
                // The states a bureau follows, one per person in turn (the head always registered and valid).
                var state = p.Head ? 0 : i % 5;
                switch (state)
                {
                    case 0: // 社会工作师, registered on time, renewed with 96 hours: valid
                        Qualify(db, w, SocialWorkLevel.Intermediate, today.AddYears(-4).AddDays(-20), out var q0);
                        Register(db, w, q0, today.AddYears(-4), false, 0);
                        Learn(db, w, today.AddYears(-4).AddDays(60), 48, "社会工作督导能力提升培训");
                        Learn(db, w, today.AddYears(-2).AddDays(-30), 48, "省社会工作者协会继续教育网络课程");
                        Register(db, w, q0, today.AddYears(-1), true, 96 * 60);
                        Learn(db, w, today.AddMonths(-3), 24, "个案管理实务培训");
                        break;
                    case 1: // 助理社会工作师, registration ending within 90 days, 40 hours of 72
                        Qualify(db, w, SocialWorkLevel.Assistant, today.AddYears(-3).AddDays(10), out var q1);
                        Register(db, w, q1, today.AddYears(-3).AddDays(45), false, 0);
                        Learn(db, w, today.AddYears(-2), 24, "社工站轮训（第一期）");
                        Learn(db, w, today.AddMonths(-8), 16, "儿童关爱服务专题培训");
                        break;
                    case 2: // qualified five months ago: registration due
                        Qualify(db, w, SocialWorkLevel.Assistant, today.AddMonths(-5), out _);
                        break;
                    case 3: // qualified 14 months ago, never registered: overdue
                        Qualify(db, w, SocialWorkLevel.Assistant, today.AddMonths(-14), out _);
                        Learn(db, w, today.AddMonths(-6), 12, "新入职社工岗前培训");
                        break;
                    default: // not qualified yet
                        Learn(db, w, today.AddMonths(-2), 8, "社会工作职业水平考试辅导");
                        break;
                }
                await WorkforceRules.Roll(db, w);
            }
        }
        await db.SaveChangesAsync();
    }

    static void Qualify(AppDb db, SocialWorker w, SocialWorkLevel level, DateOnly on, out Qualification q)
    {
        q = new Qualification(w, level, QualificationRoute.Exam, on, $"{(level == SocialWorkLevel.Assistant ? "A" : "B")}{on:yyyy}{Math.Abs(w.Id.GetHashCode()) % 1000000:000000}");
        db.Add(q);
    }

    static void Register(AppDb db, SocialWorker w, Qualification q, DateOnly from, bool renewal, int minutes) =>
        db.Add(new Registration(w, q, renewal, from, WorkforceRules.ValidUntil(from), $"DJ{from:yyyy}{Math.Abs(HashCode.Combine(w.Id, from)) % 1000000:000000}", minutes,
            null, "演示数据", new DateTimeOffset(from.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime()));

    static void Learn(AppDb db, SocialWorker w, DateOnly on, int hours, string content) =>
        db.Add(new EducationRecord(w, EducationSource.Other, on, hours * 60, content, null, null, "演示数据",
            new DateTimeOffset(on.ToDateTime(new TimeOnly(16, 0)), ChinaTime.Offset).ToUniversalTime()));
}
