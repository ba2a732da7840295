using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Needs;

namespace Wushe.Tests.Needs;

/// <summary>
/// The plans of the needs' city-wide counts (docs/PERFORMANCE.md, "Needs and projects at city scale"): the overdue predicate and
/// the counts per area and status read the area's index with both deadlines alone, not each of 200,000 rows.
/// </summary>
public sealed class NeedIndexTests(TestApp app)
{
    static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    async Task<string> PlanAsync(Func<AppDb, IQueryable<object>> query) => await app.Query(async db =>
    {
        var sql = query(db).ToQueryString();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares its parameters as .param lines: the plan is the same for literal values.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var p = command.CreateParameter();
            p.ParameterName = parts[2];
            p.Value = parts[3].Trim().Trim('\'');
            command.Parameters.Add(p);
        }
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(3));
        return string.Join(" | ", rows);
    });

    [Fact]
    public async Task The_overdue_needs_of_an_area_are_found_in_its_index_alone()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The plan is read on SQLite (PostgreSQL's depends on its statistics).");
        var plan = await PlanAsync(db => ListNeeds.Filtered(db, null, new ListNeeds.Query(Area: "340699000000"), Now).Where(ListNeeds.OverdueAt(Now))
            .Select(n => (object)n.Status));
        // With a city's statistics SQLite reads the area's range of this index alone (docs/PERFORMANCE.md); on the test database,
        // without statistics, it splits the OR over (Status, AcceptDueAt) and the area's index. Either way no scan of the table.
        Assert.DoesNotContain("SCAN n", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH n USING", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counts_per_area_and_status_with_the_overdue_ones_read_the_index_in_its_order()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The plan is read on SQLite (PostgreSQL's depends on its statistics).");
        // NeedsByArea's grouped query: per area and status, all and overdue.
        var overdue = ListNeeds.OverdueAt(Now);
        var plan = await PlanAsync(db => ListNeeds.Filtered(db, null, new ListNeeds.Query(Area: "340699000000"), Now)
            .GroupBy(n => new { n.AreaCode, n.Status }).Select(g => (object)new { g.Key.AreaCode, g.Key.Status, All = g.Count(), Overdue = g.AsQueryable().Count(overdue) }));
        Assert.Contains("USING COVERING INDEX IX_Need_AreaCode_Status_AcceptDueAt_ResolveDueAt", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }
}
