using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo households of the four places, in two townships each — the township of each place's demo station worker and its
/// neighbour (沙河街道 and 赛汗街道 in Jiuyuan, 文汇街道 and 黄河路街道 in Dongying, 相南街道 and 东街道 in Huaibei, 市西街道 and
/// 市东街道 in Bijie: the townships of <see cref="DemoData.Accounts"/>' social workers) and several communities of each —
/// elderly people living alone, left-behind and de-facto unattended children, people with disabilities, 低保 and 特困 households
/// and stable ones, with cards from the place's scheme by risk (few red, most yellow or blue), and consents;
/// <see cref="VisitsDemo"/> then records their visits through the use case. Generated: names (matching the sex), ID numbers and
/// addresses are made up (valid ID check characters), dated relative to today.
/// </summary>
public static class HouseholdsDemo
{
    // Pools large enough that no two people of a township share a name (each name is drawn again until it is new there).
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "龙", "田", "潘", "石"];
    static readonly string[] Women = ["秀英", "桂兰", "玉兰", "淑珍", "凤英", "金花", "春梅", "丽华", "玉珍", "桂芳", "秀兰", "翠花", "淑英", "玉梅", "素芬", "兰英",
        "美玲", "桂英", "月娥", "秀珍", "凤兰", "慧芳", "红梅", "爱华", "玉凤", "冬梅", "巧云", "彩霞", "淑华", "秋菊"];
    static readonly string[] Men = ["建国", "德明", "志强", "国华", "振华", "长林", "永福", "明亮", "德福", "文华", "建军", "学军", "国强", "洪涛", "保国", "富贵",
        "成林", "茂盛", "光明", "庆丰", "继红", "卫东", "正义", "全福", "树林", "有才", "金山", "海波", "连生", "家顺"];
    static readonly string[] Girls = ["梓萱", "雨桐", "欣怡", "一诺", "思琪", "可馨", "紫涵", "语嫣", "佳怡", "若曦", "诗雨", "梦瑶"];
    static readonly string[] Boys = ["浩然", "俊杰", "宇轩", "子豪", "浩宇", "博文", "子墨", "皓轩", "明哲", "天佑", "睿泽", "嘉懿"];
    static readonly string[] Streets = ["幸福路", "和平街", "建设路", "民主巷", "团结路", "东风街", "育才路", "光明巷"];

    /// <summary>Households per community: the station's own township has three communities with households, its neighbour two.</summary>
    static readonly int[][] PerCommunity = [[8, 6, 4], [7, 5]];

    /// <summary>
    /// The mix of households, as a real register has it: kinds 0–5 are the key groups, 6 and 7 stable elderly households, 8 a
    /// general household with no key group (no tag); the order spreads them over the communities.
    /// </summary>
    static readonly int[] Kinds = [6, 0, 2, 7, 1, 3, 8, 4, 0, 7, 5, 2, 6, 1, 3, 8, 0, 6, 4, 2];

    /// <summary>
    /// The demo townships: those of the demo's social workers (not the station heads), by place, the station's own first, each
    /// with its first social worker (who carries the cases).
    /// </summary>
    public static List<(string Township, string Worker)> Townships() =>
        [.. DemoData.Accounts.Where(a => a.Role == Role.StationWorker && !a.UserName.EndsWith(".zz", StringComparison.Ordinal))
            .GroupBy(a => a.AreaCode).Select(g => (g.Key, g.First().UserName))
            .OrderBy(t => t.Key[..6], StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal)];

    /// <summary>All the demo social workers (not heads) of a township: a station of Bijie or Dongying has two, the others one.</summary>
    public static List<string> WorkersOf(string township) =>
        [.. DemoData.Accounts.Where(a => a.Role == Role.StationWorker && a.AreaCode == township && !a.UserName.EndsWith(".zz", StringComparison.Ordinal)).Select(a => a.UserName)];

    public static async Task SeedAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDb>();
        var sealer = sp.GetRequiredService<Sealer>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (await db.Set<Household>().IgnoreQueryFilters().AnyAsync()) return;
        var today = ChinaTime.Today(clock);
        var random = new Random(20261130);
        var tags = await db.Set<TargetGroup>().IgnoreQueryFilters().Where(t => t.AreaCode == TargetGroups.Country).ToDictionaryAsync(t => t.Name);
        var schemes = await db.Set<CardScheme>().IgnoreQueryFilters().ToListAsync();
        var serial = 0;
        var used = new HashSet<string>();
        foreach (var (township, _) in Townships())
        {
            var second = Townships().Any(t => t.Township[..6] == township[..6] && string.CompareOrdinal(t.Township, township) < 0);
            var sizes = PerCommunity[second ? 1 : 0];
            var communities = await db.Areas.IgnoreQueryFilters().Where(a => a.Code.StartsWith(township.Substring(0, 9)) && a.Code != township)
                .OrderBy(a => a.Code).Select(a => a.Code).Take(sizes.Length).ToListAsync();
            var names = WorkersOf(township);
            var staff = await db.Users.IgnoreQueryFilters().Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync();
            staff = [.. staff.OrderBy(u => names.IndexOf(u.UserName!))];
            // No two people of the township share a name.
            var taken = new HashSet<string>();
            var scheme = schemes.Where(s => township.StartsWith(Platform.Areas.AreaCode.Prefix(s.AreaCode), StringComparison.Ordinal))
                .OrderByDescending(s => Platform.Areas.AreaCode.Prefix(s.AreaCode).Length).FirstOrDefault();
            for (var c = 0; c < communities.Count; c++)
            {
                for (var i = 0; i < sizes[c]; i++)
                {
                    var kind = Kinds[serial % Kinds.Length];
                    serial++;
                    var colour = scheme is null ? null : Colour(scheme, kind, serial);
                    // Registered well before the visits VisitsDemo dates by the card's interval.
                    var every = colour?.VisitEveryDays ?? VisitPlan.DefaultEveryDays;
                    var registered = today.AddDays(-random.Next(every + 90, every + 420));
                    var household = new Household(communities[c], $"{Streets[random.Next(Streets.Length)]}{random.Next(1, 120)}号{random.Next(1, 6)}单元{random.Next(1, 7)}0{random.Next(1, 4)}",
                        new DateTimeOffset(registered.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime());
                    // With two workers, one in three households is the second's (包户): the head's per-worker view has two rows.
                    var worker = staff.Count == 0 ? null : staff[staff.Count > 1 && i % 3 == 2 ? 1 : 0];
                    if (worker is not null) household.AssignWorker(worker.Id, worker.DisplayName);
                    db.Add(household);
                    var members = Members(kind, today, random, taken);
                    foreach (var (m, index) in members.Select((m, index) => (m, index)))
                    {
                        var resident = new Resident(household, m.Name, m.Sex, m.Birth, m.Relation, household.CreatedAt);
                        var adultOrConsented = ChinaTime.AgeOn(m.Birth, today) >= ResidentFields.ConsentAge || m.Consent;
                        if (adultOrConsented)
                        {
                            var id = IdNumber(township[..6], m.Birth, m.Sex, serial * 10 + index, used);
                            resident.SetIdNumber(sealer.Seal(SensitiveKind.IdNumber, id), id[^4..]);
                            if (ChinaTime.AgeOn(m.Birth, today) >= 18) resident.SetPhone(sealer.Seal(SensitiveKind.Phone, $"139{random.Next(10000000, 99999999)}"));
                        }
                        if (m.Guardian is { } g) resident.SetGuardian(g.Name, g.Relation, sealer.Seal(SensitiveKind.Phone, $"137{random.Next(10000000, 99999999)}"));
                        if (m.Health.Length > 0) resident.SetHealthNote(m.Health);
                        db.Add(resident);
                        if (adultOrConsented)
                            foreach (var t in m.Tags) if (tags.TryGetValue(t, out var tag)) db.Add(new ResidentTag(resident, tag.Id));
                        if (m.Consent || ChinaTime.AgeOn(m.Birth, today) >= 18)
                            db.Add(new Consent(resident, m.Guardian?.Name ?? m.Name, m.Guardian?.Relation ?? "本人", m.Guardian is not null, ConsentScope.Sensitive,
                                registered, worker?.Id, worker?.DisplayName ?? "", household.CreatedAt));
                        if (m.Relation == Relation.Head) household.SetHead(m.Name);
                    }
                    household.SetMemberCount(members.Count);
                    if (scheme is not null && colour is not null)
                    {
                        db.Add(new CardAssignment(household, scheme, colour, null, Reason(kind, colour.Key), registered, worker?.Id, worker?.DisplayName ?? "", household.CreatedAt));
                        household.SetCard(scheme.Id, colour.Key, colour.Name, colour.VisitEveryDays);
                    }
                }
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The card by risk: 失能失智 red; the elderly living alone orange where the scheme has it (九原: priority elderly), else yellow
    /// (one in three of them red: a fall, an illness); the other key groups yellow; stable elderly households blue (九原: one in two green).
    /// </summary>
    static CardColour? Colour(CardScheme scheme, int kind, int serial)
    {
        var wanted = kind switch
        {
            5 => ["red"],
            0 when serial % 3 == 0 => ["red"],
            0 => ["orange", "yellow"],
            1 or 2 or 3 or 4 => ["yellow"],
            7 when serial % 2 == 0 => ["green", "blue"],
            _ => new[] { "blue" },
        };
        foreach (var key in wanted)
            if (scheme.Colour(key) is { } found) return found;
        return scheme.Colours.LastOrDefault();
    }

    sealed record Person(string Name, Sex Sex, DateOnly Birth, Relation Relation, string[] Tags, (string Name, string Relation)? Guardian = null,
        bool Consent = false, string Health = "");

    static List<Person> Members(int kind, DateOnly today, Random random, HashSet<string> taken)
    {
        string Surname() => Surnames[random.Next(Surnames.Length)];
        string Given(Sex sex, bool child) => (child ? sex == Sex.Male ? Boys : Girls : sex == Sex.Male ? Men : Women) is var names ? names[random.Next(names.Length)] : "";
        // A name new in the township (the pools hold far more names than a township has people).
        string New(Func<string> draw)
        {
            for (var tries = 0; ; tries++)
                if (draw() is var name && (taken.Add(name) || tries > 50)) return name;
        }
        string Name(Sex sex) => New(() => Surname() + Given(sex, false));
        string ChildOf(string parent, Sex sex) => New(() => parent[..1] + Given(sex, true));
        DateOnly Aged(int min, int max) => today.AddYears(-random.Next(min, max)).AddDays(-random.Next(0, 360));
        switch (kind)
        {
            case 0: // 独居老人 / 高龄老人
            {
                var sex = random.Next(3) == 0 ? Sex.Male : Sex.Female;
                return [new(Name(sex), sex, Aged(80, 92), Relation.Head, ["独居老人", "高龄老人"], Health: "行动不便，患高血压")];
            }
            case 1: // 留守老人 with a left-behind grandchild
            {
                var head = Name(Sex.Male);
                var girl = random.Next(2) == 0;
                return [new(head, Sex.Male, Aged(66, 78), Relation.Head, ["留守老人"]),
                        new(Name(Sex.Female), Sex.Female, Aged(64, 75), Relation.Spouse, ["留守老人"]),
                        new(ChildOf(head, girl ? Sex.Female : Sex.Male), girl ? Sex.Female : Sex.Male, Aged(7, 12), Relation.Grandchild, ["留守儿童"], (head, "祖父"), Consent: true)];
            }
            case 2: // 困境儿童 in a 低保 household, the guardian's consent not yet given for the younger child
            {
                var head = Name(Sex.Female);
                return [new(head, Sex.Female, Aged(35, 45), Relation.Head, ["低保对象"]),
                        new(ChildOf(head, Sex.Male), Sex.Male, Aged(8, 13), Relation.Child, ["困境儿童"], (head, "母亲"), Consent: true),
                        new(ChildOf(head, Sex.Female), Sex.Female, Aged(3, 6), Relation.Child, [], (head, "母亲"))];
            }
            case 3: // 残疾人
                return [new(Name(Sex.Male), Sex.Male, Aged(40, 60), Relation.Head, ["残疾人"], Health: "肢体残疾二级，需轮椅"),
                        new(Name(Sex.Female), Sex.Female, Aged(38, 58), Relation.Spouse, [])];
            case 4: // 特困人员
                return [new(Name(Sex.Male), Sex.Male, Aged(60, 80), Relation.Head, ["特困人员"])];
            case 5: // 失能失智老人 cared for by a son
            {
                var head = Name(Sex.Female);
                return [new(head, Sex.Female, Aged(80, 90), Relation.Head, ["失能失智老人", "高龄老人"], Health: "阿尔茨海默病中期，需专人照护"),
                        new(New(() => head[..1] + Given(Sex.Male, false)), Sex.Male, Aged(50, 60), Relation.Child, [])];
            }
            case 6: // 空巢老人: a couple whose children work elsewhere, managing well (留守老人, the tag of elders whose children are away)
                return [new(Name(Sex.Male), Sex.Male, Aged(68, 78), Relation.Head, ["留守老人"]),
                        new(Name(Sex.Female), Sex.Female, Aged(65, 76), Relation.Spouse, ["留守老人"])];
            case 8: // 一般关注户: a couple in work with an unsteady income, no key group
                return [new(Name(Sex.Male), Sex.Male, Aged(38, 55), Relation.Head, []),
                        new(Name(Sex.Female), Sex.Female, Aged(36, 52), Relation.Spouse, [])];
            default: // a stable household with an elderly parent living with a daughter's family
            {
                var head = Name(Sex.Male);
                return [new(head, Sex.Male, Aged(45, 56), Relation.Head, []),
                        new(Name(Sex.Female), Sex.Female, Aged(43, 55), Relation.Spouse, []),
                        new(Name(Sex.Female), Sex.Female, Aged(81, 90), Relation.Parent, ["高龄老人"])];
            }
        }
    }

    static string Reason(int kind, string colour) => (kind, colour) switch
    {
        (0, "red") => "独居高龄，近期跌倒受伤，列为高风险每周探访",
        (0, _) => "独居高龄，行动不便，列为重点关爱",
        (1, _) => "子女外出务工，老人照看孙辈",
        (2, _) => "低保家庭，儿童处于困境",
        (3, _) => "重度残疾，生活需照护",
        (4, _) => "特困供养人员，分散供养",
        (5, _) => "失能失智，家属照护压力大",
        (6, _) => "空巢老人，生活能自理，定期关注",
        (8, _) => "一般关注户：家庭收入不稳定，定期了解情况",
        _ => "家有高龄老人，子女照护到位",
    };

    /// <summary>A valid ID number of the place, birth date and sex that no other demo resident holds.</summary>
    static string IdNumber(string area, DateOnly birth, Sex sex, int n, HashSet<string> used)
    {
        for (var k = n; ; k++)
        {
            var sequence = k % 500 * 2 + (sex == Sex.Male ? 1 : 0);
            var first17 = area + birth.ToString("yyyyMMdd") + (sequence % 1000).ToString("000");
            var id = first17 + ResidentId.CheckChar(first17);
            if (used.Add(id)) return id;
        }
    }
}
