using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;

namespace Wushe.Features.Home;

/// <summary>
/// The households figures of the home page for the user's scope: households tracked, visits overdue, due today and this week
/// (from the households' <c>NextDueOn</c> roll-up, never from the visits), and the households with a member in a key group
/// (any target-group tag) with the number of those people. Each figure is the total of the list it links to
/// (<see cref="ListHouseholds"/>: <c>status=Active</c>, <c>due=Overdue</c>, <c>due=ThisWeek</c> — today included —,
/// <c>tagged=true&amp;status=Active</c>).
/// </summary>
public static class CareFigures
{
    /// <param name="DueThisWeek">Due from today to six days on (today's included).</param>
    /// <param name="KeyHouseholds">Active households with a member in any target group.</param>
    /// <param name="KeyPeople">The tagged residents of those households.</param>
    public sealed record Response(int Households, int Overdue, int DueToday, int DueThisWeek, int KeyHouseholds, int KeyPeople);

    public static async Task<Response> Handle(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var week = today.AddDays(6);
        // An active household always has a due date and a closed one never: the (NextDueOn, AreaCode) index serves every count.
        var active = db.Set<Household>().Where(h => h.NextDueOn != null);
        var households = await active.CountAsync(ct);
        var overdue = await active.CountAsync(h => h.NextDueOn < today, ct);
        var dueToday = await active.CountAsync(h => h.NextDueOn == today, ct);
        var dueWeek = await active.CountAsync(h => h.NextDueOn >= today && h.NextDueOn <= week, ct);
        var tags = db.Set<ResidentTag>().Where(t => active.Any(h => h.Id == t.HouseholdId));
        var keyHouseholds = await tags.Select(t => t.HouseholdId).Distinct().CountAsync(ct);
        var people = await tags.Select(t => t.ResidentId).Distinct().CountAsync(ct);
        return new Response(households, overdue, dueToday, dueWeek, keyHouseholds, people);
    }
}
