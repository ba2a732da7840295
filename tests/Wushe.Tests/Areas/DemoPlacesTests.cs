using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Demo;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Areas;

/// <summary>
/// The demo as a fresh clone shows it, with nothing beside the repository: the real places of the
/// four seed regions from the list shipped with the product, generated villages marked as such.
/// </summary>
public sealed partial class DemoPlacesTests(TestApp app)
{
    /// <summary>The seed regions: 淮北市, 包头市九原区, 毕节市, 东营市东营区.</summary>
    static readonly string[] Regions = ["3406", "150207", "5205", "370502"];

    [Fact]
    public async Task The_demo_has_exactly_the_real_places_of_the_four_seed_regions_with_Bijies_279_townships()
    {
        var list = NationalDivisions.Parse().Rows
            .Where(r => Regions.Any(p => r.Code12.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(r => r.Code12, r => r.Name);
        var demo = await app.Query(db => db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Level != AreaLevel.Village && a.ValidTo == null && !a.IsGenerated)
            .Select(a => new { a.Code, a.Name }).ToListAsync());
        var inRegions = demo.Where(a => Regions.Any(p => a.Code.StartsWith(p, StringComparison.Ordinal))).ToDictionary(a => a.Code, a => a.Name);
        Assert.Equal(list.OrderBy(a => a.Key), inRegions.OrderBy(a => a.Key));

        using var bijie = await app.CreateClientAsync("bijie");
        var coverage = await (await bijie.GetAsync("/api/v1/stations/coverage")).Expect(HttpStatusCode.OK);
        var township = coverage.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "TownshipStation");
        Assert.Equal(279, township.GetProperty("areas").GetInt32());

        using var admin = await app.CreateClientAsync("admin");
        foreach (var (code, name) in new[] { ("340603001", "相南街道"), ("150207001", "沙河街道"), ("520502001", "市西街道"), ("370502001", "文汇街道"), ("520526", "威宁彝族回族苗族自治县") })
        {
            var area = await (await admin.GetAsync($"/api/v1/areas/{code}")).Expect(HttpStatusCode.OK);
            Assert.Equal(name, area.GetProperty("name").GetString());
            Assert.False(area.GetProperty("isGenerated").GetBoolean());
        }
    }

    [Fact]
    public async Task No_real_place_is_generated_no_name_says_generated_and_every_village_says_it_is()
    {
        var real = NationalDivisions.Parse().Rows.Select(r => r.Code12).Where(c => Regions.Any(p => c.StartsWith(p, StringComparison.Ordinal))).ToList();
        var (generatedAbove, markedNames, villages, unmarkedVillages) = await app.Query(async db =>
        {
            // Tests elsewhere add made-up towns of their own (marked generated): only the real codes count here.
            var areas = db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => Regions.Any(p => a.Code.StartsWith(p)));
            return (await areas.CountAsync(a => real.Contains(a.Code) && a.IsGenerated),
                await areas.CountAsync(a => a.Name.Contains("（生成）")),
                await areas.CountAsync(a => a.Level == AreaLevel.Village),
                await areas.CountAsync(a => a.Level == AreaLevel.Village && !a.IsGenerated));
        });
        Assert.Equal(0, generatedAbove);
        Assert.Equal(0, markedNames);
        Assert.True(villages > 1000, $"Only {villages} generated villages.");
        Assert.Equal(0, unmarkedVillages);
    }

    /// <summary>The README's table of demo sign-ins: the repository's own README, found above the test's folder.</summary>
    static string Readme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Wushe")))
                return File.ReadAllText(Path.Combine(dir.FullName, "README.md"));
        throw new InvalidOperationException("The repository's README.md was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"`([a-z.]+)`(?: \(([^)]+)\))?")]
    private static partial Regex SignIn();

    [Fact]
    public async Task Every_sign_in_of_the_README_works_and_sits_on_the_place_the_README_names()
    {
        var table = Readme().Split('\n').SkipWhile(l => !l.StartsWith("| role |", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(table.Count > 8, "The README's sign-in table was not found.");
        var checkedPlaces = 0;
        var users = 0;
        foreach (var row in table.Skip(2))
        {
            var cells = row.Split('|')[2..^1];
            for (var column = 0; column < Regions.Length; column++)
                foreach (Match m in SignIn().Matches(cells[column]))
                {
                    var (user, place) = (m.Groups[1].Value, m.Groups[2].Value);
                    Assert.Contains(DemoData.Accounts, a => a.UserName == user);
                    using var client = await app.CreateClientAsync(user);
                    var me = await (await client.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
                    var role = me.GetProperty("roles")[0];
                    var code = role.GetProperty("areaCode").GetString()!;
                    users++;
                    if (user == "admin") continue;
                    Assert.True(code.StartsWith(Regions[column], StringComparison.Ordinal), $"{user} sits on {code}, outside the README's column {Regions[column]}.");
                    // "(相南街道)", "(七星关区)": the name of the place itself; "(市)", "(县)" only say the level.
                    if (place.Length > 1)
                    {
                        Assert.Equal(place, role.GetProperty("areaName").GetString());
                        checkedPlaces++;
                    }
                }
        }
        Assert.True(users >= 36, $"Only {users} sign-ins in the README.");
        Assert.True(checkedPlaces >= 6, $"Only {checkedPlaces} places named in the README.");
    }

    [Fact]
    public async Task The_start_up_banner_names_each_demo_account_by_the_real_place_it_sits_on()
    {
        var codes = DemoData.Accounts.Select(a => a.AreaCode).Distinct().ToList();
        var names = await app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name));
        foreach (var account in DemoData.Accounts.Where(a => a.AreaCode != Wushe.Platform.Access.Scope.Country))
        {
            var place = account.Description.Split(" · ")[1];
            Assert.True(place.StartsWith(names[account.AreaCode], StringComparison.Ordinal),
                $"{account.UserName}: the banner says {place}, the account sits on {names[account.AreaCode]}.");
        }
    }
}
