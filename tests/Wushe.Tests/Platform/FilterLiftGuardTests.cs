using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;

namespace Wushe.Tests.Platform;

/// <summary>
/// EF lifts a named filter for a whole query when one source asks (FilterLiftGuard): a query that lifts the area scope on one set
/// and reads another scoped set without saying so is refused when it compiles, so the leak cannot pass a test unseen.
/// </summary>
public sealed class FilterLiftGuardTests(TestApp app)
{
    static readonly Guid Nobody = Guid.NewGuid();

    [Fact]
    public async Task A_scoped_set_read_beside_a_lifted_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Query(db =>
            db.Set<Household>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .Where(h => db.Set<Visit>().Any(v => v.HouseholdId == h.Id)).CountAsync()));
        Assert.Contains("Visit", error.Message);
        Assert.Contains(AppDb.ScopeFilter, error.Message);
    }

    [Fact]
    public async Task A_join_whose_other_side_keeps_its_filter_is_refused_too()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Query(db =>
            db.Set<Visit>().Join(db.Set<Household>().IgnoreQueryFilters([AppDb.ScopeFilter]), v => v.HouseholdId, h => h.Id, (v, h) => h.Id).CountAsync()));
        // A lift written after the operators still covers the chain it ends: Households is lifted, Visits is not.
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Query(db =>
            db.Set<Household>().Where(h => h.Id != Nobody).IgnoreQueryFilters([AppDb.ScopeFilter])
                .Where(h => db.Set<Visit>().Any(v => v.HouseholdId == h.Id)).CountAsync()));
    }

    [Fact]
    public async Task Queries_that_say_what_they_lift_pass()
    {
        // Both sets lifted explicitly, one set lifted alone, and nothing lifted: all compile and run.
        Assert.Equal(0, await app.Query(db =>
            db.Set<Household>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(h => h.Id == Nobody)
                .Where(h => db.Set<Visit>().IgnoreQueryFilters(new[] { AppDb.ScopeFilter }).Any(v => v.HouseholdId == h.Id)).CountAsync()));
        Assert.Equal(0, await app.Query(db => db.Set<Household>().Where(h => h.Id == Nobody).IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync()));
        Assert.Equal(0, await app.Query(db =>
            db.Set<Household>().Where(h => h.Id == Nobody && db.Set<Visit>().Any(v => v.HouseholdId == h.Id)).CountAsync()));
    }
}
