using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wushe.Tests.Organizations;

/// <summary>
/// 上级登记 · 服务本区: an organization registered by the city's bureau that serves in a county is in that county's register,
/// read-only; the county next door, which it does not serve, does not see it at all.
/// </summary>
public sealed class RegisteredAboveTests(TestApp app)
{
    const string City = "520500000000", Qixingguan = "520502000000", Shixi = "520502001000";

    /// <summary>An organization of 毕节市 serving 七星关区's 市西街道, registered by the city's bureau; its id and name.</summary>
    async Task<(Guid Id, string Name)> CityOrganizationServingShixiAsync(HttpClient bijie)
    {
        var name = "毕节市上级登记测试中心" + Guid.NewGuid().ToString("N")[..6];
        var body = new
        {
            areaCode = City, name, creditCode = OrganizationApiTests.NewCode('2', City), registeringAuthority = "毕节市民政局", registeredOn = "2021-06-01",
            legalRepresentative = "王五", contactName = "赵六", contactPhone = "13912340000", address = "毕节市测试路3号",
            serviceAreas = new[] { Shixi }, focusAreas = new[] { "ElderlyCare" },
        };
        var created = await (await bijie.PostAsJsonAsync("/api/v1/organizations", body)).Expect(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), name);
    }

    static async Task<List<JsonElement>> Find(HttpClient client, string name, string extra = "") =>
        (await (await client.GetAsync("/api/v1/organizations?keyword=" + Uri.EscapeDataString(name) + extra)).Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_county_bureau_reads_a_city_organization_serving_its_county_and_may_not_change_it()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var (id, name) = await CityOrganizationServingShixiAsync(bijie);
        using var qixingguan = await app.CreateClientAsync("qixingguan");

        var row = Assert.Single(await Find(qixingguan, name));
        Assert.True(row.GetProperty("registeredAbove").GetBoolean());
        Assert.Equal(City, row.GetProperty("areaCode").GetString());
        // Under the township it serves too (the tree's node), and not when the box is unticked.
        Assert.Single(await Find(qixingguan, name, $"&area={Shixi}"));
        Assert.Empty(await Find(qixingguan, name, "&area=520502002000"));
        Assert.Empty(await Find(qixingguan, name, "&above=false"));
        // The export follows the list and says which it is.
        var file = await qixingguan.GetAsync("/api/v1/organizations/export?keyword=" + Uri.EscapeDataString(name));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var exported = Assert.Single(MiniExcelLibs.MiniExcel.Query(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object>>());
        Assert.Equal("是", exported["上级登记 · 服务本区"]?.ToString());
        // The city's own list shows it as its own.
        Assert.False(Assert.Single(await Find(bijie, name)).GetProperty("registeredAbove").GetBoolean());

        var details = await (await qixingguan.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK);
        Assert.True(details.GetProperty("registeredAbove").GetBoolean());
        Assert.Equal(Shixi, details.GetProperty("serviceAreas")[0].GetProperty("code").GetString());
        await (await qixingguan.GetAsync($"/api/v1/organizations/{id}/incubation")).Expect(HttpStatusCode.OK);

        // Every write is the city's: as for any organization out of scope, not found.
        var edit = new
        {
            areaCode = City, name = name + "改", creditCode = (string?)null, kind = "PrivateNonEnterprise", status = "Incubating", registeringAuthority = "",
            legalRepresentative = "王五", contactName = "赵六", contactPhone = "", address = "", serviceAreas = new[] { Shixi }, focusAreas = new[] { "ElderlyCare" },
            version = details.GetProperty("version").GetInt32(),
        };
        Assert.Equal(HttpStatusCode.NotFound, (await qixingguan.PutAsJsonAsync($"/api/v1/organizations/{id}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qixingguan.PostAsJsonAsync($"/api/v1/organizations/{id}/status", new { to = "Suspended", reason = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qixingguan.PostAsJsonAsync($"/api/v1/organizations/{id}/incubation",
            new { hostName = "七星关区孵化基地", startOn = "2026-01-01", plannedEndOn = "2026-12-31" })).StatusCode);
        var after = await (await bijie.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(name, after.GetProperty("name").GetString());
        Assert.Equal("Registered", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_countys_bureau_does_not_see_a_city_organization_that_does_not_serve_it()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var (id, name) = await CityOrganizationServingShixiAsync(bijie);
        using var weining = await app.CreateClientAsync("weining");
        Assert.Empty(await Find(weining, name));
        await (await weining.GetAsync($"/api/v1/organizations/{id}")).Expect(HttpStatusCode.NotFound);
        await (await weining.GetAsync($"/api/v1/organizations/{id}/incubation")).Expect(HttpStatusCode.NotFound);
        // The city's foundation, which serves the whole city, serves Weining too: read-only there.
        var foundation = Assert.Single(await Find(weining, "毕节市慈善基金会"));
        Assert.True(foundation.GetProperty("registeredAbove").GetBoolean());
    }

    [Fact]
    public async Task The_register_page_marks_it_and_its_details_page_offers_no_edit_status_or_incubation()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var (id, name) = await CityOrganizationServingShixiAsync(bijie);
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var (status, list) = await session.GetAsync("/Organizations?keyword=" + Uri.EscapeDataString(name));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains("上级登记 · 服务本区", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Organizations/Edit?id={id}", list, StringComparison.Ordinal);
        Assert.Contains("含上级登记的服务机构", list, StringComparison.Ordinal);
        var (_, unticked) = await session.GetAsync("/Organizations?above=false&keyword=" + Uri.EscapeDataString(name));
        Assert.DoesNotContain("上级登记 · 服务本区", unticked, StringComparison.Ordinal);

        var (found, details) = await session.GetAsync($"/Organizations/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Contains("id=\"registered-above\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Organizations/Edit?id={id}", details, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"status-form\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deregister-form\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"incubation-start-form\"", details, StringComparison.Ordinal);
        // A status change posted anyway finds nothing to change.
        using var posted = await session.PostFormAsync($"/Organizations/Details/{id}?handler=Status",
            new Dictionary<string, string> { ["Change.To"] = "Suspended", ["Change.Reason"] = "越权", ["Change.Version"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }
}
