using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Demo;

namespace Wushe.Tests.Demo;

/// <summary>The demo where no division list is found: the places the reports name, generated townships clearly marked.</summary>
public sealed class FallbackDemoApp : TestApp
{
    readonly string empty = Directory.CreateTempSubdirectory("wushe-no-divisions").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Wushe:Divisions:Path", empty);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(empty, recursive: true);
    }
}

public sealed class FallbackDemoTests(FallbackDemoApp app) : IClassFixture<FallbackDemoApp>
{
    [Fact]
    public async Task Without_the_division_list_the_demo_starts_with_the_named_places_and_marked_generated_townships()
    {
        var (named, qixingguan, generated, villagesMarked) = await app.Query(async db =>
        {
            var areas = db.Areas.IgnoreQueryFilters().AsNoTracking();
            var named = await areas.Where(a => a.Code == "520502000000" || a.Code == "370502001000" || a.Code == "150207001000")
                .ToDictionaryAsync(a => a.Code, a => (a.Name, a.IsGenerated));
            var qixingguan = await areas.CountAsync(a => a.ParentCode == "520502000000" && a.Level == AreaLevel.Township);
            var generated = await areas.Where(a => a.ParentCode == "520502000000").AllAsync(a => a.IsGenerated && a.Name.Contains("（生成）"));
            var villagesMarked = await areas.Where(a => a.Level == AreaLevel.Village).AllAsync(a => a.IsGenerated);
            return (named, qixingguan, generated, villagesMarked);
        });
        Assert.Equal(("七星关区", false), named["520502000000"]);
        Assert.Equal(("文汇街道", false), named["370502001000"]);
        Assert.Equal(("沙河街道", false), named["150207001000"]);
        Assert.Equal(48, qixingguan);
        Assert.True(generated, "Generated townships must say so.");
        Assert.True(villagesMarked);
    }

    [Fact]
    public async Task Every_demo_account_can_sign_in_and_Bijie_coverage_is_complete_over_its_generated_townships()
    {
        foreach (var account in DemoData.Accounts)
            Assert.False(string.IsNullOrEmpty(await app.TokenAsync(account.UserName, DemoData.Password)), account.UserName);
        using var bijie = await app.CreateClientAsync("bijie");
        var coverage = await (await bijie.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        var township = coverage.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "TownshipStation");
        Assert.Equal(48 + 41, township.GetProperty("areas").GetInt32());
        Assert.Equal(township.GetProperty("areas").GetInt32(), township.GetProperty("covered").GetInt32());
    }
}
