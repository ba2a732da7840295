using Microsoft.EntityFrameworkCore;
using Wushe.Features.Demo;
using Wushe.Features.Households;
using Wushe.Platform;

namespace Wushe.Tests.Households;

/// <summary>
/// The demo's households look like a real station's books today: visited within their card's interval but for a few overdue by
/// days or weeks (not hundreds), a few due this week, major changes visited within 24 h, households in two townships of each
/// place, names matching the sex, each visit recorded on the day it took place.
/// </summary>
public sealed class DemoBooksTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    /// <summary>The demo's households: in the demo townships, registered long before today (other tests register theirs today).</summary>
    async Task<List<Household>> DemoHouseholdsAsync()
    {
        var prefixes = HouseholdsDemo.Townships().Select(t => t.Township[..9]).ToList();
        var before = DateTimeOffset.UtcNow.AddDays(-60);
        var all = await app.Query(db => db.Set<Household>().IgnoreQueryFilters().AsNoTracking().Where(h => h.Status == HouseholdStatus.Active).ToListAsync());
        return [.. all.Where(h => h.CreatedAt < before && prefixes.Contains(h.AreaCode[..9]))];
    }

    [Fact]
    public async Task About_one_in_seven_demo_households_is_overdue_by_days_or_weeks_and_every_one_was_visited()
    {
        var households = await DemoHouseholdsAsync();
        Assert.True(households.Count >= 100, $"Only {households.Count} demo households.");
        var overdue = households.Where(h => h.NextDueOn < Today).ToList();
        var share = (double)overdue.Count / households.Count;
        Assert.True(share is >= 0.05 and <= 0.25, $"{overdue.Count} of {households.Count} overdue ({share:P0}): a station's books are not that.");
        var worst = overdue.Max(h => VisitPlan.DaysOverdue(h.NextDueOn, Today));
        Assert.True(worst <= 31, $"A demo household is {worst} days overdue.");
        // Per township too: no township of the demo is mostly overdue.
        foreach (var township in households.GroupBy(h => h.AreaCode[..9]))
            Assert.True(township.Count(h => h.NextDueOn < Today) * 3 < township.Count(), $"Township {township.Key}: {township.Count(h => h.NextDueOn < Today)} of {township.Count()} overdue.");
        Assert.All(households, h => Assert.NotNull(h.LastVisitedOn));
        // The high-risk (weekly) ones are visited weekly: overdue, if at all, by days.
        Assert.All(households.Where(h => h.VisitEveryDays <= 7), h => Assert.True(VisitPlan.DaysOverdue(h.NextDueOn, Today) <= 7, $"{h.HeadName}: weekly, due {h.NextDueOn}."));
        // A few due today or within the week.
        Assert.InRange(households.Count(h => h.NextDueOn >= Today && h.NextDueOn <= Today.AddDays(6)), 4, households.Count / 2);
        // A major change is visited within 24 h: none waits longer (one reported today awaits its visit).
        Assert.All(households.Where(h => h.MajorChangeOn is not null), h => Assert.True(h.MajorChangeOn >= Today.AddDays(-1), $"{h.HeadName}: major change of {h.MajorChangeOn} not visited."));
        Assert.Contains(households, h => h.MajorChangeOn == Today);
    }

    [Fact]
    public async Task Each_place_has_households_in_at_least_two_townships_and_several_communities()
    {
        var households = await DemoHouseholdsAsync();
        foreach (var place in new[] { "150207", "370502", "340603", "520502" })
        {
            var here = households.Where(h => h.AreaCode.StartsWith(place, StringComparison.Ordinal)).ToList();
            Assert.True(here.Select(h => h.AreaCode[..9]).Distinct().Count() >= 2, $"{place}: households in one township only.");
            Assert.True(here.Select(h => h.AreaCode).Distinct().Count() >= 4, $"{place}: households in fewer than four communities.");
        }
        // The overdue page of a county lists those townships (and the others, with zeros).
        using var client = await app.CreateClientAsync("jiuyuan");
        var figures = await (await client.GetAsync("/api/v1/households/overdue-by-township")).Expect(System.Net.HttpStatusCode.OK);
        Assert.True(figures.GetProperty("rows").GetProperty("items").EnumerateArray().Count(t => t.GetProperty("active").GetInt32() > 0) >= 2);
    }

    [Fact]
    public async Task Demo_names_match_the_sex_and_visits_are_recorded_on_their_day()
    {
        var ids = (await DemoHouseholdsAsync()).Select(h => h.Id).ToHashSet();
        var residents = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().AsNoTracking().Select(r => new { r.HouseholdId, r.Name, r.Sex }).ToListAsync());
        string[] women = ["秀英", "桂兰", "玉兰", "淑珍", "凤英", "金花", "春梅", "丽华", "玉珍", "桂芳", "秀兰", "翠花", "梓萱", "雨桐", "欣怡", "一诺", "思琪", "可馨"];
        string[] men = ["建国", "德明", "志强", "国华", "振华", "长林", "永福", "明亮", "德福", "文华", "建军", "学军", "浩然", "俊杰", "宇轩", "子豪", "浩宇", "博文"];
        foreach (var r in residents.Where(r => ids.Contains(r.HouseholdId)))
        {
            var given = r.Name[1..];
            if (women.Contains(given)) Assert.True(r.Sex == Sex.Female, $"{r.Name} is recorded {r.Sex}.");
            if (men.Contains(given)) Assert.True(r.Sex == Sex.Male, $"{r.Name} is recorded {r.Sex}.");
        }

        var visits = await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().AsNoTracking().Select(v => new { v.HouseholdId, v.VisitedOn, v.RecordedAt }).ToListAsync());
        var demo = visits.Where(v => ids.Contains(v.HouseholdId)).ToList();
        Assert.True(demo.Count >= ids.Count, $"{demo.Count} visits for {ids.Count} households.");
        Assert.All(demo, v => Assert.Equal(v.VisitedOn, DateOnly.FromDateTime(v.RecordedAt.ToOffset(ChinaTime.Offset).DateTime)));
    }
}
