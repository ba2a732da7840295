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
/// Demo households of the four places: in the first communities of 沙河街道 (Jiuyuan), 文汇街道 (Dongying), 相南街道 (Huaibei) and
/// 市西街道 (Bijie), and a few in neighbouring communities — elderly people living alone, left-behind and de-facto unattended
/// children, people with disabilities, 低保 and 特困 households — with cards from the place's scheme (when one is set up) and consents; <see cref="VisitsDemo"/> then
/// records their visits through the use case (some overdue, as in life). Generated: names, ID numbers and
/// addresses are made up (valid ID check characters), dated relative to today.
/// </summary>
public static class HouseholdsDemo
{
    static readonly string[] Townships = ["150207001000", "370502001000", "340603001000", "520502001000"];
    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林"];
    static readonly string[] Given = ["秀英", "桂兰", "玉兰", "建国", "德明", "淑珍", "志强", "国华", "凤英", "振华", "金花", "长林", "春梅", "永福", "丽华", "明亮", "子涵", "梓萱", "浩然", "雨桐", "欣怡", "俊杰"];
    static readonly string[] Streets = ["幸福路", "和平街", "建设路", "民主巷", "团结路", "东风街", "育才路", "光明巷"];

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
        foreach (var township in Townships)
        {
            var communities = await db.Areas.IgnoreQueryFilters().Where(a => a.Code.StartsWith(township.Substring(0, 9)) && a.Code != township)
                .OrderBy(a => a.Code).Select(a => a.Code).Take(3).ToListAsync();
            var worker = await (from r in db.RoleAssignments.IgnoreQueryFilters()
                                join u in db.Users.IgnoreQueryFilters() on r.UserId equals u.Id
                                where r.Role == Role.StationWorker && r.AreaCode == township
                                select new { u.Id, u.DisplayName }).FirstOrDefaultAsync();
            var scheme = schemes.Where(s => township.StartsWith(Platform.Areas.AreaCode.Prefix(s.AreaCode), StringComparison.Ordinal))
                .OrderByDescending(s => Platform.Areas.AreaCode.Prefix(s.AreaCode).Length).FirstOrDefault();
            for (var c = 0; c < communities.Count; c++)
            {
                var count = c == 0 ? 14 : 5;
                for (var i = 0; i < count; i++)
                {
                    serial++;
                    var kind = (serial + i) % 6;
                    var registered = today.AddDays(-random.Next(120, 400));
                    var household = new Household(communities[c], $"{Streets[random.Next(Streets.Length)]}{random.Next(1, 120)}号{random.Next(1, 6)}单元{random.Next(1, 7)}0{random.Next(1, 4)}",
                        new DateTimeOffset(registered.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime());
                    if (worker is not null) household.AssignWorker(worker.Id, worker.DisplayName);
                    db.Add(household);
                    var members = Members(kind, township[..6], today, random);
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
                    if (scheme is not null && scheme.Colours.Count > 0)
                    {
                        var colour = scheme.Colours[Math.Min(kind % scheme.Colours.Count, scheme.Colours.Count - 1)];
                        db.Add(new CardAssignment(household, scheme, colour, null, Reason(kind), registered, worker?.Id, worker?.DisplayName ?? "", household.CreatedAt));
                        household.SetCard(scheme.Id, colour.Key, colour.Name, colour.VisitEveryDays);
                    }
                }
            }
        }
        await db.SaveChangesAsync();
    }

    sealed record Person(string Name, Sex Sex, DateOnly Birth, Relation Relation, string[] Tags, (string Name, string Relation)? Guardian = null,
        bool Consent = false, string Health = "");

    static List<Person> Members(int kind, string area, DateOnly today, Random random)
    {
        string Name() => Surnames[random.Next(Surnames.Length)] + Given[random.Next(16)];
        DateOnly Aged(int min, int max) => today.AddYears(-random.Next(min, max)).AddDays(-random.Next(0, 360));
        var head = Name();
        return kind switch
        {
            // 独居老人 / 高龄老人
            0 => [new(head, random.Next(2) == 0 ? Sex.Female : Sex.Male, Aged(75, 92), Relation.Head, ["独居老人", "高龄老人"], Health: "行动不便，患高血压")],
            // 留守老人 with a left-behind grandchild
            1 => [new(head, Sex.Male, Aged(66, 78), Relation.Head, ["留守老人"]),
                  new(Name(), Sex.Female, Aged(64, 75), Relation.Spouse, ["留守老人"]),
                  new(head[..1] + Given[random.Next(16, Given.Length)], Sex.Female, Aged(7, 12), Relation.Grandchild, ["留守儿童"], (head, "祖父"), Consent: true)],
            // 困境儿童 in a 低保 household, the guardian's consent not yet given for the younger child
            2 => [new(head, Sex.Female, Aged(35, 45), Relation.Head, ["低保对象"]),
                  new(head[..1] + Given[random.Next(16, Given.Length)], Sex.Male, Aged(8, 13), Relation.Child, ["困境儿童"], (head, "母亲"), Consent: true),
                  new(head[..1] + Given[random.Next(16, Given.Length)], Sex.Female, Aged(3, 6), Relation.Child, [], (head, "母亲"))],
            // 残疾人
            3 => [new(head, Sex.Male, Aged(40, 60), Relation.Head, ["残疾人"], Health: "肢体残疾二级，需轮椅"),
                  new(Name(), Sex.Female, Aged(38, 58), Relation.Spouse, [])],
            // 特困人员
            4 => [new(head, Sex.Male, Aged(60, 80), Relation.Head, ["特困人员"])],
            // 失能失智老人 cared for by a child
            _ => [new(head, Sex.Female, Aged(80, 90), Relation.Head, ["失能失智老人", "高龄老人"], Health: "阿尔茨海默病中期，需专人照护"),
                  new(head[..1] + Given[random.Next(Given.Length)], Sex.Male, Aged(50, 60), Relation.Child, [])],
        };
    }

    static string Reason(int kind) => kind switch
    {
        0 => "独居高龄，行动不便，列为重点关爱",
        1 => "子女外出务工，老人照看孙辈",
        2 => "低保家庭，儿童处于困境",
        3 => "重度残疾，生活需照护",
        4 => "特困供养人员，分散供养",
        _ => "失能失智，家属照护压力大",
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
