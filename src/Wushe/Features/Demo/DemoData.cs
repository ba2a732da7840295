using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo data of the four places of the source reports: Huaibei, Jiuyuan (Baotou), Bijie and
/// Dongying's Wenhui street, on the real division codes: the list shipped with the product
/// (<see cref="NationalDivisions"/>), or the folder <c>Wushe:Divisions:Path</c> names. Villages
/// are generated (the list has none) and marked so. Runs only on an empty database.
/// </summary>
public static class DemoData
{
    public const string Password = "Wushe@2026";

    public sealed record DemoAccount(string UserName, string DisplayName, Role Role, string AreaCode, string Phone, string Description);

    /// <summary>Every role in each of the four places (the first sixteen keep the names the tests and docs use).</summary>
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "平台管理员", Role.PlatformAdmin, Scope.Country, "13800000001", "平台管理员 · 全国 platform admin"),
        new("huaibei", "淮北市民政局 王主任", Role.BureauStaff, "340600000000", "13800000002", "民政局 · 淮北市 bureau, Huaibei city"),
        new("xiangshan", "相山区民政局 李科长", Role.BureauStaff, "340603000000", "13800000003", "民政局 · 相山区 bureau, Xiangshan district"),
        new("jiuyuan", "九原区民政局 赵科长", Role.BureauStaff, "150207000000", "13800000004", "民政局 · 九原区（包头市） bureau, Jiuyuan"),
        new("shahe", "沙河街道社工站 刘社工", Role.StationWorker, "150207001000", "13800000005", "社工站社工 · 沙河街道 station worker, Shahe street"),
        new("bijie", "毕节市民政局 张处长", Role.BureauStaff, "520500000000", "13800000006", "民政局 · 毕节市 bureau, Bijie city"),
        new("qixingguan", "七星关区民政局 陈科长", Role.BureauStaff, "520502000000", "13800000007", "民政局 · 七星关区 bureau, Qixingguan"),
        new("weining", "威宁县民政局 杨科长", Role.BureauStaff, "520526000000", "13800000008", "民政局 · 威宁彝族回族苗族自治县 bureau, Weining county"),
        new("dongying", "东营区民政局 孙科长", Role.BureauStaff, "370502000000", "13800000009", "民政局 · 东营区（东营市） bureau, Dongying district"),
        new("wenhui", "文汇街道社工站 周社工", Role.StationWorker, "370502001000", "13800000010", "社工站社工 · 文汇街道 station worker, Wenhui street"),
        new("wenhui.sq", "文汇街道第1社区 吴书记", Role.CommunityStaff, "370502001001", "13800000011", "社区工作人员 · 文汇街道第1社区 community staff"),
        new("wenhui.jj", "社区基金管委会 郑委员", Role.FundCommitteeMember, "370502001001", "13800000012", "基金管委会成员 · 文汇街道第1社区 fund committee"),
        new("org.staff", "七星关区社工服务中心 钱主任", Role.OrganizationStaff, "520502000000", "13800000013", "社会组织工作人员 · 七星关区 organization staff"),
        new("volunteer", "志愿者 冯小雨", Role.Volunteer, "370502001001", "13800000014", "志愿者 · 文汇街道第1社区 volunteer"),
        new("donor", "爱心企业 卫总", Role.Donor, "340600000000", "13800000015", "捐赠人 · 淮北市 donor"),
        new("merchant", "红色商户 蒋老板", Role.Merchant, "370502001000", "13800000016", "商户 · 文汇街道 merchant"),
        // 淮北: 相南街道 and its first community.
        new("xiangnan", "相南街道社工站 何社工", Role.StationWorker, "340603001000", "13800000017", "社工站社工 · 相南街道 station worker"),
        new("xiangnan.sq", "相南街道第1社区 吕书记", Role.CommunityStaff, "340603001001", "13800000018", "社区工作人员 · 相南街道第1社区 community staff"),
        new("xiangnan.jj", "社区基金管委会 施委员", Role.FundCommitteeMember, "340603001001", "13800000019", "基金管委会成员 · 相南街道第1社区 fund committee"),
        new("huaibei.org", "蒲公英公益协会 孔会长", Role.OrganizationStaff, "340600000000", "13800000020", "社会组织工作人员 · 淮北市 organization staff"),
        new("huaibei.zyz", "志愿者 曹晓东", Role.Volunteer, "340603001001", "13800000021", "志愿者 · 相南街道第1社区 volunteer"),
        new("huaibei.sh", "爱心商户 严老板", Role.Merchant, "340603001000", "13800000022", "商户 · 相南街道 merchant"),
        // 九原: 沙河街道 and its first community.
        new("shahe.sq", "沙河街道第1社区 华书记", Role.CommunityStaff, "150207001001", "13800000023", "社区工作人员 · 沙河街道第1社区 community staff"),
        new("shahe.jj", "社区基金管委会 金委员", Role.FundCommitteeMember, "150207001001", "13800000024", "基金管委会成员 · 沙河街道第1社区 fund committee"),
        new("jiuyuan.org", "九原区社工服务中心 魏主任", Role.OrganizationStaff, "150207000000", "13800000025", "社会组织工作人员 · 九原区 organization staff"),
        new("jiuyuan.zyz", "志愿者 陶然", Role.Volunteer, "150207001001", "13800000026", "志愿者 · 沙河街道第1社区 volunteer"),
        new("jiuyuan.jz", "捐赠人 姜女士", Role.Donor, "150207000000", "13800000027", "捐赠人 · 九原区 donor"),
        new("jiuyuan.sh", "红色商户 戚老板", Role.Merchant, "150207001000", "13800000028", "商户 · 沙河街道 merchant"),
        // 毕节: 市西街道 and its first community.
        new("shixi", "市西街道社工站 谢社工", Role.StationWorker, "520502001000", "13800000029", "社工站社工 · 市西街道 station worker"),
        new("shixi.sq", "市西街道第1社区 邹书记", Role.CommunityStaff, "520502001001", "13800000030", "社区工作人员 · 市西街道第1社区 community staff"),
        new("shixi.jj", "社区基金管委会 喻委员", Role.FundCommitteeMember, "520502001001", "13800000031", "基金管委会成员 · 市西街道第1社区 fund committee"),
        new("bijie.zyz", "志愿者 柏青", Role.Volunteer, "520502001001", "13800000032", "志愿者 · 市西街道第1社区 volunteer"),
        new("bijie.jz", "捐赠人 水先生", Role.Donor, "520500000000", "13800000033", "捐赠人 · 毕节市 donor"),
        new("bijie.sh", "爱心商户 窦老板", Role.Merchant, "520502001000", "13800000034", "商户 · 市西街道 merchant"),
        // 东营: the organization of 文汇街道 (the rest are above).
        new("dongying.org", "文汇社会工作服务中心 章主任", Role.OrganizationStaff, "370502000000", "13800000035", "社会组织工作人员 · 东营区 organization staff"),
        new("dongying.jz", "捐赠人 云女士", Role.Donor, "370502000000", "13800000036", "捐赠人 · 东营区 donor"),
        // 站长: each demo station's head, who approves the case steps its social worker submits (never their own).
        new("shahe.zz", "沙河街道社工站 站长 孟站长", Role.StationWorker, "150207001000", "13800000041", "社工站站长 · 沙河街道 station head"),
        new("wenhui.zz", "文汇街道社工站 站长 贺站长", Role.StationWorker, "370502001000", "13800000042", "社工站站长 · 文汇街道 station head"),
        new("xiangnan.zz", "相南街道社工站 站长 葛站长", Role.StationWorker, "340603001000", "13800000043", "社工站站长 · 相南街道 station head"),
        new("shixi.zz", "市西街道社工站 站长 潘站长", Role.StationWorker, "520502001000", "13800000044", "社工站站长 · 市西街道 station head"),
        // A second township of each place with its social worker, so the households and the overdue figures span townships.
        new("dongjie", "东街道社工站 马社工", Role.StationWorker, "340603002000", "13800000045", "社工站社工 · 东街道（相山区） station worker"),
        new("saihan", "赛汗街道社工站 苏社工", Role.StationWorker, "150207002000", "13800000046", "社工站社工 · 赛汗街道 station worker"),
        new("shidong", "市东街道社工站 罗社工", Role.StationWorker, "520502002000", "13800000047", "社工站社工 · 市东街道 station worker"),
        new("huanghelu", "黄河路街道社工站 秦社工", Role.StationWorker, "370502002000", "13800000048", "社工站社工 · 黄河路街道 station worker"),
        new("shixi.sg", "市西街道社工站 龙社工", Role.StationWorker, "520502001000", "13800000049", "社工站社工（第二名） · 市西街道 second station worker"),
        new("shidong.sg", "市东街道社工站 田社工", Role.StationWorker, "520502002000", "13800000050", "社工站社工（第二名） · 市东街道 second station worker"),
        new("wenhui.sg", "文汇街道社工站 袁社工", Role.StationWorker, "370502001000", "13800000051", "社工站社工（第二名） · 文汇街道 second station worker"),
        new("huanghelu.sg", "黄河路街道社工站 邱社工", Role.StationWorker, "370502002000", "13800000052", "社工站社工（第二名） · 黄河路街道 second station worker"),
        new("shidong.zz", "市东街道社工站 站长 聂站长", Role.StationWorker, "520502002000", "13800000053", "社工站站长 · 市东街道 station head"),
        // 评审专家 (公益创投, issue 12): the role has no scope — the area is the expert's home. The five judge Jiuyuan's first competition;
        // expert.li sits on Huaibei's micro-venture panel too.
        new("expert.wang", "内蒙古科技大学 王教授", Role.Expert, "150207000000", "13800000054", "评审专家 · 九原区（内蒙古科技大学） judge"),
        new("expert.li", "淮北师范大学 李教授", Role.Expert, "340600000000", "13800000055", "评审专家 · 淮北市（淮北师范大学） judge"),
        new("expert.zhang", "包头市社会工作协会 张会长", Role.Expert, "150207000000", "13800000056", "评审专家 · 九原区（包头市社会工作协会） judge"),
        new("expert.zhao", "注册会计师 赵会计师", Role.Expert, "150207000000", "13800000057", "评审专家 · 九原区（财务专家） judge"),
        new("expert.liu", "九原区社区治理研究会 刘秘书长", Role.Expert, "150207000000", "13800000058", "评审专家 · 九原区（社区治理） judge"),
    ];

    /// <summary>Huaibei's 类似乡级单位 with a station (相山经济开发区) and the one required to have one without it yet (烈山区工业园).</summary>
    public const string DemoZoneWithStation = "340603400000", DemoZoneRequired = "340604400000";

    /// <summary>The four places: province, city and counties whose townships the demo loads.</summary>
    static readonly string[] DemoCounties = ["3406", "150207", "5205", "370502"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        // Seeding writes every place of the demo: it acts as the system, by name.
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Areas.IgnoreQueryFilters().AnyAsync()) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var config = sp.GetRequiredService<IConfiguration>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Wushe.Demo");

        var folder = config["Wushe:Divisions:Path"];
        if (!string.IsNullOrEmpty(folder) && log.IsEnabled(LogLevel.Information)) log.LogInformation("Demo: loading the division codes of the configured folder {Folder}", folder);
        await LoadPlaces(sp, string.IsNullOrEmpty(folder) ? NationalDivisions.Open() : OpenConfigured(folder));
        await GenerateVillages(db, clock);
        var stations = await CreateStations(db, sp.GetRequiredService<Sealer>(), clock);
        await CreateChecksRatingsSupervisions(db, clock, stations);
        await CreateAccounts(sp, db, clock, stations);
        // Households and people at risk (issue 7): the schemes and tags first, so the households get cards and tags.
        await CareSchemesDemo.SeedAsync(services);
        await HouseholdsDemo.SeedAsync(sp);
        await VisitsDemo.SeedAsync(services);
        await GroupsDemo.SeedAsync(services);
        await CaseworkDemo.SeedAsync(services);
        // Social organizations and volunteer teams (issue 8).
        await OrganizationsDemo.SeedAsync(services);
        await NeedsDemo.SeedAsync(services);
        await CaseworkDemo.ReferToOrganizationsAsync(services);
        await ProjectsDemo.SeedAsync(services);
        // Volunteers (issue 9).
        await VolunteersDemo.SeedAsync(services);
        await VolunteerRulesDemo.SeedAsync(services);
        // Points and virtue-credit merchants (issue 9).
        await PointsDemo.SeedAsync(services);
        // Volunteer service certificates (issue 9), from the final hours above.
        await CertificatesDemo.SeedAsync(services);
        // Community charity funds, their committees and donations (issue 10).
        await CharityDemo.SeedAsync(services);
        // The social-work register (issue 11).
        await WorkforceDemo.SeedAsync(services);
        // Social-work exam results of Huaibei (issue 11): its report's 2023 figures from candidate records.
        await ExamsDemo.SeedAsync(services);
        // Trainings (issue 11): each place's recent courses credited to the register's people, and Bijie's 62 courses of 2023.
        await TrainingsDemo.SeedAsync(services);
        // 公益创投 (issue 12): Jiuyuan's first competition, finished, its awards in progress; Huaibei's micro-venture call open now.
        await CompetitionsDemo.SeedAsync(services);
        // Bijie's new social-work talents (issue 11): its report's 7,761 by a definition kept as data — last, as it counts what the others made.
        await TalentsDemo.SeedAsync(services);
    }

    /// <summary>The folder of <c>Wushe:Divisions:Path</c>: it must hold the four files, or the demo says so and stops.</summary>
    static Dictionary<string, Stream> OpenConfigured(string folder)
    {
        var missing = DivisionList.FileNames.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Wushe:Divisions:Path is {folder}, which lacks {string.Join(", ", missing)}. Leave the setting out to use the list shipped with Wushe.");
        return DivisionList.OpenFolder(folder);
    }

    /// <summary>The demo's places from a division list: the provinces, cities and counties of the four places, with their townships.</summary>
    static async Task LoadPlaces(IServiceProvider sp, Dictionary<string, Stream> files)
    {
        try
        {
            var parsed = DivisionList.Parse(files);
            if (parsed.Problems.Count > 0) throw new InvalidOperationException("The division list has problems: " + string.Join("; ", parsed.Problems.Take(3)));
            var wanted = parsed.Rows.Where(r => DemoCounties.Any(c => r.Code12.StartsWith(c, StringComparison.Ordinal) || c.StartsWith(AreaCode.Prefix(r.Code12), StringComparison.Ordinal))).ToList();
            await sp.GetRequiredService<DivisionImport>().ImportAsync(wanted);
        }
        finally
        {
            foreach (var f in files.Values) await f.DisposeAsync();
        }
    }

    /// <summary>Communities (001–) and villages (200–) under each township, marked as generated.</summary>
    static async Task GenerateVillages(AppDb db, TimeProvider clock)
    {
        var from = new DateOnly(2022, 10, 31);
        var townships = await db.Areas.IgnoreQueryFilters().Where(a => a.Level == AreaLevel.Township).OrderBy(a => a.Code).ToListAsync();
        var random = new Random(20261129);
        db.SuppressEntityAudit = true;
        foreach (var t in townships)
        {
            var communities = t.Kind == AreaKind.Street ? random.Next(4, 9) : random.Next(1, 3);
            var villages = t.Kind == AreaKind.Street ? 0 : random.Next(8, 16);
            var shortName = t.Name;
            for (var i = 1; i <= communities; i++)
                db.Areas.Add(new Area(t.Code[..9] + i.ToString("000"), $"{shortName}第{i}社区", AreaKind.Community, isGenerated: true, from));
            for (var i = 0; i < villages; i++)
                db.Areas.Add(new Area(t.Code[..9] + (200 + i).ToString("000"), $"{shortName}第{i + 1}村", AreaKind.Village, isGenerated: true, from));
        }
        await db.SaveChangesAsync();
        db.SuppressEntityAudit = false;
        db.ChangeTracker.Clear();
    }

    static async Task<List<Station>> CreateStations(AppDb db, Sealer sealer, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var areas = await db.Areas.IgnoreQueryFilters().Where(a => a.Level == AreaLevel.City || a.Level == AreaLevel.County || a.Level == AreaLevel.Township)
            .OrderBy(a => a.Code).ToListAsync();
        var random = new Random(7);
        var stations = new List<Station>();
        var phone = 13900000000L;
        // Dongying district leaves its last town without a station, so coverage shows a gap.
        var gap = areas.Last(x => x.Level == AreaLevel.Township && x.Kind != AreaKind.TownshipLike && x.Code.StartsWith("370502", StringComparison.Ordinal)).Code;
        foreach (var a in areas)
        {
            if (a.Code == gap) continue;
            // 类似乡级单位 (zones, parks): Huaibei's 相山经济开发区 has a station (and counts as covered), 烈山区工业园 is
            // required to have one and has none yet (a gap), the others neither (coverage leaves them out).
            if (a.Kind == AreaKind.TownshipLike)
            {
                if (a.Code == DemoZoneRequired) a.SetNeedsStation(true);
                if (a.Code != DemoZoneWithStation) continue;
            }
            var level = a.Level switch { AreaLevel.City => StationLevel.CityCentre, AreaLevel.County => StationLevel.CountyStation, _ => StationLevel.TownshipStation };
            var shortName = a.Name;
            var name = level switch
            {
                StationLevel.CityCentre => $"{shortName}社会工作指导中心",
                StationLevel.CountyStation => $"{shortName}社会工作服务总站",
                _ => $"{shortName}社会工作服务站",
            };
            var s = new Station(a.Code, level, name, now);
            s.Edit(name, $"{shortName}便民服务中心{random.Next(1, 4)}楼", "站长" + "王李张刘陈杨赵黄周吴"[random.Next(10)] + "老师",
                new DateOnly(2021 + random.Next(0, 3), random.Next(1, 13), random.Next(1, 28)),
                a.Code == "370502001000" || (level == StationLevel.TownshipStation && random.Next(10) == 0));
            s.SetContactPhone(sealer.Seal(SensitiveKind.Phone, (++phone).ToString()));
            stations.Add(s);
            db.Stations.Add(s);
            if (level != StationLevel.TownshipStation || random.Next(3) == 0)
            {
                var source = a.Code.StartsWith("5205", StringComparison.Ordinal) ? (random.Next(2) == 0 ? FundingSource.WelfareLottery : FundingSource.UnitedFront)
                    : level == StationLevel.CityCentre ? FundingSource.CityBudget : FundingSource.CountyBudget;
                var amount = level switch { StationLevel.CityCentre => 120_000_000L, StationLevel.CountyStation => 50_000_000L, _ => 20_000_000L + random.Next(0, 10) * 1_000_000L };
                db.Set<ServicePurchase>().Add(new ServicePurchase(s, a.Code.StartsWith("5205", StringComparison.Ordinal) ? "毕节市民政局" : $"{shortName}民政部门",
                    $"{shortName}社会工作服务中心", $"ZFGM-2024-{stations.Count:0000}", amount, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), source));
            }
        }
        await db.SaveChangesAsync();
        return stations;
    }

    static async Task CreateChecksRatingsSupervisions(AppDb db, TimeProvider clock, List<Station> stations)
    {
        var now = clock.GetUtcNow();
        var random = new Random(11);
        foreach (var s in stations.Where(s => s.Level == StationLevel.TownshipStation))
        {
            var checkedOn = new DateOnly(2024, random.Next(3, 11), random.Next(1, 28));
            foreach (var item in StandardCheck.Items)
                db.Set<StandardCheck>().Add(new StandardCheck(s, item, random.Next(10) < 8, checkedOn, "", null, null, "市指导中心督导组", now));
        }

        // Bijie 2024: one five-star, two four-star, three "excellent".
        var bijie = stations.Where(s => s.Level == StationLevel.TownshipStation && s.AreaCode.StartsWith("5205", StringComparison.Ordinal)).ToList();
        var round = new RatingRound("520500000000", "2024 年度评星", 2024, RatingRound.DefaultModules(), RatingRound.DefaultLevels(), now);
        db.Set<RatingRound>().Add(round);
        int[] totals = [925, 852, 818, 768, 742, 716, 655, 610];
        for (var i = 0; i < totals.Length && i < bijie.Count; i++)
        {
            var station = bijie[i * Math.Max(1, bijie.Count / totals.Length)];
            var rating = new StationRating(round, station, now);
            var review = Spread(round, totals[i]);
            rating.SelfAssess(review.ToDictionary(kv => kv.Key, kv => Math.Min(kv.Value + 10, round.Modules.First(m => m.Key == kv.Key).MaxScore)), now);
            rating.Review(round, review, now);
            db.Set<StationRating>().Add(rating);
            foreach (var item in StandardCheck.Items)
                db.Set<StandardCheck>().Add(new StandardCheck(station, item, true, new DateOnly(2024, 11, 20), "评星复核", null, null, "市指导中心督导组", now));
        }
        round.Publish();

        // Each station's "五有五统一" roll-up, from the checks just made.
        var made = db.ChangeTracker.Entries<StandardCheck>().Select(e => e.Entity).ToList();
        foreach (var s in stations)
            s.SetStandard(StandardCheck.Summarize(made.Where(c => c.StationId == s.Id).Select(c => (c.Item, c.Met, c.CheckedOn, c.RecordedAt))));

        var centres = stations.Where(s => s.Level == StationLevel.CityCentre).ToList();
        var today = Platform.ChinaTime.Today(clock);
        string[] topics = ["个案服务规范与台账管理", "“五有五统一”标准化建设", "社工+志愿者联动机制", "困境儿童监护评估实务", "老年人分级探访工作"];
        foreach (var centre in centres)
        {
            var under = stations.Where(s => s.Level == StationLevel.TownshipStation && s.AreaCode.StartsWith(centre.AreaCode[..4], StringComparison.Ordinal)).Take(4).ToList();
            foreach (var s in under)
                db.Set<Supervision>().Add(new Supervision(s, random.Next(3) == 0 ? SupervisionKind.CapacityBuilding : SupervisionKind.Supervision,
                    today.AddDays(-random.Next(3, 200)), null, centre.Name + "督导组", topics[random.Next(topics.Length)],
                    "服务台账基本完整，个案记录需补充评估与结案材料。", "一个月内补齐个案评估表；下次督导复查。", today.AddDays(30), now));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Splits a total over the modules in proportion to their maxima (whole points, exact sum).</summary>
    static Dictionary<string, int> Spread(RatingRound round, int total)
    {
        var scores = round.Modules.ToDictionary(m => m.Key, m => m.MaxScore * total / round.MaxTotal);
        var rest = total - scores.Values.Sum();
        foreach (var m in round.Modules)
        {
            if (rest == 0) break;
            var add = Math.Min(rest, m.MaxScore - scores[m.Key]);
            scores[m.Key] += add;
            rest -= add;
        }
        return scores;
    }

    static async Task CreateAccounts(IServiceProvider sp, AppDb db, TimeProvider clock, List<Station> stations)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        var sealer = sp.GetRequiredService<Sealer>();
        var now = clock.GetUtcNow();
        foreach (var a in Accounts)
        {
            if (a.AreaCode != Scope.Country && !await db.Areas.IgnoreQueryFilters().AnyAsync(x => x.Code == a.AreaCode)) continue;
            var user = new User(a.UserName, a.DisplayName, a.AreaCode, now);
            user.SetPhone(sealer.Seal(SensitiveKind.Phone, a.Phone));
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException("Demo account " + a.UserName + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment(user.Id, a.Role, a.AreaCode));
            if (a.Role == Role.StationWorker && stations.FirstOrDefault(s => s.AreaCode == a.AreaCode) is { } station)
            {
                var head = a.UserName.EndsWith(".zz", StringComparison.Ordinal);
                db.Set<StationStaff>().Add(new StationStaff(station, user.Id, head ? "站长" : "专职社工", head ? new DateOnly(2022, 6, 1) : new DateOnly(2023, 3, 1), isHead: head));
                // The station's contact is its head, by the name the head's account carries (潘站长), not a made-up one.
                if (head) station.Edit(station.Name, station.Address, a.DisplayName[(a.DisplayName.LastIndexOf(' ') + 1)..], station.OpenedOn, station.IsCivilizationPracticeStation);
            }
        }
        await db.SaveChangesAsync();
    }
}
