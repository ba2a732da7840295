using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Tests.Platform;

namespace Wushe.Tests.Stations;

/// <summary>新增评星: every validation error is shown beside its field with everything typed kept (it answered 500 and lost the input); levels must rise with their stars.</summary>
public sealed class RatingRoundFormTests(TestApp app)
{
    Task<bool> RoundExists(string name) => app.Query(db => db.Set<RatingRound>().AnyAsync(r => r.Name == name));

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        // field, value, expected message, a typed value that must still be there
        { "Input.Name", "", "评星名称不能为空", "服务成效" },
        { "Input.Year", "1900", "年度必须介于 2000 和 2100 之间", "1900" },
        { "Input.Modules[1].MaxScore", "-5", "“制度建设”的满分必须介于 1 和 1000 之间", "-5" },
        { "Input.Levels[1].Name", "", "第 2 个等级的名称不能为空", "800" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_validation_error_is_shown_beside_its_field_and_nothing_typed_is_lost(string field, string value, string message, string kept)
    {
        var name = "评星" + Guid.NewGuid().ToString("N")[..6];
        var form = FormInputTests.RoundForm(name);
        form[field] = value;
        using var session = await PageSession.SignInAsync(app, "bijie");
        using var response = await session.PostFormAsync("/Stations/Ratings/Create", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{kept}\"", html, StringComparison.Ordinal);
        if (field != "Input.Name") Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.False(await RoundExists(name));
    }

    [Fact]
    public async Task Star_levels_in_the_wrong_order_are_refused_on_the_page_naming_the_rows()
    {
        var name = "评星" + Guid.NewGuid().ToString("N")[..6];
        var form = FormInputTests.RoundForm(name, levels: [("五星级", "5", "10"), ("四星级", "4", "90"), ("优秀", "0", "700")]);
        using var session = await PageSession.SignInAsync(app, "bijie");
        using var response = await session.PostFormAsync("/Stations/Ratings/Create", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“五星级”（5 星）的最低得分 10 应高于", html, StringComparison.Ordinal);
        Assert.Contains("“四星级”（4 星）的最低得分 90 应高于“优秀”的 700", html, StringComparison.Ordinal);
        Assert.False(await RoundExists(name));
    }

    [Fact]
    public async Task Star_levels_in_the_wrong_order_are_refused_by_the_API_naming_the_level()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var name = "评星" + Guid.NewGuid().ToString("N")[..6];
        using var response = await bijie.PostAsJsonAsync("/api/v1/ratings", new
        {
            name, year = 2026,
            levels = new[] { new { name = "五星级", stars = 5, minScore = 10 }, new { name = "四星级", stars = 4, minScore = 90 }, new { name = "优秀", stars = 0, minScore = 700 } },
        });
        var errors = (await response.Expect(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("levels[0].minScore", out _));
        Assert.True(errors.TryGetProperty("levels[1].minScore", out _));
        Assert.False(await RoundExists(name));

        // An empty threshold is missing, not 0.
        using var missing = await bijie.PostAsJsonAsync("/api/v1/ratings", new { name, year = 2026, levels = new[] { new { name = "五星级", stars = 5 } } });
        Assert.Equal("第 1 个等级的最低得分不能为空", (await missing.Expect(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("levels[0].minScore")[0].GetString());
    }

    [Fact]
    public async Task A_round_stored_with_levels_in_the_wrong_order_cannot_be_published()
    {
        Guid id;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var round = new RatingRound("520500000000", "旧评星" + Guid.NewGuid().ToString("N")[..6], 2025, RatingRound.DefaultModules(),
                [new RatingLevel("五星级", 5, 10), new RatingLevel("四星级", 4, 90)], DateTimeOffset.UtcNow);
            var station = await db.Stations.FirstAsync(s => s.AreaCode == "520502012000");
            var rating = new StationRating(round, station, DateTimeOffset.UtcNow);
            rating.Review(round, round.Modules.ToDictionary(m => m.Key, m => 10), DateTimeOffset.UtcNow);
            db.Set<RatingRound>().Add(round);
            db.Set<StationRating>().Add(rating);
            await db.SaveChangesAsync();
            id = round.Id;
        }
        using var bijie = await app.CreateClientAsync("bijie");
        var problem = await (await bijie.PostAsync($"/api/v1/ratings/{id}/publish", null)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不能公示", problem.GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(RatingRoundStatus.Open, await app.Query(db => db.Set<RatingRound>().Where(r => r.Id == id).Select(r => r.Status).FirstAsync()));
    }

    [Fact]
    public async Task A_sound_round_typed_on_the_page_is_created_with_its_rows_in_order()
    {
        var name = "评星" + Guid.NewGuid().ToString("N")[..6];
        using var session = await PageSession.SignInAsync(app, "bijie");
        using var response = await session.PostFormAsync("/Stations/Ratings/Create", FormInputTests.RoundForm(name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var round = await app.Query(db => db.Set<RatingRound>().FirstAsync(r => r.Name == name));
        Assert.Equal(6, round.Modules.Count);
        Assert.Equal(["五星级", "四星级", "优秀"], round.Levels.Select(l => l.Name));
    }
}
