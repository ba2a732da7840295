using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Organizations;

/// <summary>Organization staff accounts: granted for one organization, they see and keep that organization only.</summary>
public sealed class OrganizationStaffTests(TestApp app)
{
    static object NewUser(string home, object role) => new
    {
        userName = "orgstaff." + Guid.NewGuid().ToString("N")[..8], displayName = "机构社工", phone = Numbers.Mobile(),
        homeAreaCode = home, password = "start1234", roles = new[] { role },
    };

    [Fact]
    public async Task Granting_the_organization_staff_role_needs_an_organization_in_scope_whose_area_becomes_the_roles()
    {
        var township = await Places.NewTownshipAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, Places.County, [township]);
        var bijie = await TestOrganizations.CreateAsync(app, "520502000000");
        var deregistered = await TestOrganizations.CreateAsync(app, Places.County, status: OrganizationStatus.Deregistered);
        using var huaibei = await app.CreateClientAsync("huaibei");

        // No organization; one outside the scope; a deregistered one; an area that is not the organization's; an organization on another role.
        foreach (var (role, field, message) in new (object Role, string Field, string Message)[]
                 {
                     (new { role = "OrganizationStaff" }, "roles[0].organizationId", "请选择该工作人员所属的社会组织"),
                     (new { role = "OrganizationStaff", organizationId = bijie }, "roles[0].organizationId", "社会组织不存在或不在您的管辖范围内"),
                     (new { role = "OrganizationStaff", organizationId = deregistered }, "roles[0].organizationId", "该社会组织已注销，不能再为其开设工作人员账号"),
                     (new { role = "OrganizationStaff", organizationId = organization, areaCode = township }, "roles[0].areaCode", "社会组织工作人员的角色区划即该组织的登记管理机关所在区划，请留空"),
                     (new { role = "StationWorker", areaCode = township, organizationId = organization }, "roles[0].organizationId", "只有社会组织工作人员角色需要选择社会组织"),
                 })
        {
            var refused = await (await huaibei.PostAsJsonAsync("/api/v1/users", NewUser(township, role))).Expect(HttpStatusCode.BadRequest);
            Assert.Equal(message, refused.GetProperty("errors").GetProperty(field)[0].GetString());
        }

