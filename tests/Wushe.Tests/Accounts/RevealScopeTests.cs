using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;

namespace Wushe.Tests.Accounts;

/// <summary>Personal data belongs to the account's home area: only there is it revealed, or even shown masked.</summary>
public sealed class RevealScopeTests(TestApp app)
{
    [Fact]
    public async Task A_county_bureau_neither_reveals_nor_lists_the_phone_of_a_user_whose_home_is_in_another_county()
    {
        using var chinese = new ChineseCulture();
        // A Weining resident who also works at a Qixingguan station: Qixingguan sees the account, but the person is Weining's.
        var name = await app.CreateUserAsync(role: Role.StationWorker, areaCode: "520502001000", homeAreaCode: "520526000000");
        var id = await app.Query(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        var sealer = app.Services.GetRequiredService<Wushe.Platform.Sensitive.Sealer>();
        await app.Query(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.SetPhone(sealer.Seal(Wushe.Platform.Sensitive.SensitiveKind.Phone, "13955550123"));
            return await db.SaveChangesAsync();
        });
        var bureau = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520502000000");
        using var client = await app.CreateClientAsync(bureau);

        var list = await (await client.GetAsync($"/api/v1/users?keyword={name}")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("phone").ValueKind);
        var details = await (await client.GetAsync($"/api/v1/users/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, details.GetProperty("phone").ValueKind);

        using var reveal = await client.PostAsJsonAsync($"/api/v1/users/{id}/reveal", new { field = "phone", reason = "电话回访核实身份" });
        var problem = await reveal.Expect(HttpStatusCode.Forbidden);
        Assert.Equal("该用户的归属区划不在您的管辖范围内，不能查看其完整信息", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("13955550123", problem.GetRawText(), StringComparison.Ordinal);

        // Refused and failed reveals are security events, naming who asked, for whom and why it failed.
        using var unknown = await client.PostAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/reveal", new { field = "phone", reason = "试探" });
        await unknown.Expect(HttpStatusCode.NotFound);
        var records = await app.Query(db => db.AuditRecords.Where(r => r.UserName == bureau && r.Action == AuditAction.Reveal).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Equal((id.ToString(), AuditOutcome.Denied, "home area outside scope", "Phone", "520526000000"),
            (records[0].EntityKey, records[0].Outcome, records[0].Reason, records[0].Fields, records[0].AreaCode));
        Assert.Equal((AuditOutcome.Denied, "not found"), (records[1].Outcome, records[1].Reason));

        // Weining, whose resident it is, reveals it.
        using var weining = await app.CreateClientAsync("weining");
        var shown = await (await weining.PostAsJsonAsync($"/api/v1/users/{id}/reveal", new { field = "phone", reason = "电话回访核实身份" })).Expect(HttpStatusCode.OK);
        Assert.Equal("13955550123", shown.GetProperty("value").GetString());
    }
}
