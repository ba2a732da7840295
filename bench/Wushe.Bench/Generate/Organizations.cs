using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Accounts;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Generate;

/// <summary>
/// 社会组织 of the city (issue 8), about 1,500 at city scale: foundations and social groups registered by the city's bureau
/// (serving counties), social-work service centres and associations registered by each county's bureau (serving one to four of
/// its townships, or the whole county), community social organizations 备案 at a township (serving some of its communities), and
/// volunteer teams. Valid unified social credit codes (5 + kind + the registering area + a serial + the app's own check
/// character, <see cref="CreditCode.CheckChar"/>, checked by <see cref="CreditCode.IsValid"/>); incubating ones and volunteer teams
/// have none. ~80% registered, 8% incubating, 7% suspended, 5% deregistered. About 60% have a staff account
/// (<c>org.N</c>, role OrganizationStaff of the organization), which later kinds use to record delivery.
/// </summary>
sealed class Organizations : IRecordKind
{
    public string Name => "organizations + service areas + staff";

    static readonly string[] Words = ["阳光", "同心", "益家", "晨曦", "善行", "暖阳", "乐龄", "童心", "和美", "春晖", "向日葵", "邻里", "夕阳红", "安心", "博爱", "星火", "启航", "携手", "惠民", "馨家"];
    static readonly (string Suffix, OrganizationKind Kind)[] CountyForms =
    [
        ("社会工作服务中心", OrganizationKind.PrivateNonEnterprise), ("社会工作服务社", OrganizationKind.PrivateNonEnterprise),
        ("养老服务中心", OrganizationKind.PrivateNonEnterprise), ("青少年服务中心", OrganizationKind.PrivateNonEnterprise),
        ("志愿者协会", OrganizationKind.SocialGroup), ("老年协会", OrganizationKind.SocialGroup), ("助残服务中心", OrganizationKind.PrivateNonEnterprise),
        ("心理咨询服务中心", OrganizationKind.PrivateNonEnterprise), ("法律服务协会", OrganizationKind.SocialGroup),
    ];

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var now = ctx.Now;
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var communities = (await db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
                .Select(a => a.Code).ToListAsync())
            .GroupBy(c => c[..9]).ToDictionary(g => g.Key, g => g.OrderBy(c => c).ToList());
        var serial = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var orgs = new List<Organization>();
        var areas = new List<OrganizationServiceArea>();

        string Unique(string name)
        {
            var n = name;
            for (var i = 2; !names.Add(n); i++) n = name.Insert(name.Length - 2, i.ToString());
            return n.Length > 100 ? n[..100] : n;
        }

        string Code(OrganizationKind kind, string area6)
        {
            while (true)
            {
                var k = kind switch { OrganizationKind.SocialGroup => '1', OrganizationKind.PrivateNonEnterprise => '2', OrganizationKind.Foundation => '3', _ => '9' };
                var body = $"5{k}{area6}{(++serial):0000000}{"MJXYQNKLP"[r.Next(9)]}{"0123456789ABCDEFGHJKLMNPQRTUWXY"[r.Next(31)]}";
                var code = body + CreditCode.CheckChar(body);
                if (CreditCode.IsValid(code)) return code;
            }
        }

        Organization Make(string area, string name, OrganizationKind kind, string authority, List<string> serves)
        {
            var roll = r.Next(100);
            var status = kind == OrganizationKind.VolunteerTeam ? (roll < 90 ? OrganizationStatus.Registered : OrganizationStatus.Suspended)
                : roll < 80 ? OrganizationStatus.Registered : roll < 88 ? OrganizationStatus.Incubating : roll < 95 ? OrganizationStatus.Suspended : OrganizationStatus.Deregistered;
            var created = ctx.At(ctx.Today.AddDays(-r.Next(200, 3000)));
            var o = new Organization(area, Unique(name), kind, status is OrganizationStatus.Suspended or OrganizationStatus.Deregistered ? OrganizationStatus.Registered : status, created);
            var hasCode = kind != OrganizationKind.VolunteerTeam && status != OrganizationStatus.Incubating;
            var focus = Organization.AllFocusAreas[r.Next(6)] | (r.Next(2) == 0 ? Organization.AllFocusAreas[r.Next(Organization.AllFocusAreas.Length - 1)] : 0);
            o.Edit(o.Name, hasCode ? Code(kind, area[..6]) : null, kind, null, authority, hasCode ? DateOnly.FromDateTime(created.UtcDateTime) : null,
                Names.Person(r), Names.Person(r), $"{Names.Place(r)}路{r.Next(1, 300)}号", focus);
            o.SetContactPhone(ctx.Sealer.Seal(SensitiveKind.Phone, (13900000000L + orgs.Count).ToString()));
            if (status == OrganizationStatus.Suspended) o.ChangeStatus(OrganizationStatus.Suspended, "年检未通过，暂停活动");
            if (status == OrganizationStatus.Deregistered) o.ChangeStatus(OrganizationStatus.Deregistered, "自行申请注销");
            orgs.Add(o);
            foreach (var s in serves.Distinct()) areas.Add(new OrganizationServiceArea(o, s));
            ctx.Organizations.Add((o, serves, null, ""));
            return o;
        }

