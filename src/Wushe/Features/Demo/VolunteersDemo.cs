using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Volunteers;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo volunteers of the four places (issue 9): each demo volunteer account registered (linked, self-service), and about twenty
/// more in the demo township's first two communities, registered from paper forms by the community (no account yet: each can open
/// one on the public page with the same ID and phone), a 15-year-old with her mother's consent, a 17-year-old apprentice who supports himself, one suspended. IDs are valid and
/// of the place. Runs once: nothing happens when any volunteer exists.
/// </summary>
public static class VolunteersDemo
{
    static readonly (string Township, string Account)[] Places =
        [("520502001000", "bijie.zyz"), ("340603001000", "huaibei.zyz"), ("150207001000", "jiuyuan.zyz"), ("370502001000", "volunteer")];

    static readonly string[] Names = ["赵志诚", "钱晓梅", "孙立新", "李春燕", "周海波", "吴秀兰", "郑国庆", "王丽娟", "冯建华", "陈雪梅", "褚卫东", "卫红霞",
        "蒋文斌", "沈玉芳", "韩志刚", "杨晓燕", "朱德胜", "秦桂英", "尤明辉", "许静怡"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<Volunteer>().IgnoreQueryFilters().AnyAsync()) return;
        var sealer = sp.GetRequiredService<Sealer>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow();
        var areas = (await db.Areas.Select(a => a.Code).ToListAsync()).ToHashSet();
        var phone = 13600000000L;
        foreach (var (township, account) in Places)
        {
            if (!areas.Contains(township)) continue;
            var county = township[..6];
            var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == account);
            var communities = new[] { township[..9] + "001", township[..9] + "002" }.Where(areas.Contains).ToList();
            if (communities.Count == 0) continue;
            var serial = 0;
            Volunteer Add(string name, DateOnly birth, Sex sex, string community, VolunteerSource source, int daysAgo, VolunteerForm.Request extra, string? mobile = null)
            {
                mobile ??= (++phone).ToString(System.Globalization.CultureInfo.InvariantCulture);
                serial++;
                var first17 = county + birth.ToString("yyyyMMdd") + ((serial * 2 + (sex == Sex.Male ? 1 : 0)) % 1000).ToString("000");
                var id = first17 + ResidentId.CheckChar(first17);
                var at = now.AddDays(-daysAgo);
                var v = new Volunteer(community, $"ZY{county}{at.ToOffset(ChinaTime.Offset).Year}{serial:000000}", name, sealer.Seal(SensitiveKind.IdNumber, id),
                    birth, sex, sealer.Seal(SensitiveKind.Phone, mobile), source, null,
                    source == VolunteerSource.Staff ? "社区工作人员" : name, at);
                VolunteerForm.Apply(v, sealer, extra with { Name = name, Phone = mobile }, today);
                db.Add(v);
                return v;
            }
            if (user is not null)
            {
                var name = user.DisplayName.Replace("志愿者 ", "");
                var mine = Add(name, new DateOnly(1992, 5, 16), Sex.Female, areas.Contains(user.HomeAreaCode) && user.HomeAreaCode.Length == 12 && user.HomeAreaCode[9..] != "000" ? user.HomeAreaCode : communities[0],
                    VolunteerSource.SelfService, 400, new() { Skills = [VolunteerSkill.Companionship, VolunteerSkill.Photography], SkillNotes = "持红十字救护员证",
                        Availability = [VolunteerAvailability.Weekend, VolunteerAvailability.WeekdayEvening] }, user.Phone is { } p ? sealer.Open(p) : null);
                mine.LinkAccount(user.Id);
            }
            var skills = Volunteer.AllSkills;
            for (var i = 0; i < Names.Length; i++)
            {
                var sex = "秀兰春燕丽娟雪梅红霞玉芳晓燕桂英静怡晓梅".Contains(Names[i][1..], StringComparison.Ordinal) ? Sex.Female : Sex.Male;
                var birth = new DateOnly(1958 + i * 2 % 40, 1 + i % 12, 1 + i * 3 % 28);
                var v = Add(Names[i], birth, sex, communities[i % communities.Count], VolunteerSource.Staff, 30 + i * 17,
                    new() { Skills = [skills[i % skills.Length], skills[(i * 5 + 2) % skills.Length]], Availability = [(VolunteerAvailability)(1 << (i % 4))] });
                if (i == 7) v.SetStatus(VolunteerStatus.Suspended, "本人外出务工，申请暂停");
            }
            // Minors, by the age rules: a 15-year-old with her mother's consent, a 17-year-old apprentice who supports himself.
            Add("林小雨", today.AddYears(-15).AddDays(-40), Sex.Female, communities[0], VolunteerSource.Staff, 20,
                new() { Skills = [VolunteerSkill.Arts], GuardianName = "林秀芬", GuardianRelation = "母亲", GuardianPhone = "13612340000", GuardianConsentOn = today.AddDays(-21) });
            Add("郭小军", today.AddYears(-17).AddDays(-100), Sex.Male, communities[0], VolunteerSource.Staff, 12,
                new() { Skills = [VolunteerSkill.Repairs], SkillNotes = "汽修学徒", SelfSupporting = true });
        }
        await db.SaveChangesAsync();
        await ActivitiesAsync(db, now);
    }

    static readonly (string Title, Volunteers.Activities.VolunteerServiceKind Kind, string Target, string Place, int Days, int Hour, int Hours, int Capacity)[] Plans =
    [
        ("重阳节敬老院陪伴活动", Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled, "敬老院老人", "街道敬老院", 3, 9, 3, 8),
        ("社区环境清洁日", Volunteers.Activities.VolunteerServiceKind.Environment, "社区居民", "社区广场集合", 5, 8, 2, 20),
        ("留守儿童周末课业辅导", Volunteers.Activities.VolunteerServiceKind.Children, "辖区留守儿童", "社区新时代文明实践站", 6, 14, 2, 4),
        ("防汛物资搬运", Volunteers.Activities.VolunteerServiceKind.Emergency, "社区居民", "街道应急物资仓库", 9, 9, 4, 3),
    ];

    /// <summary>Each place's demo township publishes four activities (the first with morning and afternoon shifts); the registered volunteers sign up, one shift full with a waitlist.</summary>
    static async Task ActivitiesAsync(AppDb db, DateTimeOffset now)
    {
        var today = now.ToOffset(ChinaTime.Offset).Date;
        foreach (var (township, _) in Places)
        {
            var prefix = township[..9];
            var volunteers = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.AreaCode.StartsWith(prefix) && v.Status == VolunteerStatus.Active)
                .OrderBy(v => v.VolunteerNo).Select(v => v.Id).ToListAsync();
            if (volunteers.Count == 0) continue;
            var station = await db.Set<Stations.Station>().IgnoreQueryFilters().Where(s => s.AreaCode == township).Select(s => s.Name).FirstOrDefaultAsync() ?? "社工站";
            var taken = 0;
            foreach (var p in Plans)
            {
                var a = new Volunteers.Activities.Activity(township, p.Title, p.Kind, station, null, station, now.AddDays(-2));
                a.Describe(p.Title, p.Kind, p.Target, p.Place, null, null, null, "请穿志愿服务马甲，提前 15 分钟到达签到。", 0, null, null, 2, station);
                db.Add(a);
                var starts = new List<DateTimeOffset> { new(today.AddDays(p.Days).AddHours(p.Hour), ChinaTime.Offset) };
                if (p.Days == 3) starts.Add(starts[0].AddHours(5));
                foreach (var (start, i) in starts.Select((x, i) => (x, i)))
                {
                    var shift = new Volunteers.Activities.Shift(a, starts.Count > 1 ? (i == 0 ? "上午班" : "下午班") : "", start.ToUniversalTime(), start.AddHours(p.Hours).ToUniversalTime(), p.Capacity);
                    db.Add(shift);
                    // Sign-ups in order: the first places confirmed, the rest waitlisted.
                    var signing = volunteers.Skip(taken % volunteers.Count).Take(Math.Min(p.Capacity + 2, 6)).ToList();
                    taken += signing.Count;
                    foreach (var (v, n) in signing.Select((v, n) => (v, n)))
                        db.Add(new Volunteers.Activities.SignUp(shift, v, n < p.Capacity ? Volunteers.Activities.SignUpStatus.Confirmed : Volunteers.Activities.SignUpStatus.Waitlisted, now.AddHours(-40 + n)));
                }
            }
        }
        await db.SaveChangesAsync();
    }
}
