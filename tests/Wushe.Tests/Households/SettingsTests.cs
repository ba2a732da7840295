using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Demo;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>Colour-card schemes and target-group tags over HTTP: validation, inheritance, re-planning, tag visibility.</summary>
public sealed class SettingsTests(TestApp app)
{
    static List<CardColourFields?> ThreeTier(int red = 7) =>
    [
        new("red", "红卡", "高风险", red, "#E53935"),
        new("yellow", "黄卡", "需关注", 30, "#FDD835"),
        new("blue", "蓝卡", "一般", 90, "#1E88E5"),
    ];

    [Fact]
    public async Task A_bad_colour_row_is_named_and_nothing_is_saved_and_a_second_scheme_is_409()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var colours = ThreeTier();
        colours[2] = colours[2]! with { VisitEveryDays = 400 };
        var bad = await (await huaibei.PostAsJsonAsync("/api/v1/households/card-schemes", new SaveCardScheme.Request(township, "测试方案", colours)))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("colours[2].visitEveryDays", out _), bad.ToString());
        Assert.Equal(0, await app.Query(db => db.Set<CardScheme>().CountAsync(s => s.AreaCode == township)));

        await (await huaibei.PostAsJsonAsync("/api/v1/households/card-schemes", new SaveCardScheme.Request(township, "测试方案", ThreeTier())))
            .Expect(HttpStatusCode.Created);
        var again = await (await huaibei.PostAsJsonAsync("/api/v1/households/card-schemes", new SaveCardScheme.Request(township, "第二个方案", ThreeTier())))
            .Expect(HttpStatusCode.Conflict);
        Assert.True(again.GetProperty("errors").TryGetProperty("areaCode", out _));
    }

    [Fact]
    public void The_first_colour_is_visited_at_least_weekly_and_none_more_often_than_the_one_above()
    {
        // review7c 21: red every 365 days and blue daily were accepted; a high-risk household was then due in nine months.
        var colours = ThreeTier();
        colours[0] = colours[0]! with { VisitEveryDays = 365 };
        colours[2] = colours[2]! with { VisitEveryDays = 1 };
        var errors = CardScheme.Check("测试方案", colours, 6).ToFailure().Errors!;
        Assert.Contains("高风险", errors["colours[0].visitEveryDays"][0], StringComparison.Ordinal);
        Assert.Contains("第 3 种颜色", errors["colours[2].visitEveryDays"][0], StringComparison.Ordinal);
        Assert.False(CardScheme.Check("测试方案", ThreeTier(), 6).Any);
    }

    [Fact]
    public async Task A_township_sees_its_countys_scheme_read_only_and_may_create_its_own()
    {
        // 沙河街道 lies under 九原区, whose demo scheme has five colours with orange for the elderly given priority care.
        // A station worker who is not the head reads it but may not set one (review7c 21): 403, and the settings say so.
        using var worker = await app.CreateClientAsync("shahe");
        var read = await (await worker.GetAsync("/api/v1/households/settings")).Expect(HttpStatusCode.OK);
        Assert.False(read.GetProperty("canCreate").GetBoolean());
        var refused = await (await worker.PostAsJsonAsync("/api/v1/households/card-schemes", new SaveCardScheme.Request("150207001000", "沙河方案", ThreeTier())))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Contains("站长", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Set<CardScheme>().AnyAsync(s => s.AreaCode == "150207001000")));

        using var shahe = await app.CreateClientAsync("shahe.zz");
        var settings = await (await shahe.GetAsync("/api/v1/households/settings")).Expect(HttpStatusCode.OK);
        Assert.True(settings.GetProperty("inherited").GetBoolean());
        Assert.False(settings.GetProperty("editable").GetBoolean());
        Assert.True(settings.GetProperty("canCreate").GetBoolean());
        var scheme = settings.GetProperty("scheme");
        Assert.Equal(CareSchemesDemo.Jiuyuan, scheme.GetProperty("areaCode").GetString());
        var orange = scheme.GetProperty("colours").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "orange");
        Assert.Contains("老人", orange.GetProperty("meaning").GetString(), StringComparison.Ordinal);

        // Changing the county's scheme from the township: not there for it.
        var id = scheme.GetProperty("id").GetGuid();
        await (await shahe.PutAsJsonAsync($"/api/v1/households/card-schemes/{id}", new SaveCardScheme.Request(null, "改掉", ThreeTier())))
            .Expect(HttpStatusCode.NotFound);
        Assert.Equal(5, await app.Query(async db => (await db.Set<CardScheme>().SingleAsync(s => s.Id == id)).Colours.Count));
    }

    [Fact]
    public async Task A_new_frequency_re_plans_the_households_holding_the_colour_and_a_held_colour_cannot_be_removed()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var created = await (await huaibei.PostAsJsonAsync("/api/v1/households/card-schemes", new SaveCardScheme.Request(township, "测试方案", ThreeTier())))
            .Expect(HttpStatusCode.Created);
        var schemeId = created.GetProperty("id").GetGuid();
        var household = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township));
        await app.Query(async db =>
        {
            var h = await db.Set<Household>().SingleAsync(h => h.Id == household.Id);
            h.Visited(ChinaTime.Today(TimeProvider.System));
            h.SetCard(schemeId, "red", "红卡", 7);
            return await db.SaveChangesAsync();
        });
        var before = await app.Query(db => db.Set<Household>().Where(h => h.Id == household.Id).Select(h => h.NextDueOn).SingleAsync());

        var saved = await (await huaibei.PutAsJsonAsync($"/api/v1/households/card-schemes/{schemeId}", new SaveCardScheme.Request(null, "测试方案", ThreeTier(red: 3))))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("replanned").GetInt32());
        var after = await app.Query(db => db.Set<Household>().SingleAsync(h => h.Id == household.Id));
        Assert.Equal(3, after.VisitEveryDays);
        Assert.Equal(before!.Value.AddDays(-4), after.NextDueOn);

        // Renaming the colour renames the card of the households holding it, in the same save.
        var renamed = ThreeTier(red: 3);
        renamed[0] = renamed[0]! with { Name = "红色预警卡" };
        await (await huaibei.PutAsJsonAsync($"/api/v1/households/card-schemes/{schemeId}", new SaveCardScheme.Request(null, "测试方案", renamed))).Expect(HttpStatusCode.OK);
        Assert.Equal("红色预警卡", await app.Query(db => db.Set<Household>().Where(h => h.Id == household.Id).Select(h => h.CardName).SingleAsync()));
        var list = await (await huaibei.GetAsync($"/api/v1/households?area={household.AreaCode}")).Expect(HttpStatusCode.OK);
        Assert.Equal("红色预警卡", list.GetProperty("items")[0].GetProperty("cardName").GetString());
        await (await huaibei.PutAsJsonAsync($"/api/v1/households/card-schemes/{schemeId}", new SaveCardScheme.Request(null, "测试方案", ThreeTier(red: 3)))).Expect(HttpStatusCode.OK);

        var withoutRed = ThreeTier()[1..];
        withoutRed[0] = withoutRed[0]! with { VisitEveryDays = 7 };   // the highest risk left is visited weekly
        withoutRed.Add(new CardColourFields("green", "绿卡", "稳定", 180, "#43A047"));
        var refused = await (await huaibei.PutAsJsonAsync($"/api/v1/households/card-schemes/{schemeId}", new SaveCardScheme.Request(null, "测试方案", withoutRed)))
            .Expect(HttpStatusCode.Conflict);
        Assert.Contains("红卡 1 户", refused.GetProperty("errors").GetProperty("colours")[0].GetString(), StringComparison.Ordinal);
        var kept = await app.Query(async db => (await db.Set<CardScheme>().SingleAsync(s => s.Id == schemeId)).Colours);
        Assert.Equal(["red", "yellow", "blue"], kept.Select(c => c.Key));
    }

    [Fact]
    public async Task The_default_tags_are_everywhere_and_read_only_and_an_areas_own_tags_stay_with_it()
    {
        Assert.Equal(11, await app.Query(db => db.Set<TargetGroup>().CountAsync(t => t.AreaCode == Scope.Country)));
        var township = await Places.NewTownshipAsync(app);
        var other = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");

        var defaults = await (await huaibei.GetAsync($"/api/v1/households/settings?area={township}")).Expect(HttpStatusCode.OK);
        var lonely = defaults.GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "独居老人");
        Assert.False(lonely.GetProperty("editable").GetBoolean());
        await (await huaibei.PutAsJsonAsync($"/api/v1/households/target-groups/{lonely.GetProperty("id").GetGuid()}",
            new SaveTargetGroup.Request(null, "独居", null, TargetGroupKind.Elderly, 1, false))).Expect(HttpStatusCode.NotFound);

        // A name the platform offers already is refused; the township's own tag is its own and its communities'.
        await (await huaibei.PostAsJsonAsync("/api/v1/households/target-groups", new SaveTargetGroup.Request(township, "独居老人", null, TargetGroupKind.Elderly)))
            .Expect(HttpStatusCode.Conflict);
        await (await huaibei.PostAsJsonAsync("/api/v1/households/target-groups", new SaveTargetGroup.Request(township, "空巢老人", "Empty-nest elderly", TargetGroupKind.Elderly, 5)))
            .Expect(HttpStatusCode.Created);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var below = await (await huaibei.GetAsync($"/api/v1/households/settings?area={community}")).Expect(HttpStatusCode.OK);
        Assert.Contains(below.GetProperty("tags").EnumerateArray(), t => t.GetProperty("name").GetString() == "空巢老人");
        var elsewhere = await (await huaibei.GetAsync($"/api/v1/households/settings?area={other}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(elsewhere.GetProperty("tags").EnumerateArray(), t => t.GetProperty("name").GetString() == "空巢老人");

        // Another county's bureau cannot add tags to it.
        using var jiuyuan = await app.CreateClientAsync("jiuyuan");
        await (await jiuyuan.PostAsJsonAsync("/api/v1/households/target-groups", new SaveTargetGroup.Request(township, "外地标签", null, TargetGroupKind.Other)))
            .Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Community_staff_may_not_configure()
    {
        using var client = await app.CreateClientAsync("shahe.sq");
        await (await client.GetAsync("/api/v1/households/settings")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_colours_English_name_and_meaning_show_on_English_pages_and_the_Chinese_ones_stand_in_when_none_is_given()
    {
        var township = await Places.NewTownshipAsync(app);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var colours = ThreeTier();
        colours[0] = colours[0]! with { NameEn = "Red card", MeaningEn = "High risk" };
        var created = await (await huaibei.PostAsJsonAsync("/api/v1/households/card-schemes", new SaveCardScheme.Request(township, "测试方案", colours)))
            .Expect(HttpStatusCode.Created);
        var schemeId = created.GetProperty("id").GetGuid();
        var red = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township));
        var yellow = await TestHouseholds.CreateAsync(app, red.AreaCode);
        await app.Query(async db =>
        {
            (await db.Set<Household>().SingleAsync(h => h.Id == red.Id)).SetCard(schemeId, "red", "红卡", 7);
            (await db.Set<Household>().SingleAsync(h => h.Id == yellow.Id)).SetCard(schemeId, "yellow", "黄卡", 30);
            return await db.SaveChangesAsync();
        });

        // The API keeps both languages; a too-long English name is named by its row.
        var stored = await app.Query(async db => (await db.Set<CardScheme>().SingleAsync(s => s.Id == schemeId)).Colours);
        Assert.Equal("Red card", stored[0].NameEn);
        Assert.Null(stored[1].NameEn);
        var tooLong = ThreeTier();
        tooLong[1] = tooLong[1]! with { NameEn = new string('Y', 41) };
        var bad = await (await huaibei.PutAsJsonAsync($"/api/v1/households/card-schemes/{schemeId}", new SaveCardScheme.Request(null, "测试方案", tooLong))).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("colours[1].nameEn", out _), bad.ToString());

        // English: the English name where given, the Chinese where not; Chinese: the Chinese.
        using var english = await app.CreateClientAsync("huaibei");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var list = await (await english.GetAsync($"/api/v1/households?area={red.AreaCode}")).Expect(HttpStatusCode.OK);
        var names = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("cardName").GetString());
        Assert.Equal("Red card", names[red.Id]);
        Assert.Equal("黄卡", names[yellow.Id]);
        var chinese = await (await huaibei.GetAsync($"/api/v1/households/{red.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("红卡", chinese.GetProperty("cardName").GetString());
        var details = await (await english.GetAsync($"/api/v1/households/{red.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Red card", details.GetProperty("cardName").GetString());
    }

    [Fact]
    public async Task The_demo_schemes_have_English_names()
    {
        var schemes = await app.Query(db => db.Set<CardScheme>().IgnoreQueryFilters().Where(s => s.AreaCode == CareSchemesDemo.Jiuyuan).ToListAsync());
        Assert.All(Assert.Single(schemes).Colours, c => Assert.False(string.IsNullOrWhiteSpace(c.NameEn) || string.IsNullOrWhiteSpace(c.MeaningEn), c.Key));
    }
}