        var city = ctx.Places.FirstOrDefault(p => p.Level == AreaLevel.City);
        var counties = ctx.Places.Where(p => p.Level == AreaLevel.County).ToList();
        var townships = ctx.Townships.ToList();
        if (city is not null)
        {
            var cityName = Names.Short(city.Name);
            for (var i = 0; i < 60; i++)
            {
                var kind = i < 8 ? OrganizationKind.Foundation : i % 2 == 0 ? OrganizationKind.SocialGroup : OrganizationKind.PrivateNonEnterprise;
                var name = kind == OrganizationKind.Foundation ? $"{cityName}{Words[r.Next(Words.Length)]}公益基金会" : $"{cityName}{Words[r.Next(Words.Length)]}{CountyForms[r.Next(CountyForms.Length)].Suffix}";
                var serves = r.Next(3) == 0 ? [city.Code] : counties.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).Select(c => c.Code).ToList();
                Make(city.Code, name, kind, $"{cityName}民政局", serves);
            }
        }
        foreach (var county in counties)
        {
            var inCounty = townships.Where(t => t.Code.StartsWith(county.Code[..6], StringComparison.Ordinal)).ToList();
            var countyName = Names.Short(county.Name);
            var count = 60 + inCounty.Count;
            for (var i = 0; i < count; i++)
            {
                var form = CountyForms[r.Next(CountyForms.Length)];
                var serves = r.Next(5) == 0 ? [county.Code] : inCounty.OrderBy(_ => r.Next()).Take(r.Next(1, 5)).Select(t => t.Code).ToList();
                Make(county.Code, $"{countyName}{Words[r.Next(Words.Length)]}{form.Suffix}", form.Kind, $"{countyName}民政局", serves);
            }
        }
        foreach (var t in townships)
        {
            var places = communities.GetValueOrDefault(t.Code[..9]) ?? [];
            var townshipName = Names.Short(t.Name);
            for (var i = 0; i < 2; i++)
            {
                var serves = places.Count == 0 ? [t.Code] : places.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).ToList();
                Make(t.Code, $"{townshipName}{Words[r.Next(Words.Length)]}{(i == 0 ? "社区社会组织联合会" : "邻里互助会")}", OrganizationKind.SocialGroup, $"{townshipName}社会事务办（备案）", serves);
            }
            if (r.Next(5) < 2)
                Make(t.Code, $"{townshipName}{Words[r.Next(Words.Length)]}志愿服务队", OrganizationKind.VolunteerTeam, "", [t.Code]);
        }

        // Staff accounts: 60% of the active organizations, with the generated accounts' one password hash.
        var hash = ctx.Users.FirstOrDefault(u => u.PasswordHash is not null)?.PasswordHash;
        var users = new List<User>();
        var roles = new List<RoleAssignment>();
        for (var i = 0; i < ctx.Organizations.Count; i++)
        {
            var (o, serves, _, _) = ctx.Organizations[i];
            if (o.Status is not (OrganizationStatus.Registered or OrganizationStatus.Incubating) || r.Next(10) >= 6) continue;
            var userName = $"org.{i + 1:0000}";
            var u = new User(userName, Names.Person(r), o.AreaCode, now) { NormalizedUserName = userName.ToUpperInvariant(), PasswordHash = hash };
            u.SetPhone(ctx.Sealer.Seal(SensitiveKind.Phone, (13600000000L + i).ToString()));
            users.Add(u);
            roles.Add(new RoleAssignment(u.Id, Role.OrganizationStaff, o.AreaCode, o.Id));
            ctx.Organizations[i] = (o, serves, u.Id, u.DisplayName);
        }
        ctx.Users.AddRange(users);
        return await ctx.InsertAsync(orgs) + await ctx.InsertAsync(areas) + await ctx.InsertAsync(users) + await ctx.InsertAsync(roles);
    }

    /// <summary>
    /// The active organizations that serve <paramref name="township"/> (12 digits) by <see cref="ServingOrganizations"/>'s rule, from
    /// memory, those that list the township (or are its own) first: the ones a station would choose to implement its projects.
    /// </summary>
    public static List<(Organization Organization, Guid? StaffId, string StaffName)> Serving(GenContext ctx, string township)
    {
        string[] covering = [township, township[..6] + "000000", township[..4] + "00000000", township[..2] + "0000000000"];
        return ctx.Organizations.Where(x => x.Organization.Status is OrganizationStatus.Registered or OrganizationStatus.Incubating
                && (covering.Contains(x.Organization.AreaCode) || x.Serves.Any(covering.Contains)))
            .OrderBy(x => x.Organization.AreaCode == township || x.Serves.Contains(township) ? 0 : 1)
            .Select(x => (x.Organization, x.StaffId, x.StaffName)).ToList();
    }
}
