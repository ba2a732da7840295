using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Trainings;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo trainings (issue 11). In each of the four places, a course of each kind in the last months — the station people of the register
/// enrolled, their attendance recorded and credited to their continuing education, a few certificates issued, a colleague or two not on
/// the register — and one course still to come. For Bijie (毕节市), the 62 courses of 2023 its report counts ("62期培训"), city and counties,
/// rotating, ordered-from-above and east–west cooperation training, with their trainees (people not on the register, generated) and a
/// few of the register's people. Dates relative to today for the recent ones; instants in UTC. Runs once: nothing happens when any
/// training exists.
/// </summary>
public static class TrainingsDemo
{
    /// <summary>Courses of Bijie in 2023 by kind: 42 rotating, 12 ordered from above, 7 east–west, 1 other = 62.</summary>
    public static readonly (TrainingKind Kind, int Courses)[] Bijie2023 = [(TrainingKind.Rotating, 42), (TrainingKind.Ordered, 12), (TrainingKind.EastWest, 7), (TrainingKind.Other, 1)];

    public const string BijieCity = "520500000000";

    static readonly string[] Places = ["340600000000", "150207000000", BijieCity, "370502000000"];

    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "龙", "罗", "安", "禄", "杨"];
    static readonly string[] Given = ["晓燕", "志强", "丽娜", "海峰", "静", "磊", "婷婷", "建华", "雪梅", "俊", "文静", "浩", "佳", "明", "欣", "鹏", "倩", "宇", "琳", "超"];

    static readonly string[] Topics2023 =
    [
        "社工站人员轮训", "个案工作实务", "小组工作方法", "社区工作与居民参与", "社会救助政策与实务", "儿童关爱服务", "老年人探访关爱", "乡村振兴与社会工作",
        "社会工作伦理与督导", "项目设计与评估", "社工站台账规范化", "心理疏导与危机干预",
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<Training>().IgnoreQueryFilters().AnyAsync()) return;
        var today = ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        var random = new Random(20230601);
        var names = await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => Places.Contains(a.Code) || a.ParentCode == BijieCity)
            .Select(a => new { a.Code, a.Name, a.ParentCode, a.ValidTo }).ToListAsync();
        var stations = await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.Status == StationStatus.Active)
            .Select(s => new { s.Id, s.Name, s.AreaCode, s.Level }).ToListAsync();
        var workers = await db.Set<SocialWorker>().IgnoreQueryFilters().Where(w => w.StationId != null && w.Status == SocialWorkerStatus.Active)
            .OrderBy(w => w.AreaCode).ThenBy(w => w.Name).ToListAsync();

        static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), ChinaTime.Offset).ToUniversalTime();

        Training Course(string area, string title, TrainingKind kind, TrainingOrganizerKind organizerKind, string organizer, Guid? stationId, DateOnly start, int days,
            int hours, string place, int capacity)
        {
            var t = new Training(area, null, "演示数据", At(start.AddDays(-20), 10));
            t.Describe(area, title, kind, organizerKind, organizer, null, stationId, start, start.AddDays(days - 1), hours * 60, place, capacity);
            db.Add(t);
            return t;
        }

        string Person() => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

        void Attend(Training t, TrainingEnrolment e, SocialWorker? w, int minutes, bool certify)
        {
            e.Attend(minutes);
            if (w is not null)
                db.Add(new EducationRecord(w, EducationSource.Training, t.EndsOn, minutes, t.Title, e.Id, null, "演示数据", At(t.EndsOn, 17)));
            if (certify) e.Certify(TrainingRules.NewCertificateNumber(t.EndsOn.Year), t.EndsOn);
        }

        // Every place: a course of each kind in the last months, and one to come.
        foreach (var place in Places)
        {
            var area = names.FirstOrDefault(a => a.Code == place);
            if (area is null) continue;
            var prefix = place[..(place.EndsWith("000000", StringComparison.Ordinal) && !place.EndsWith("00000000", StringComparison.Ordinal) ? 6 : 4)];
            var bureau = area.Name + "民政局";
            var centre = stations.Where(s => s.AreaCode.StartsWith(prefix, StringComparison.Ordinal) && s.Level != StationLevel.TownshipStation).OrderBy(s => s.Level).FirstOrDefault();
            var station = stations.Where(s => s.AreaCode.StartsWith(prefix, StringComparison.Ordinal) && s.Level == StationLevel.TownshipStation).OrderBy(s => s.AreaCode).FirstOrDefault();
            var people = workers.Where(w => w.AreaCode.StartsWith(prefix, StringComparison.Ordinal)).Take(12).ToList();
            var courses = new List<(Training T, int Hours)>
            {
                (Course(place, $"{today.Year}年{area.Name}社工站人员轮训（第一期）", TrainingKind.Rotating, TrainingOrganizerKind.Bureau, bureau, null,
                    today.AddDays(-75), 3, 24, $"{area.Name}社会工作服务指导中心培训室", 60), 12),
                (Course(place, "省民政厅社会工作骨干人才调训班", TrainingKind.Ordered, TrainingOrganizerKind.Bureau, bureau, null,
                    today.AddDays(-50), 2, 16, "省社会工作培训基地", 20), 8),
                (Course(place, "东西部协作社会工作能力提升培训", TrainingKind.EastWest, centre is null ? TrainingOrganizerKind.Bureau : TrainingOrganizerKind.Centre,
                    centre?.Name ?? bureau, centre?.Id, today.AddDays(-30), 2, 12, "协作城市社会工作学院（线上同步）", 40), 6),
                (Course(station?.AreaCode ?? place, "个案管理实务专题培训", TrainingKind.Other, station is null ? TrainingOrganizerKind.Bureau : TrainingOrganizerKind.Station,
                    station?.Name ?? bureau, station?.Id, today.AddDays(-14), 1, 6, station is null ? $"{area.Name}民政局会议室" : $"{station.Name}活动室", 30), 6),
            };
            foreach (var (t, hours) in courses)
            {
                for (var i = 0; i < people.Count && i < t.Capacity - 2; i++)
                {
                    var w = people[i];
                    var e = new TrainingEnrolment(t, w.Id, w.Name, null, w.EmployerName, null, "演示数据", At(t.StartsOn.AddDays(-7), 9));
                    db.Add(e);
                    // Most attend the whole course; every fifth person is absent, every seventh leaves half-way.
                    if (i % 5 == 4) continue;
                    Attend(t, e, w, i % 7 == 6 ? hours * 30 : hours * 60, certify: i % 3 == 0);
                }
                for (var k = 0; k < 2; k++)
                {
                    var e = new TrainingEnrolment(t, null, Person(), null, k == 0 ? $"{area.Name}某社区居委会" : "志愿服务队", null, "演示数据", At(t.StartsOn.AddDays(-5), 9));
                    db.Add(e);
                    Attend(t, e, null, hours * 60, certify: k == 0);
                }
            }
            var coming = Course(place, $"{today.Year}年{area.Name}社工站人员轮训（第二期）", TrainingKind.Rotating, TrainingOrganizerKind.Bureau, bureau, null,
                today.AddDays(20), 3, 24, $"{area.Name}社会工作服务指导中心培训室", 60);
            foreach (var w in people.Take(5))
                db.Add(new TrainingEnrolment(coming, w.Id, w.Name, null, w.EmployerName, null, "演示数据", At(today.AddDays(-1), 9)));
        }

        // Bijie's 2023: 62 courses across the city and its counties.
        var counties = names.Where(a => a.ParentCode == BijieCity && a.ValidTo == null).OrderBy(a => a.Code).ToList();
        if (names.Any(a => a.Code == BijieCity) && counties.Count > 0)
        {
            var bijiePeople = workers.Where(w => w.AreaCode.StartsWith("5205", StringComparison.Ordinal)).Take(6).ToList();
            var n = 0;
            var turn = 0;
            foreach (var (kind, count) in Bijie2023)
                for (var i = 0; i < count; i++, n++)
                {
                    // City-level rounds every fourth; the rest rotate through the counties. Ordered and east–west ones are the city's.
                    var host = kind == TrainingKind.Rotating && n % 4 != 0 ? counties[turn++ % counties.Count] : names.First(a => a.Code == BijieCity);
                    var start = new DateOnly(2023, 1 + n * 11 / 62, 1 + (n * 7) % 25);
                    var days = 1 + n % 3;
                    var hours = days * 8;
                    var topic = Topics2023[n % Topics2023.Length];
                    var title = kind switch
                    {
                        TrainingKind.Rotating => $"2023年{host.Name}{topic}（第{i / counties.Count + 1}期）",
                        TrainingKind.Ordered => $"省民政厅{topic}调训班（2023年第{i + 1}期）",
                        TrainingKind.EastWest => $"广州·毕节东西部协作{topic}培训（第{i + 1}期）",
                        _ => $"2023年{host.Name}社会工作专题讲座",
                    };
                    var capacity = 40 + n % 5 * 10;
                    var t = Course(host.Code, title, kind, kind == TrainingKind.EastWest ? TrainingOrganizerKind.Centre : TrainingOrganizerKind.Bureau,
                        kind == TrainingKind.EastWest ? "毕节市社会工作服务指导中心" : host.Name + "民政局", null, start, days, hours,
                        kind == TrainingKind.Ordered ? "贵州省社会工作培训基地" : $"{host.Name}社会工作服务指导中心", capacity);
                    var trainees = 20 + random.Next(0, capacity - 26);
                    for (var k = 0; k < trainees; k++)
                    {
                        var e = new TrainingEnrolment(t, null, Person(), null, $"{host.Name}乡镇（街道）社工站", null, "演示数据", At(start.AddDays(-10), 9));
                        db.Add(e);
                        if (k % 12 != 11) Attend(t, e, null, hours * 60, certify: false);
                    }
                    if (n % 15 == 0)
                        foreach (var w in bijiePeople)
                        {
                            var e = new TrainingEnrolment(t, w.Id, w.Name, null, w.EmployerName, null, "演示数据", At(start.AddDays(-10), 9));
                            db.Add(e);
                            Attend(t, e, w, hours * 60, certify: true);
                        }
                }
        }
        await db.SaveChangesAsync();
    }
}
