using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo social organizations of the four places: in each, the organization the demo org-staff account is named after
/// (七星关区社工服务中心, 蒲公英公益协会, 九原区社工服务中心, 文汇社会工作服务中心), another registered body, a volunteer team of the
/// demo township belonging to one of them, and a community organization in incubation there; Bijie adds a city foundation
/// and a suspended association. Credit codes are valid (the check character computed), civil-affairs (5x), with the
/// registering authority's division code. Runs once: nothing happens when any organization exists.
/// </summary>
public static class OrganizationsDemo
{
    sealed record Plan(string Area, string Name, char? KindDigit, OrganizationKind Kind, string Authority, DateOnly? RegisteredOn, string Legal,
        string Contact, string Address, FocusArea Focus, string[] Served, string? Parent = null,
        OrganizationStatus Status = OrganizationStatus.Registered, string Reason = "");

    static readonly Plan[] Plans =
    [
        // 毕节 七星关区
        new("520502000000", "七星关区社工服务中心", '2', OrganizationKind.PrivateNonEnterprise, "毕节市七星关区民政局", new(2019, 4, 16), "钱红梅", "钱主任",
            "七星关区洪山街道广惠路 18 号", FocusArea.ElderlyCare | FocusArea.WomenAndChildren | FocusArea.SocialAssistance, ["520502001000", "520502002000"]),
        new("520502000000", "七星关区志愿者协会", '1', OrganizationKind.SocialGroup, "毕节市七星关区民政局", new(2016, 9, 2), "吴国强", "吴会长",
            "七星关区市西街道麻园路 6 号", FocusArea.CommunityCulture | FocusArea.GrassrootsGovernance, ["520502000000"]),
        new("520500000000", "毕节市慈善基金会", '3', OrganizationKind.Foundation, "毕节市民政局", new(2012, 11, 20), "杨文华", "李秘书长",
            "毕节市七星关区招商花园城 2 栋", FocusArea.SocialAssistance | FocusArea.WomenAndChildren, ["520500000000"]),
        new("520502000000", "七星关区乡村振兴促进会", '1', OrganizationKind.SocialGroup, "毕节市七星关区民政局", new(2020, 6, 8), "罗建", "罗秘书长",
            "七星关区碧阳街道", FocusArea.GrassrootsGovernance, ["520502000000"], Status: OrganizationStatus.Suspended, Reason: "年检未通过，限期整改"),
        new("520502001000", "市西街道“彩虹”志愿服务队", null, OrganizationKind.VolunteerTeam, "", null, "", "柏青", "市西街道新时代文明实践站",
            FocusArea.ElderlyCare | FocusArea.CommunityCulture, ["520502001001"], Parent: "七星关区志愿者协会"),
        new("520502001000", "市西街道邻里互助会", null, OrganizationKind.SocialGroup, "", null, "", "邹书记", "市西街道第1社区党群服务中心",
            FocusArea.ElderlyCare | FocusArea.GrassrootsGovernance, ["520502001001"], Status: OrganizationStatus.Incubating),
        // 淮北
        new("340600000000", "蒲公英公益协会", '1', OrganizationKind.SocialGroup, "淮北市民政局", new(2015, 3, 12), "孔令华", "孔会长",
            "淮北市相山区孟山路 99 号", FocusArea.WomenAndChildren | FocusArea.SocialAssistance | FocusArea.CommunityCulture, ["340603000000", "340604000000"]),
        new("340603000000", "相山区阳光社会工作服务中心", '2', OrganizationKind.PrivateNonEnterprise, "淮北市相山区民政局", new(2018, 7, 25), "刘晓燕", "刘主任",
            "相山区相南街道人民中路 12 号", FocusArea.ElderlyCare | FocusArea.MentalHealth, ["340603001000", "340603002000"]),
        new("340603001000", "相南街道“红马甲”志愿服务队", null, OrganizationKind.VolunteerTeam, "", null, "", "曹晓东", "相南街道第1社区",
            FocusArea.ElderlyCare | FocusArea.GrassrootsGovernance, ["340603001001"], Parent: "蒲公英公益协会"),
        new("340603001000", "相南街道银龄互助社", null, OrganizationKind.SocialGroup, "", null, "", "吕书记", "相南街道第1社区老年活动室",
            FocusArea.ElderlyCare, ["340603001001"], Status: OrganizationStatus.Incubating),
        // 包头 九原区
        new("150207000000", "九原区社工服务中心", '2', OrganizationKind.PrivateNonEnterprise, "包头市九原区民政局", new(2017, 5, 18), "魏春燕", "魏主任",
            "九原区沙河街道建华南路 3 号", FocusArea.ElderlyCare | FocusArea.WomenAndChildren | FocusArea.GrassrootsGovernance, ["150207001000", "150207002000"]),
        new("150207000000", "九原区老年协会", '1', OrganizationKind.SocialGroup, "包头市九原区民政局", new(2014, 10, 9), "王福全", "王会长",
            "九原区赛汗街道", FocusArea.ElderlyCare | FocusArea.CommunityCulture, ["150207000000"]),
        new("150207001000", "沙河街道志愿服务队", null, OrganizationKind.VolunteerTeam, "", null, "", "陶然", "沙河街道第1社区",
            FocusArea.ElderlyCare, ["150207001001"], Parent: "九原区社工服务中心"),
        new("150207001000", "沙河街道邻里议事会", null, OrganizationKind.SocialGroup, "", null, "", "华书记", "沙河街道第1社区议事厅",
            FocusArea.GrassrootsGovernance, ["150207001001"], Status: OrganizationStatus.Incubating),
        // 东营区
        new("370502000000", "文汇社会工作服务中心", '2', OrganizationKind.PrivateNonEnterprise, "东营市东营区民政局", new(2018, 12, 3), "章丽", "章主任",
            "东营区文汇街道济南路 66 号", FocusArea.WomenAndChildren | FocusArea.ElderlyCare | FocusArea.MentalHealth, ["370502001000", "370502002000"]),
        new("370502000000", "东营区义工联合会", '1', OrganizationKind.SocialGroup, "东营市东营区民政局", new(2013, 8, 15), "孙明", "孙秘书长",
            "东营区黄河路街道", FocusArea.CommunityCulture | FocusArea.SocialAssistance, ["370502000000"]),
        new("370502001000", "文汇街道“小红帽”志愿服务队", null, OrganizationKind.VolunteerTeam, "", null, "", "冯小雨", "文汇街道第1社区",
            FocusArea.WomenAndChildren | FocusArea.CommunityCulture, ["370502001001"], Parent: "东营区义工联合会"),
        new("370502001000", "文汇街道儿童成长驿站", null, OrganizationKind.PrivateNonEnterprise, "", null, "", "吴书记", "文汇街道第1社区",
            FocusArea.WomenAndChildren, ["370502001001"], Status: OrganizationStatus.Incubating),
    ];

