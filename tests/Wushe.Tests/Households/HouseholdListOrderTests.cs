using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// The household list's fast paths give the pages the plain path gives: the wide list that walks the due-date index
/// (SQLite, a city's list) and a keyword search paged in memory — same rows, same order, each household once, scope kept.
/// </summary>
public sealed class HouseholdListOrderTests(TestApp app)
{
    [Fact]
    public async Task The_fast_paths_page_like_the_plain_one()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++) ids.Add((await TestHouseholds.CreateAsync(app, community, $"顺序路{i}号")).Id);
        var elsewhere = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, await Places.NewTownshipAsync(app)), "顺序路9号");
        var today = ChinaTime.Today(TimeProvider.System);
        await app.Query(async db =>
        {
            // Due dates with ties (the id breaks them) and one closed household (no due date: last).
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                DateOnly? due = i == 3 ? null : today.AddDays(i % 3);
                await db.Set<Household>().Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.NextDueOn, due));
            }
            return 0;
        });

        var worker = new CurrentUser(Guid.NewGuid(), "list-order", [new Assignment(Role.StationWorker, township, "", null)], null);
        await using var scope = app.Scope(worker);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        async Task<List<Guid>> All(ListHouseholds.Query q, int wideFrom)
        {
            var seen = new List<Guid>();
            for (var page = 1; page <= 4; page++)
                seen.AddRange((await ListHouseholds.Handle(db, q with { Page = page, Size = 2 }, today, wideFrom)).Items.Select(r => r.Id));
            return seen;
        }

        var plain = await All(new ListHouseholds.Query(), int.MaxValue);
        Assert.Equal(ids.Order(), plain.Order());
        Assert.Equal(ids[3], plain[^1]);
        Assert.Equal(plain, await All(new ListHouseholds.Query(), wideFrom: 0));
        Assert.Equal(plain, await All(new ListHouseholds.Query(Keyword: "顺序路"), int.MaxValue));
        Assert.DoesNotContain(elsewhere.Id, await All(new ListHouseholds.Query(Keyword: "顺序路"), wideFrom: 0));
        var keywordPage = await ListHouseholds.Handle(db, new ListHouseholds.Query(Keyword: "顺序路", Page: 2, Size: 2), today);
        Assert.Equal(7, keywordPage.Total);
    }
}
