using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Accounts.Users;
using Wushe.Features.Demo;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Validation;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Accounts;

/// <summary>User administration through /api/v1/users, as the county bureaus of Qixingguan and Weining and the platform admin.</summary>
public sealed class UserAdminTests(TestApp app)
{
    const string Qixingguan = "520502000000";
    const string Weining = "520526000000";
    const string Password = "start1234";

    static object NewUser(string? userName = null, string? phone = null, string? idNumber = null, string home = Qixingguan,
        Role role = Role.StationWorker, string roleArea = "520502001000") => new
        {
            userName = userName ?? "adm." + Guid.NewGuid().ToString("N")[..10],
            displayName = "测试社工",
            phone = phone ?? Numbers.Mobile(),
            idNumber,
            homeAreaCode = home,
            password = Password,
            roles = new[] { new { role = role.ToString(), areaCode = roleArea } },
        };

    static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;

    Task<bool> UserExists(string userName)
    {
        var normalized = userName.ToUpperInvariant();
        return app.Query(db => db.Users.AnyAsync(u => u.NormalizedUserName == normalized));
    }

    async Task<Guid> Create(HttpClient client, object user)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/users", user);
        var body = await response.Expect(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_county_bureau_creates_a_user_in_its_county_but_not_in_the_neighbouring_one()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        var phone = Numbers.Mobile();
        var id = await Create(qixingguan, NewUser(phone: phone, idNumber: Numbers.ResidentIdNumber()));
        var created = await (await qixingguan.GetAsync($"/api/v1/users/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(phone[..3] + "****" + phone[7..], created.GetProperty("phone").GetString());
        Assert.Matches(@"^5205\*{10}[\dX]{4}$", created.GetProperty("idNumber").GetString());
        Assert.Equal("StationWorker", Assert.Single(created.GetProperty("roles").EnumerateArray()).GetProperty("role").GetString());

        var outside = "adm.out." + Guid.NewGuid().ToString("N")[..6];
        using var response = await qixingguan.PostAsJsonAsync("/api/v1/users", NewUser(outside, home: Weining, roleArea: "520526100000"));
        var errors = Errors(await response.Expect(HttpStatusCode.BadRequest));
        Assert.Contains("homeAreaCode", errors.Keys);
        Assert.Contains("roles[0].areaCode", errors.Keys);
        Assert.False(await UserExists(outside));
    }

    [Fact]
    public async Task A_role_outside_the_county_alone_is_refused_and_saves_nothing()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        var name = "adm.role." + Guid.NewGuid().ToString("N")[..6];
        using var response = await qixingguan.PostAsJsonAsync("/api/v1/users", NewUser(name, roleArea: Weining));
        var errors = Errors(await response.Expect(HttpStatusCode.BadRequest));
        Assert.Equal(new[] { "roles[0].areaCode" }, errors.Keys);
        Assert.False(await UserExists(name));
    }

    [Fact]
    public async Task A_mobile_number_already_in_use_is_refused()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var phone = Numbers.Mobile();
        await Create(client, NewUser(phone: phone));

        var second = "adm.dup." + Guid.NewGuid().ToString("N")[..6];
        using var response = await client.PostAsJsonAsync("/api/v1/users", NewUser(second, phone: "+86 " + phone));
        // A mobile number is a natural key of accounts (a sign-in name): a duplicate is a 409 naming it.
        var errors = Errors(await response.Expect(HttpStatusCode.Conflict));
        Assert.Equal(new[] { "该手机号已被使用" }, errors["phone"]);
        Assert.False(await UserExists(second));

        // A demo account's number is taken too: it is a sign-in name.
        using var demo = await client.PostAsJsonAsync("/api/v1/users", NewUser(phone: "13800000008"));
        Assert.Contains("phone", Errors(await demo.Expect(HttpStatusCode.Conflict)).Keys);

        // With another problem besides, the answer is the 400 that names both.
        using var both = await client.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "adm." + Guid.NewGuid().ToString("N")[..10], displayName = "", phone = "13800000008", homeAreaCode = Qixingguan, password = Password,
            roles = new[] { new { role = "StationWorker", areaCode = "520502001000" } },
        });
        var all = Errors(await both.Expect(HttpStatusCode.BadRequest));
        Assert.Contains("phone", all.Keys);
        Assert.Contains("displayName", all.Keys);
    }

    [Fact]
    public async Task A_malformed_ID_number_is_refused_with_a_Chinese_message_naming_the_ID_number()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var valid = Numbers.ResidentIdNumber();
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        using var response = await client.PostAsJsonAsync("/api/v1/users", NewUser(idNumber: wrongCheck));
        var errors = Errors(await response.Expect(HttpStatusCode.BadRequest));
        Assert.Equal(new[] { "身份证号码校验位不正确" }, errors["idNumber"]);

        using var shortOne = await client.PostAsJsonAsync("/api/v1/users", NewUser(idNumber: "52050219900101"));
        Assert.Equal(new[] { "身份证号码应为 18 位" }, Errors(await shortOne.Expect(HttpStatusCode.BadRequest))["idNumber"]);
    }

    [Fact]
    public async Task A_county_bureau_may_not_grant_the_platform_admin_role()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var name = "adm.root." + Guid.NewGuid().ToString("N")[..6];
        using var response = await client.PostAsJsonAsync("/api/v1/users", NewUser(name, role: Role.PlatformAdmin, roleArea: Scope.Country));
        Assert.Contains("roles[0].role", Errors(await response.Expect(HttpStatusCode.BadRequest)).Keys);
        Assert.False(await UserExists(name));
    }

    [Fact]
    public async Task Revealing_a_phone_number_needs_a_reason_and_leaves_an_audit_record_with_it()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var phone = Numbers.Mobile();
        var id = await Create(client, NewUser(phone: phone));

        using var noReason = await client.PostAsJsonAsync($"/api/v1/users/{id}/reveal", new { field = "phone" });
        Assert.Contains("reason", Errors(await noReason.Expect(HttpStatusCode.BadRequest)).Keys);
        // A failed reveal is a security event too: recorded as failed, with no value.
        var failed = await app.Query(db => db.AuditRecords.SingleAsync(r => r.Action == AuditAction.Reveal && r.EntityKey == id.ToString()));
        Assert.Equal(AuditOutcome.Failed, failed.Outcome);
        Assert.Equal("Phone", failed.Fields);

        const string reason = "电话回访核实身份";
        using var revealed = await client.PostAsJsonAsync($"/api/v1/users/{id}/reveal", new { field = "phone", reason });
        var body = await revealed.Expect(HttpStatusCode.OK);
        Assert.Equal(phone, body.GetProperty("value").GetString());

        var record = await app.Query(db => db.AuditRecords.SingleAsync(r => r.Action == AuditAction.Reveal && r.EntityKey == id.ToString() && r.Outcome == AuditOutcome.Success));
        Assert.Equal("User", record.Entity);
        Assert.Equal("Phone", record.Fields);
        Assert.Equal(reason, record.Reason);
        Assert.Equal("qixingguan", record.UserName);
        Assert.Equal(Role.BureauStaff, record.Role);
        Assert.DoesNotContain(phone, record.Fields + record.Reason + record.EntityKey, StringComparison.Ordinal);

        // Everywhere else the number stays masked.
        var details = await (await client.GetAsync($"/api/v1/users/{id}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(phone, details.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weining_neither_sees_nor_changes_a_user_of_Qixingguan()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        var name = "adm.qx." + Guid.NewGuid().ToString("N")[..6];
        var id = await Create(qixingguan, NewUser(name));

        using var weining = await app.CreateClientAsync("weining");
        await (await weining.GetAsync($"/api/v1/users/{id}")).Expect(HttpStatusCode.NotFound);
        await (await weining.PostAsync($"/api/v1/users/{id}/lock", null)).Expect(HttpStatusCode.NotFound);
        await (await weining.PostAsJsonAsync($"/api/v1/users/{id}/reveal", new { field = "phone", reason = "试图查看" })).Expect(HttpStatusCode.NotFound);
        await (await weining.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "takeover99" })).Expect(HttpStatusCode.NotFound);
        var list = await (await weining.GetAsync($"/api/v1/users?keyword={name}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        using var bureau = await app.CreateClientAsync("qixingguan");
        var name = "adm.lock." + Guid.NewGuid().ToString("N")[..6];
        var id = await Create(bureau, NewUser(name));
        await app.TokenAsync(name, Password);

        var locked = await (await bureau.PostAsync($"/api/v1/users/{id}/lock", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("Disabled", locked.GetProperty("status").GetString());
        using var anonymous = app.Anonymous();
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { login = name, password = Password });
        // The one answer of every failed sign-in: a disabled account is not told apart (SignIn).
        Assert.Equal(["password"], Errors(await refused.Expect(HttpStatusCode.BadRequest)).Keys);

        await (await bureau.PostAsync($"/api/v1/users/{id}/unlock", null)).Expect(HttpStatusCode.OK);
        await app.TokenAsync(name, Password);
    }

    [Fact]
    public async Task A_county_bureau_replaces_only_the_roles_in_its_county_and_cannot_take_over_a_user_active_elsewhere()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        var id = await Create(qixingguan, NewUser());
        using var admin = await app.CreateClientAsync("admin");
        await (await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new
        {
            roles = new[] { new { role = "StationWorker", areaCode = "520502001000" }, new { role = "CommunityStaff", areaCode = "520526100001" } },
        })).Expect(HttpStatusCode.OK);

        var roles = await (await qixingguan.PutAsJsonAsync($"/api/v1/users/{id}/roles", new
        {
            roles = new[] { new { role = "CommunityStaff", areaCode = "520502001001" } },
        })).Expect(HttpStatusCode.OK);
        var held = roles.EnumerateArray().Select(r => (r.GetProperty("role").GetString(), r.GetProperty("areaCode").GetString())).ToList();
        Assert.Equal(new (string?, string?)[] { ("CommunityStaff", "520502001001"), ("CommunityStaff", "520526100001") }, held.Order());

        // The user also acts in Weining: Qixingguan may not reset its password or disable it.
        await (await qixingguan.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "takeover99" })).Expect(HttpStatusCode.Forbidden);
        await (await qixingguan.PostAsync($"/api/v1/users/{id}/lock", null)).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_account_manages_itself_or_a_peer_of_its_own_level()
    {
        // Two bureau accounts of Qixingguan: neither may lock, reset, re-role or edit the other, or itself here.
        var first = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: Qixingguan);
        var second = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: Qixingguan);
        var firstId = await app.Query(db => db.Users.Where(u => u.UserName == first).Select(u => u.Id).SingleAsync());
        var secondId = await app.Query(db => db.Users.Where(u => u.UserName == second).Select(u => u.Id).SingleAsync());
        using var peer = await app.CreateClientAsync(second);
        foreach (var target in new[] { firstId, secondId })
        {
            var why = await (await peer.PostAsync($"/api/v1/users/{target}/lock", null)).Expect(HttpStatusCode.Forbidden);
            Assert.Contains("同级", why.GetProperty("title").GetString(), StringComparison.Ordinal);
            await (await peer.PostAsJsonAsync($"/api/v1/users/{target}/password", new { newPassword = "takeover99" })).Expect(HttpStatusCode.Forbidden);
            await (await peer.PutAsJsonAsync($"/api/v1/users/{target}/roles", new { roles = new[] { new { role = "StationWorker", areaCode = "520502001000" } } }))
                .Expect(HttpStatusCode.Forbidden);
            var shown = await (await peer.GetAsync($"/api/v1/users/{target}")).Expect(HttpStatusCode.OK);
            Assert.False(shown.GetProperty("canManage").GetBoolean());
        }
        Assert.False(await app.Query(db => db.Users.Where(u => u.Id == firstId).Select(u => u.IsDisabled).SingleAsync()));
        Assert.True(await app.Query(db => db.AuditRecords.CountAsync(r => r.Entity == "User" && r.EntityKey == firstId.ToString() && r.Action == AuditAction.Denied)) >= 3);

        // The level above manages both.
        using var city = await app.CreateClientAsync("bijie");
        await (await city.PostAsync($"/api/v1/users/{firstId}/lock", null)).Expect(HttpStatusCode.OK);
        await (await city.PostAsync($"/api/v1/users/{firstId}/unlock", null)).Expect(HttpStatusCode.OK);

        // Nor does an account make a peer, by granting a role at its own area: to a new user or to one it manages.
        var peerRole = new[] { new { role = "StationWorker", areaCode = Qixingguan } };
        using var county = await app.CreateClientAsync("qixingguan");
        var made = await (await county.PostAsJsonAsync("/api/v1/users", NewUser(role: Role.BureauStaff, roleArea: Qixingguan))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("本级", made.GetProperty("errors").GetProperty("roles[0].areaCode")[0].GetString(), StringComparison.Ordinal);
        var below = await Create(county, NewUser());
        var regranted = await (await county.PutAsJsonAsync($"/api/v1/users/{below}/roles", new { roles = peerRole })).Expect(HttpStatusCode.BadRequest);
        Assert.True(regranted.GetProperty("errors").TryGetProperty("roles[0].areaCode", out _), regranted.ToString());
        Assert.True(await app.Query(db => db.RoleAssignments.AllAsync(r => r.UserId != below || r.AreaCode != Qixingguan)));
    }

    [Fact]
    public async Task Changing_roles_is_audited_as_role_changes_without_claiming_other_fields_changed()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var id = await Create(client, NewUser());
        await (await client.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { new { role = "Volunteer", areaCode = (string?)null } } }))
            .Expect(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/v1/users/{id}/lock", null)).Expect(HttpStatusCode.OK);

        // The roles are records of their own; of the user, only the security stamp changed (its sessions refresh), said without its value.
        var userRecords = await app.Query(db => db.AuditRecords.Where(r => r.Entity == "User" && r.EntityKey == id.ToString() && r.Action != AuditAction.Create).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, userRecords.Count);
        Assert.Equal(AuditAction.Update, userRecords[0].Action);
        Assert.Equal("SecurityStamp", userRecords[0].Fields);
        Assert.Equal("[{\"f\":\"SecurityStamp\",\"h\":true}]", userRecords[0].Changes);
        // Disabling is a change of state.
        Assert.Equal(AuditAction.StateChange, userRecords[1].Action);
        Assert.Contains("IsDisabled", userRecords[1].Fields!.Split(','));
        var stamp = await app.Query(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        Assert.False(string.IsNullOrEmpty(stamp));
    }

    [Fact]
    public async Task The_list_numbers_rows_across_pages_and_shows_only_masked_phones()
    {
        using var admin = await app.CreateClientAsync("admin");
        var page2 = await (await admin.GetAsync("/api/v1/users?page=2&size=10")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.True(page2.GetProperty("total").GetInt32() > 10);
        // Accounts made by other tests may have no phone; every phone that is shown is masked.
        var all = await (await admin.GetAsync("/api/v1/users?size=100")).Expect(HttpStatusCode.OK);
        var phones = all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("phone").GetString()).OfType<string>().ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, phone => Assert.Matches(@"^\d{3}\*{4}\d{4}$", phone));
        Assert.DoesNotContain(DemoData.Accounts[0].Phone, page2.GetRawText(), StringComparison.Ordinal);

        using var bureau = await app.CreateClientAsync("qixingguan");
        var own = await (await bureau.GetAsync($"/api/v1/users?size=100")).Expect(HttpStatusCode.OK);
        var names = own.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("userName").GetString()).ToList();
        Assert.Contains("qixingguan", names);
        Assert.DoesNotContain("weining", names);
        Assert.DoesNotContain("admin", names);
    }

    [Fact]
    public async Task The_user_pages_open_for_a_bureau_and_are_closed_to_a_station_worker()
    {
        using var bureau = await app.CreateClientAsync("qixingguan");
        // Searched by name: tests running alongside add users of Qixingguan, newest first, which can push it off the first page.
        using var list = await bureau.GetAsync("/Admin/Users?keyword=qixingguan");
        var html = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("用户管理", html, StringComparison.Ordinal);
        Assert.Contains("138****0007", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000007", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync("/Admin/Users/Edit")).StatusCode);

        using var worker = await app.CreateClientAsync("shahe");
        using var denied = await worker.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