        // With the organization: the role sits at the organization's area (the county, the bureau's own level's child) and names it.
        var body = NewUser(township, new { role = "OrganizationStaff", organizationId = organization });
        var id = (await (await huaibei.PostAsJsonAsync("/api/v1/users", body)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var assignment = await app.Query(db => db.RoleAssignments.SingleAsync(a => a.UserId == id));
        Assert.Equal((Role.OrganizationStaff, Places.County, (Guid?)organization), (assignment.Role, assignment.AreaCode, assignment.OrganizationId));
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(RoleAssignment) && a.EntityKey == assignment.Id.ToString()).ToListAsync());
        var created = Assert.Single(audit);
        Assert.Equal((AuditAction.Create, Places.County), (created.Action, created.AreaCode));
        var shown = await (await huaibei.GetAsync($"/api/v1/users/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(organization, shown.GetProperty("roles")[0].GetProperty("organizationId").GetGuid());

        // A bureau registers organizations of its own city too: their staff are the bureau's to manage, not its peers.
        var city = await TestOrganizations.CreateAsync(app, "340600000000");
        var cityStaff = (await (await huaibei.PostAsJsonAsync("/api/v1/users", NewUser(township, new { role = "OrganizationStaff", organizationId = city })))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Moved to another organization: the role is replaced (audited as such).
        await (await huaibei.PutAsJsonAsync($"/api/v1/users/{cityStaff}/roles", new { roles = new[] { new { role = "OrganizationStaff", organizationId = organization } } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(organization, await app.Query(db => db.RoleAssignments.Where(a => a.UserId == cityStaff).Select(a => a.OrganizationId).SingleAsync()));
    }

    [Fact]
    public async Task Staff_read_and_keep_their_own_organization_and_no_other()
    {
        var township = await Places.NewTownshipAsync(app);
        var own = await TestOrganizations.CreateAsync(app, township, name: "自家社工中心" + Guid.NewGuid().ToString("N")[..4]);
        var neighbour = await TestOrganizations.CreateAsync(app, township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: own);
        using var client = await app.CreateClientAsync(staff.UserName);

        await (await client.GetAsync($"/api/v1/organizations/{own}")).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{neighbour}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/organizations/{own}", new { name = "改名", kind = "VolunteerTeam" })).StatusCode);

        // The contact details are theirs to keep; a bad phone is named; the registered name is not theirs to send.
        var named = await (await client.PutAsJsonAsync($"/api/v1/organizations/{own}/contact", new { contactName = "新联系人", name = "偷改的名字" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(named.GetProperty("errors").TryGetProperty("name", out _), named.ToString());
        var bad = await (await client.PutAsJsonAsync($"/api/v1/organizations/{own}/contact", new { contactName = "新联系人", contactPhone = "12345" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("contactPhone", out _), bad.ToString());
        var saved = await (await client.PutAsJsonAsync($"/api/v1/organizations/{own}/contact", new
        {
            contactName = "新联系人", contactPhone = "13911113333", address = "新地址8号", focusAreas = new[] { "ElderlyCare", "MentalHealth" },
            serviceAreas = new[] { township },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        var details = await (await client.GetAsync($"/api/v1/organizations/{own}")).Expect(HttpStatusCode.OK);
        Assert.Equal("新联系人", details.GetProperty("contactName").GetString());
        Assert.Equal("139****3333", details.GetProperty("contactPhone").GetString());
        Assert.StartsWith("自家社工中心", details.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ElderlyCare", "MentalHealth"], details.GetProperty("focusAreas").EnumerateArray().Select(f => f.GetString()!));
        // A stale version is 409; another organization is 404, nothing saved.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/v1/organizations/{own}/contact", new { contactName = "又改", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/organizations/{neighbour}/contact", new { contactName = "越权" })).StatusCode);
        Assert.NotEqual("越权", await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == neighbour).Select(o => o.ContactName).SingleAsync()));
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(Organization) && a.EntityKey == own.ToString() && a.Action == AuditAction.Update).ToListAsync());
        Assert.Equal(staff.UserName, Assert.Single(audit).UserName);

        // The bureau keeping the register cannot use the staff's route (it edits the whole record instead).
        using var huaibei = await app.CreateClientAsync("huaibei");
        Assert.Equal(HttpStatusCode.Forbidden, (await huaibei.PutAsJsonAsync($"/api/v1/organizations/{own}/contact", new { contactName = "局里改" })).StatusCode);
    }

    [Fact]
    public async Task The_staff_menu_home_and_pages_lead_to_their_own_organization()
    {
        var township = await Places.NewTownshipAsync(app);
        var name = "页面社工中心" + Guid.NewGuid().ToString("N")[..4];
        var own = await TestOrganizations.CreateAsync(app, township, name: name);
        var neighbour = await TestOrganizations.CreateAsync(app, township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: own);
        using var session = await PageSession.SignInAsync(app, staff.UserName);

        var (_, home) = await session.GetAsync("/");
        Assert.Contains("本机构", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Organizations/Details/{own}\" id=\"my-organization-link\">{name}</a>", home, StringComparison.Ordinal);
        Assert.Contains("id=\"my-organization-status\">已登记", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Organizations/Mine\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Organizations\"", home, StringComparison.Ordinal);

        using (var mine = await session.Client.GetAsync("/Organizations/Mine"))
        {
            Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
            Assert.Equal($"/Organizations/Details/{own}", mine.Headers.Location!.OriginalString);
        }
        var (status, details) = await session.GetAsync($"/Organizations/Details/{own}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"edit-contact\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"status-form\"", details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Organizations/Details/{neighbour}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Organizations/Contact?id={neighbour}")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await session.GetAsync($"/Organizations/Edit?id={own}")).Status);

        // The contact form names a bad field and keeps what was typed; a good one saves and returns to the details.
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = "0", ["Input.ContactName"] = "页面联系人", ["Input.ContactPhone"] = "abc", ["Input.Address"] = "页面地址1号",
            ["Input.FocusAreas"] = "ElderlyCare", ["Input.ServiceAreas[0]"] = township,
        };
        using (var refused = await session.PostFormAsync($"/Organizations/Contact?id={own}", form, $"/Organizations/Contact?id={own}"))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("value=\"页面地址1号\"", html, StringComparison.Ordinal);
            Assert.Contains("is-invalid", html, StringComparison.Ordinal);
        }
        form["Input.ContactPhone"] = "13911114444";
        using (var done = await session.PostFormAsync($"/Organizations/Contact?id={own}", form, $"/Organizations/Contact?id={own}"))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("页面地址1号", await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == own).Select(o => o.Address).SingleAsync()));
    }

    [Fact]
    public async Task An_organization_staff_user_without_an_organization_is_told_so()
    {
        // Accounts granted before organizations were linked keep a role without one: 本机构 says what to do.
        var township = await Places.NewTownshipAsync(app);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township);
        await app.Query(async db =>
        {
            var a = await db.RoleAssignments.SingleAsync(x => x.UserId == staff.Id);
            db.RoleAssignments.Remove(a);
            db.RoleAssignments.Add(new RoleAssignment(staff.Id, Role.OrganizationStaff, township));
            return await db.SaveChangesAsync();
        });
        using var session = await PageSession.SignInAsync(app, staff.UserName);
        var (status, html) = await session.GetAsync("/Organizations/Mine");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("您的账号尚未关联社会组织", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_user_form_offers_the_organizations_in_scope_and_names_a_missing_one_beside_its_row()
    {
        var township = await Places.NewTownshipAsync(app);
        var name = "表单社工中心" + Guid.NewGuid().ToString("N")[..4];
        var organization = await TestOrganizations.CreateAsync(app, Places.County, [township], name: name);
        using var session = await PageSession.SignInAsync(app, "huaibei");
        var (_, form) = await session.GetAsync("/Admin/Users/Edit");
        Assert.Contains($"<option value=\"{organization}\">{name}</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("七星关区社工服务中心", form, StringComparison.Ordinal);

        var userName = "form.org." + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "表单机构社工", ["Input.Phone"] = Numbers.Mobile(), ["Input.HomeAreaCode"] = township,
            ["Input.Password"] = "start1234", ["Input.Roles[0].Role"] = "OrganizationStaff", ["Input.Roles[0].OrganizationId"] = "",
        };
        using (var refused = await session.PostFormAsync("/Admin/Users/Edit", fields, "/Admin/Users/Edit"))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请选择该工作人员所属的社会组织", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{userName}\"", html, StringComparison.Ordinal);
        }
        fields["Input.Roles[0].OrganizationId"] = organization.ToString();
        using (var saved = await session.PostFormAsync("/Admin/Users/Edit", fields, "/Admin/Users/Edit"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var normalized = userName.ToUpperInvariant();
        var id = await app.Query(db => db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleAsync());
        Assert.Equal(organization, await app.Query(db => db.RoleAssignments.Where(a => a.UserId == id).Select(a => a.OrganizationId).SingleAsync()));
        // The account's page names the organization beside the role.
        Assert.Contains(name, (await session.GetAsync($"/Admin/Users/Details/{id}")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("org.staff", "七星关区社工服务中心")]
    [InlineData("huaibei.org", "蒲公英公益协会")]
    [InlineData("jiuyuan.org", "九原区社工服务中心")]
    [InlineData("dongying.org", "文汇社会工作服务中心")]
    public async Task Each_demo_organization_staff_account_acts_for_the_organization_it_is_named_after(string userName, string organization)
    {
        var id = await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == organization).Select(o => o.Id).SingleAsync());
        using var client = await app.CreateClientAsync(userName);
        var details = await (await client.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(organization, details.GetProperty("name").GetString());
        // Another organization of the same city: not theirs, so not there.
        var city = details.GetProperty("areaCode").GetString()![..4];
        var other = await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id != id && o.AreaCode.StartsWith(city)).Select(o => o.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{other}")).StatusCode);
    }
}
