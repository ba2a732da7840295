using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;

namespace Wushe.Tests.Stations;

/// <summary>The "五有五统一" roll-up on each station must always equal what its check history says.</summary>
public sealed class StationStandardTests(TestApp app)
{
    [Fact]
    public async Task Recording_checks_keeps_the_station_roll_up_equal_to_its_history_even_for_a_backdated_check()
    {
        using var client = await app.CreateClientAsync("weining");
        var page = await (await client.GetAsync("/api/v1/stations?level=TownshipStation&size=10")).Expect(HttpStatusCode.OK);
        var id = page.GetProperty("items")[3].GetProperty("id").GetGuid();

        async Task Record(string item, bool met, string on)
        {
            using var form = new MultipartFormDataContent { { new StringContent(item), "item" }, { new StringContent(met ? "true" : "false"), "met" }, { new StringContent(on), "checkedOn" } };
            await (await client.PostAsync($"/api/v1/stations/{id}/checklist", form)).Expect(HttpStatusCode.Created);
        }

        foreach (var item in StandardCheck.Items) await Record(item.ToString(), true, "2026-11-20");
        await Record("HasOffice", false, "2026-11-25");
        // An older check recorded later does not override the newer one.
        await Record("HasRules", false, "2026-01-01");

        var checklist = await (await client.GetAsync($"/api/v1/stations/{id}/checklist")).Expect(HttpStatusCode.OK);
        Assert.Equal(9, checklist.GetProperty("metCount").GetInt32());
        var station = await app.Query(db => db.Stations.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == id));
        Assert.Equal((9, 10), (station.StandardMet, station.StandardChecked));
    }

    [Fact]
    public async Task Every_station_roll_up_reconciles_with_its_check_history()
    {
        var (stations, checks) = await app.Query(async db => (
            await db.Stations.IgnoreQueryFilters().AsNoTracking().Select(s => new { s.Id, s.StandardMet, s.StandardChecked }).ToListAsync(),
            await db.Set<StandardCheck>().IgnoreQueryFilters().AsNoTracking().Select(c => new { c.StationId, c.Item, c.Met, c.CheckedOn, c.RecordedAt }).ToListAsync()));
        Assert.True(checks.Count > 1000, "The demo data should hold a real check history.");
        var wrong = stations.Where(s => (s.StandardMet, s.StandardChecked) != StandardCheck.Summarize(checks.Where(c => c.StationId == s.Id).Select(c => (c.Item, c.Met, c.CheckedOn, c.RecordedAt))))
            .Select(s => s.Id).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_latest_check_of_an_item_counts_by_date_checked_then_by_when_recorded()
    {
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var history = new[]
        {
            (StandardItem.HasOffice, true, new DateOnly(2026, 3, 1), at),
            (StandardItem.HasOffice, false, new DateOnly(2026, 2, 1), at.AddDays(5)),
            (StandardItem.HasRules, false, new DateOnly(2026, 3, 1), at),
            (StandardItem.HasRules, true, new DateOnly(2026, 3, 1), at.AddHours(1)),
            (StandardItem.HasStaff, false, new DateOnly(2026, 3, 1), at),
        };
        Assert.Equal((2, 3), StandardCheck.Summarize(history));
        Assert.Equal((0, 0), StandardCheck.Summarize([]));
    }
}
