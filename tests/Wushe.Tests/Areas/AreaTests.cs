using System.Net;
using System.Text.Json;

namespace Wushe.Tests.Areas;

public sealed class AreaTests(TestApp app)
{
    const string Qixingguan = "520502000000";
    const string Weining = "520526000000";

    static List<JsonElement> List(JsonElement array) => array.EnumerateArray().ToList();

    static List<string?> Codes(JsonElement array) => array.EnumerateArray().Select(n => n.GetProperty("code").GetString()).ToList();

    [Fact]
    public async Task The_platform_admin_starts_the_area_tree_at_the_provinces_of_the_four_demo_places()
    {
        using var client = await app.CreateClientAsync("admin");
        var roots = await (await client.GetAsync("/api/v1/areas")).Expect(HttpStatusCode.OK);
        var codes = Codes(roots);
        Assert.Superset(new HashSet<string?> { "340000000000", "150000000000", "520000000000", "370000000000" }, codes.ToHashSet());
        Assert.All(List(roots), n => Assert.Equal("Province", n.GetProperty("level").GetString()));
        Assert.All(List(roots), n => Assert.True(n.GetProperty("hasChildren").GetBoolean()));
    }

    [Theory]
    [InlineData("qixingguan", Qixingguan, "County")]
    [InlineData("bijie", "520500000000", "City")]
    [InlineData("shahe", "150207001000", "Township")]
    [InlineData("wenhui.sq", "370502001001", "Village")]
    [InlineData("org.staff", Qixingguan, "County")]
    public async Task Other_staff_start_the_area_tree_at_their_own_area(string user, string code, string level)
    {
        using var client = await app.CreateClientAsync(user);
        var roots = await (await client.GetAsync("/api/v1/areas")).Expect(HttpStatusCode.OK);
        var root = Assert.Single(List(roots));
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal(level, root.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("volunteer")]
    [InlineData("donor")]
    [InlineData("merchant")]
    public async Task Self_service_users_cannot_browse_areas(string user)
    {
        using var client = await app.CreateClientAsync(user);
        await (await client.GetAsync("/api/v1/areas")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task County_user_of_Qixingguan_gets_404_for_Weining()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var problem = await (await client.GetAsync($"/api/v1/areas/{Weining}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal("urn:wushe:problem:not-found", problem.GetProperty("type").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        var children = await (await client.GetAsync($"/api/v1/areas?parent={Weining}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal("urn:wushe:problem:not-found", children.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_city_user_of_Bijie_sees_both_Qixingguan_and_Weining()
    {
        using var client = await app.CreateClientAsync("bijie");
        var weining = await (await client.GetAsync($"/api/v1/areas/{Weining}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Weining, weining.GetProperty("code").GetString());
        var counties = Codes(await (await client.GetAsync("/api/v1/areas?parent=520500000000")).Expect(HttpStatusCode.OK));
        Assert.Contains(Qixingguan, counties);
        Assert.Contains(Weining, counties);
    }

    [Fact]
    public async Task An_area_shows_its_path_from_the_province_even_above_the_users_scope()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var area = await (await client.GetAsync("/api/v1/areas/520502001")).Expect(HttpStatusCode.OK);
        Assert.Equal("520502001000", area.GetProperty("code").GetString());
        Assert.Equal("Township", area.GetProperty("level").GetString());
        Assert.Equal(["520000000000", "520500000000", Qixingguan], Codes(area.GetProperty("path")));
        Assert.True(area.GetProperty("childCount").GetInt32() > 0);
    }

    [Fact]
    public async Task The_children_of_a_county_are_its_current_townships()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var children = List(await (await client.GetAsync($"/api/v1/areas?parent={Qixingguan}")).Expect(HttpStatusCode.OK));
        Assert.True(children.Count >= 10, $"only {children.Count} townships");
        Assert.All(children, c =>
        {
            Assert.StartsWith("520502", c.GetProperty("code").GetString(), StringComparison.Ordinal);
            Assert.Equal("Township", c.GetProperty("level").GetString());
            Assert.True(c.GetProperty("isCurrent").GetBoolean());
        });
        Assert.Equal(children.Select(c => c.GetProperty("code").GetString()).Order(StringComparer.Ordinal), children.Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Search_finds_places_by_name_only_within_the_users_scope()
    {
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        Assert.Empty(List(await (await qixingguan.GetAsync("/api/v1/areas?q=威宁")).Expect(HttpStatusCode.OK)));
        using var bijie = await app.CreateClientAsync("bijie");
        Assert.Contains(Weining, Codes(await (await bijie.GetAsync("/api/v1/areas?q=威宁")).Expect(HttpStatusCode.OK)));
        Assert.Contains(Qixingguan, Codes(await (await qixingguan.GetAsync("/api/v1/areas?q=七星关")).Expect(HttpStatusCode.OK)));
    }

    [Theory]
    [InlineData("52050")]
    [InlineData("abc")]
    [InlineData("999999999999")]
    public async Task A_malformed_or_unknown_code_is_not_found(string code)
    {
        using var client = await app.CreateClientAsync("admin");
        var problem = await (await client.GetAsync($"/api/v1/areas/{code}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal("urn:wushe:problem:not-found", problem.GetProperty("type").GetString());
    }
}
