using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Hours;
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
        var clock0 = sp.GetRequiredService<TimeProvider>();
        if (await db.Set<Volunteer>().IgnoreQueryFilters().AnyAsync())
        {
            // A demo database seeded before teams existed gets its teams (once: TeamsAsync checks).
            await TeamsAsync(db, clock0.GetUtcNow());
            return;
        }
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
                    VolunteerSource.SelfService, 800, new() { Skills = [VolunteerSkill.Companionship, VolunteerSkill.Photography], SkillNotes = "持红十字救护员证",
                        Availability = [VolunteerAvailability.Weekend, VolunteerAvailability.WeekdayEvening] }, user.Phone is { } p ? sealer.Open(p) : null);
                mine.LinkAccount(user.Id);
            }
            var skills = Volunteer.AllSkills;
            for (var i = 0; i < Names.Length; i++)
            {
                var sex = "秀兰春燕丽娟雪梅红霞玉芳晓燕桂英静怡晓梅".Contains(Names[i][1..], StringComparison.Ordinal) ? Sex.Female : Sex.Male;
                var birth = new DateOnly(1958 + i * 2 % 40, 1 + i % 12, 1 + i * 3 % 28);
                var v = Add(Names[i], birth, sex, communities[i % communities.Count], VolunteerSource.Staff, 730 + i * 17,
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
        await HistoryAsync(db, clock);
        await TeamsAsync(db, now);
    }

    static readonly (string Title, Volunteers.Activities.VolunteerServiceKind Kind, string Place)[] Past =
    [
        ("高龄老人入户探访", Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled, "社区各小区"),
        ("文明交通劝导", Volunteers.Activities.VolunteerServiceKind.CivilizationPractice, "街道主要路口"),
        ("社区义诊与健康宣传", Volunteers.Activities.VolunteerServiceKind.Health, "社区卫生服务站"),
        ("垃圾分类宣传", Volunteers.Activities.VolunteerServiceKind.Environment, "社区广场"),
        ("留守儿童暑期课堂", Volunteers.Activities.VolunteerServiceKind.Children, "社区新时代文明实践站"),
        ("防汛值守", Volunteers.Activities.VolunteerServiceKind.Emergency, "街道应急物资仓库"),
    ];

    /// <summary>
    /// Two years of service in each place: an activity every three weeks with checked-in volunteers and their hour records (final once posted,
    /// the latest still posted, one disputed), back-filled honour hours, a few imported from the national system's file; the demo volunteer account serves often enough for ★1 and on toward ★2.
    /// Made final through <see cref="FinalizeHours"/>, so the stars and the roll-ups are the records'.
    /// </summary>
    static async Task HistoryAsync(AppDb db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var rules = VolunteerSettings.National;
        foreach (var (township, account) in Places)
        {
            var prefix = township[..9];
            var volunteers = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.AreaCode.StartsWith(prefix) && v.Status == VolunteerStatus.Active)
                .OrderBy(v => v.VolunteerNo).ToListAsync();
            if (volunteers.Count == 0) continue;
            var userId = await db.Users.Where(u => u.UserName == account).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            var mine = volunteers.FirstOrDefault(v => v.UserId == userId && userId != null);
            var station = await db.Set<Stations.Station>().IgnoreQueryFilters().Where(s => s.AreaCode == township).Select(s => s.Name).FirstOrDefaultAsync() ?? "社工站";
            for (var k = 0; k < 34; k++)
            {
                var plan = Past[k % Past.Length];
                var day = today.AddDays(-2 - k * 21);
                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + k % 3, 0)), ChinaTime.Offset);
                var hours = 3 + k % 3;
                var a = new Volunteers.Activities.Activity(township, plan.Title, plan.Kind, station, null, station, start.AddDays(-7).ToUniversalTime());
                a.Describe(plan.Title, plan.Kind, "社区居民", plan.Place, null, null, null, "请穿志愿服务马甲，提前 15 分钟到达签到。", 0, null, null, 2, station);
                db.Add(a);
                var shift = new Volunteers.Activities.Shift(a, "", start.ToUniversalTime(), start.AddHours(hours).ToUniversalTime(), 8);
                db.Add(shift);
                // Only volunteers registered by then serve (the credit record's first service never precedes the registration).
                var eligible = volunteers.Where(v => v.RegisteredAt < start).ToList();
                var team = eligible.Skip(k * 3 % Math.Max(1, eligible.Count)).Take(6).ToList();
                if (team.Count == 0) continue;
                if (mine is not null && !team.Contains(mine)) team[0] = mine;
                foreach (var (v, n) in team.Select((v, n) => (v, n)))
                {
                    var signUp = new Volunteers.Activities.SignUp(shift, v.Id, Volunteers.Activities.SignUpStatus.Confirmed, start.AddDays(-5).AddHours(n).ToUniversalTime());
                    db.Add(signUp);
                    var arrived = start.AddMinutes(-10 + n * 3);
                    var left = start.AddHours(hours).AddMinutes(n % 2 == 0 ? 5 : -40);
                    signUp.CheckIn(arrived.ToUniversalTime(), CheckInCodes.UnixMinute(arrived));
                    var credit = VolunteerHours.Credited(arrived, left, start, start.AddHours(hours), rules);
                    signUp.CheckOut(left.ToUniversalTime(), credit.Reason ?? "");
                    if (credit.Minutes == 0) continue;
                    var record = new HourRecord(township, v.Id, HourRecordKind.Attendance, station, plan.Title, arrived > start ? arrived : start, left, credit.Minutes,
                        day, HourPosting.FinalOn(day, rules.PostingDays), null, station, left).ForShift(a.Id, a.OrganizationId, shift.Id, signUp.Id);
                    if (k == 0 && n == 1) record.Dispute("我当天服务到结束，签退时手机没电，实际服务满 " + hours + " 小时", now.AddHours(-20));
                    db.Add(record);
                }
            }
            // Offline service, back-filled with the reason and the evidence.
            foreach (var (v, n) in volunteers.Take(4).Select((v, n) => (v, n)))
            {
                var day = today.AddDays(-30 - n * 45);
                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset);
                db.Add(new HourRecord(township, v.Id, HourRecordKind.Honour, station, "疫情防控卡口值守", start, start.AddHours(4), 240, day.AddDays(2),
                    HourPosting.FinalOn(day.AddDays(2), rules.PostingDays), null, station, start.AddDays(2)).Because("卡口无网络，使用纸质签到表", "纸质签到表（存社区档案）、值守照片 2 张"));
            }
            // Service recorded in the national volunteer service information system before the platform, imported from its file (全国系统对接).
            foreach (var (v, n) in volunteers.Skip(4).Take(3).Select((v, n) => (v, n)))
            {
                var day = today.AddDays(-120 - n * 20);
                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), ChinaTime.Offset);
                db.Add(new HourRecord(v.AreaCode, v.Id, HourRecordKind.Imported, "区新时代文明实践中心", "文明交通劝导", start, start.AddHours(3), 180, today.AddDays(-60),
                    HourPosting.FinalOn(today.AddDays(-60), rules.PostingDays), null, "区志愿服务联合会",
                    new DateTimeOffset(today.AddDays(-60).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset))
                    .Because("“文明交通 你我同行”志愿服务", $"全国志愿服务信息系统导入：全国系统服务记录_{today.Year}.xlsx 第 {n + 2} 行（导入人 {station}）"));
            }
            if (mine is not null)
                for (var m = 1; m <= 10; m++)
                {
                    var day = today.AddDays(-m * 60 - 7);
                    var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), ChinaTime.Offset);
                    db.Add(new HourRecord(township, mine.Id, HourRecordKind.Honour, station, "结对帮扶独居老人（每周上门）", start, start.AddHours(6), 360, day.AddDays(1),
                        HourPosting.FinalOn(day.AddDays(1), rules.PostingDays), null, station, start.AddDays(1)).Because("结对帮扶按月汇总补录", "老人签字的帮扶记录本"));
                }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await FinalizeHours.RunAsync(db, clock);
    }

    static readonly (string Title, Volunteers.Activities.VolunteerServiceKind Kind, string Target, string Place, int Days, int Hour, int Hours, int Capacity)[] Plans =
    [
        ("重阳节敬老院陪伴活动", Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled, "敬老院老人", "街道敬老院", 3, 9, 3, 8),
        ("社区环境清洁日", Volunteers.Activities.VolunteerServiceKind.Environment, "社区居民", "社区广场集合", 5, 8, 2, 20),
        ("留守儿童周末课业辅导", Volunteers.Activities.VolunteerServiceKind.Children, "辖区留守儿童", "社区新时代文明实践站", 6, 14, 2, 4),
        ("防汛物资搬运", Volunteers.Activities.VolunteerServiceKind.Emergency, "社区居民", "街道应急物资仓库", 9, 9, 4, 3),
    ];

    /// <summary>
    /// Each place's demo township publishes four activities (the first with morning and afternoon shifts); the registered volunteers sign
    /// up, one shift full with a waitlist. The place's demo organization account's organization publishes one more, under its registered
    /// name and for a project it implements when it has one (its staff keep it; issue 9's organizers).
    /// </summary>
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
            // The demo organization of the place (the one its organization account acts for, registered above the township).
            var organizations = await db.RoleAssignments.IgnoreQueryFilters().Where(r => r.Role == Role.OrganizationStaff && r.OrganizationId != null)
                .Select(r => r.OrganizationId!.Value).Distinct().ToListAsync();
            // Registered at the county or the city above the township (淮北's is the city's).
            var organization = (await db.Set<Organizations.Organization>().IgnoreQueryFilters()
                    .Where(o => organizations.Contains(o.Id) && o.Status == Organizations.OrganizationStatus.Registered)
                    .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.AreaCode }).ToListAsync())
                .FirstOrDefault(o => Platform.Areas.AreaCode.Covers(o.AreaCode, township));
            if (organization is null) continue;
            var project = await db.Set<Projects.Project>().IgnoreQueryFilters()
                .Where(x => x.OrganizationId == organization.Id && (x.Status == Projects.ProjectStatus.InProgress || x.Status == Projects.ProjectStatus.Approved))
                .Select(x => (Guid?)x.Id).FirstOrDefaultAsync();
            var first = township[..9] + "001";
            var community = await db.Areas.AnyAsync(x => x.Code == first) ? first : township;
            var held = new Volunteers.Activities.Activity(community, "独居老人助餐送餐", Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled,
                organization.Name, null, organization.Name, now.AddDays(-1), organization.Id);
            held.Describe("独居老人助餐送餐", Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled, "辖区独居老人", "社区长者食堂", null, null, null,
                "协助长者食堂分餐，为行动不便的独居老人送餐上门。", 0, project, null, 2, organization.Name);
            db.Add(held);
            var lunch = new DateTimeOffset(today.AddDays(4).AddHours(10.5), ChinaTime.Offset);
            var lunchShift = new Volunteers.Activities.Shift(held, "午餐班", lunch.ToUniversalTime(), lunch.AddHours(2).ToUniversalTime(), 6);
            db.Add(lunchShift);
            foreach (var (v, n) in volunteers.Skip(1).Take(3).Select((v, n) => (v, n)))
                db.Add(new Volunteers.Activities.SignUp(lunchShift, v, Volunteers.Activities.SignUpStatus.Confirmed, now.AddHours(-20 + n)));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Teams of each place (once: nothing happens when any team exists): the township station's 红马甲 team led by the place's demo
    /// volunteer account (in 文汇街道 the account <c>volunteer</c>), a community's 夕阳红 team and a 青春志愿 team, with members, a pending
    /// application each; and one activity open to the 红马甲 team only, with members signed up.
    /// </summary>
    static async Task TeamsAsync(AppDb db, DateTimeOffset now)
    {
        if (await db.Set<Volunteers.Teams.Team>().IgnoreQueryFilters().AnyAsync()) return;
        var today = now.ToOffset(ChinaTime.Offset).Date;
        foreach (var (township, _) in Places)
        {
            var prefix = township[..9];
            var volunteers = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => v.AreaCode.StartsWith(prefix) && v.Status == VolunteerStatus.Active)
                .OrderBy(v => v.VolunteerNo).Select(v => new { v.Id, v.AreaCode, v.UserId }).ToListAsync();
            if (volunteers.Count < 6) continue;
            var names = await db.Areas.Where(a => a.Code.StartsWith(prefix)).Select(a => new { a.Code, a.Name }).ToListAsync();
            string NameOf(string code) => names.FirstOrDefault(n => n.Code == code)?.Name ?? "";
            var station = await db.Set<Stations.Station>().IgnoreQueryFilters().Where(s => s.AreaCode == township).Select(s => s.Name).FirstOrDefaultAsync() ?? NameOf(township) + "社工站";
            var communities = volunteers.Select(v => v.AreaCode).Distinct().Order().ToList();
            var plans = new List<(string Area, Volunteers.Teams.TeamOwnerKind Owner, string OwnerName, string Name, string Brand, Volunteers.Activities.VolunteerServiceKind Kind, string About, int Years)>
            {
                (township, Volunteers.Teams.TeamOwnerKind.Station, station, NameOf(township) + "红马甲志愿服务队", "红马甲", Volunteers.Activities.VolunteerServiceKind.CommunityService,
                    "入户探访高龄独居老人、政策宣传、社区应急值守", 3),
                (communities[0], Volunteers.Teams.TeamOwnerKind.Community, NameOf(communities[0]), NameOf(communities[0]) + "夕阳红志愿服务队", "夕阳红",
                    Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled, "低龄老人帮高龄老人：结对陪伴、代购代办", 5),
                (communities[^1], Volunteers.Teams.TeamOwnerKind.Community, NameOf(communities[^1]), NameOf(communities[^1]) + "青春志愿服务队", "青春志愿",
                    Volunteers.Activities.VolunteerServiceKind.Children, "周末课业辅导、暑期托管、亲子阅读", 1),
            };
            Volunteers.Teams.Team? redVest = null;
            var memberIds = new List<Guid>();
            for (var i = 0; i < plans.Count; i++)
            {
                var p = plans[i];
                var team = new Volunteers.Teams.Team(p.Area, p.Name, p.Owner, null, p.OwnerName, null, station, now.AddDays(-300 + i * 40));
                team.Describe(p.Name, p.Brand, p.Kind, p.About, DateOnly.FromDateTime(today.AddYears(-p.Years).AddDays(-20 * i)));
                db.Add(team);
                redVest ??= team;
                // Members: the red-vest team takes the township's first eight (the demo account its leader), the others a few each.
                var take = i == 0 ? volunteers.Take(8).ToList() : volunteers.Where(v => v.AreaCode == p.Area).Skip(i).Take(4).ToList();
                foreach (var (v, n) in take.Select((v, n) => (v, n)))
                {
                    var m = new Volunteers.Teams.TeamMember(team, v.Id, Volunteers.Teams.MembershipStatus.Active, now.AddDays(-200 + n * 7));
                    m.Approve(m.AppliedAt, station);
                    if (i == 0 && v.UserId is not null) m.SetRole(Volunteers.Teams.TeamRole.Leader);
                    else if (n == 0) m.SetRole(i == 0 ? Volunteers.Teams.TeamRole.DeputyLeader : Volunteers.Teams.TeamRole.Leader);
                    db.Add(m);
                    if (i == 0) memberIds.Add(v.Id);
                }
                // One application waiting for the leader or the station.
                if (volunteers.FirstOrDefault(v => take.All(t => t.Id != v.Id) && (i == 0 || v.AreaCode == p.Area)) is { } applicant)
                    db.Add(new Volunteers.Teams.TeamMember(team, applicant.Id, Volunteers.Teams.MembershipStatus.Pending, now.AddDays(-1 - i)));
            }
            // The team's own activity: open to the red-vest team only.
            var a = new Volunteers.Activities.Activity(township, "红马甲队入户探访高龄独居老人", Volunteers.Activities.VolunteerServiceKind.ElderlyAndDisabled, station, null, station, now.AddDays(-1));
            a.Describe(a.Title, a.Kind, "辖区高龄独居老人", "街道社工站集合，分组入户", null, null, null, "仅限红马甲志愿服务队队员报名；请佩戴队旗和工作证。", VolunteerSkill.Companionship, null, null, 2, station);
            a.Open(Volunteers.Activities.ActivityOpenTo.ChosenTeams);
            db.Add(a);
            db.Add(new Volunteers.Activities.ActivityTeam(a, redVest!.Id));
            var start = new DateTimeOffset(today.AddDays(4).AddHours(9), ChinaTime.Offset);
            var shift = new Volunteers.Activities.Shift(a, "上午班", start.ToUniversalTime(), start.AddHours(3).ToUniversalTime(), 6);
            db.Add(shift);
            // Members without an account signed up (the demo accounts keep their own choice); their other sign-ups are in other days.
            foreach (var (v, n) in volunteers.Where(v => v.UserId is null && memberIds.Contains(v.Id)).Take(3).Select((v, n) => (v, n)))
                db.Add(new Volunteers.Activities.SignUp(shift, v.Id, Volunteers.Activities.SignUpStatus.Confirmed, now.AddHours(-20 + n)));
        }
        await db.SaveChangesAsync();
    }
}