    /// <summary>A valid civil-affairs credit code: 5, the kind digit, the authority's division code, "MJ" and a serial, then the check character.</summary>
    public static string Code(char kindDigit, string area12, int serial)
    {
        var body = $"5{kindDigit}{area12[..6]}MJ{serial:D7}";
        return body + CreditCode.CheckChar(body);
    }

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Organizations.AnyAsync()) return;
        var sealer = sp.GetRequiredService<Sealer>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var areas = (await db.Areas.Select(a => a.Code).ToListAsync()).ToHashSet();
        var made = new Dictionary<string, Organization>();
        var serial = 1000;
        var phone = 13700000000L;
        foreach (var p in Plans)
        {
            serial += 37;
            if (!areas.Contains(p.Area)) continue;
            var o = new Organization(p.Area, p.Name, p.Kind, p.Status == OrganizationStatus.Suspended ? OrganizationStatus.Registered : p.Status, now);
            var code = p.KindDigit is { } digit ? Code(digit, p.Area, serial) : null;
            o.Edit(p.Name, code, p.Kind, p.Parent is { } parent && made.TryGetValue(parent, out var owner) ? owner.Id : null, p.Authority, p.RegisteredOn,
                p.Legal, p.Contact, p.Address, p.Focus);
            o.SetContactPhone(sealer.Seal(SensitiveKind.Phone, (++phone).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            db.Organizations.Add(o);
            foreach (var served in p.Served.Where(areas.Contains)) db.Set<OrganizationServiceArea>().Add(new OrganizationServiceArea(o, served));
            if (p.Status == OrganizationStatus.Suspended) { o.ChangeStatus(OrganizationStatus.Suspended, p.Reason); }
            made[p.Name] = o;
        }
        await db.SaveChangesAsync();
        // 孵化: each incubating community organization is in an incubation at its township's station, started eight months
        // ago: the charter and the finance rules done, its first service project under way, registration still ahead.
        var today = Platform.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        foreach (var o in made.Values.Where(o => o.Status == OrganizationStatus.Incubating))
        {
            var station = await db.Set<Stations.Station>().Where(s => s.AreaCode == o.AreaCode).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync();
            var start = today.AddMonths(-8);
            var programme = new IncubationProgramme(o, station?.Id, station?.Name ?? "社会组织孵化基地", start, start.AddMonths(18));
            db.Set<IncubationProgramme>().Add(programme);
            foreach (var (title, due, done, note) in new (string, DateOnly, DateOnly?, string)[]
                     {
                         ("完成章程制定并召开成立大会", start.AddMonths(2), start.AddMonths(2).AddDays(-6), "成员 23 人，选举产生负责人"),
                         ("建立财务与档案管理制度", start.AddMonths(4), start.AddMonths(5), "由社工站督导协助完成，较计划推迟一个月"),
                         ("独立开展首个社区服务项目", today.AddMonths(2), null, ""),
                         ("向登记管理机关申请登记", start.AddMonths(17), null, ""),
                     })
            {
                var m = new IncubationMilestone(programme, title, due);
                m.Edit(title, due, done, note);
                db.Set<IncubationMilestone>().Add(m);
            }
            db.Set<IncubationSupport>().Add(new IncubationSupport(programme, start, IncubationSupportKind.Venue, 0, "社工站活动室每周二、四免费使用"));
            db.Set<IncubationSupport>().Add(new IncubationSupport(programme, start.AddMonths(1), IncubationSupportKind.Training, 0, "社会组织负责人能力建设培训（2 天）"));
            db.Set<IncubationSupport>().Add(new IncubationSupport(programme, start.AddMonths(3), IncubationSupportKind.Funding, 2_000_000, "社区基金公益微创投启动资金"));
            db.Set<IncubationSupport>().Add(new IncubationSupport(programme, start.AddMonths(5), IncubationSupportKind.Supervision, 0, "财务制度专项督导"));
        }
        // The demo organization-staff accounts act for the organization each is named after (its role's area is the organization's).
        foreach (var (userName, organizationName) in StaffOf)
        {
            if (!made.TryGetValue(organizationName, out var organization)) continue;
            var userId = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == userName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            if (userId is not { } id) continue;
            var roles = await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.UserId == id && a.Role == Role.OrganizationStaff).ToListAsync();
            db.RoleAssignments.RemoveRange(roles);
            db.RoleAssignments.Add(new RoleAssignment(id, Role.OrganizationStaff, organization.AreaCode, organization.Id));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Which organization each demo organization-staff account works for (DemoData.Accounts).</summary>
    public static readonly IReadOnlyList<(string UserName, string Organization)> StaffOf =
    [
        ("org.staff", "七星关区社工服务中心"),
        ("huaibei.org", "蒲公英公益协会"),
        ("jiuyuan.org", "九原区社工服务中心"),
        ("dongying.org", "文汇社会工作服务中心"),
    ];
}
