using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;

namespace Wushe.Features.Home;

/// <summary>
/// The households figures of the home page for the user's scope: households tracked, visits overdue, due today and this week
/// (from the households' <c>NextDueOn</c> roll-up, never from the visits), and people in key groups (tagged residents).
/// </summary>
public static class CareFigures
{
    public sealed record Response(int Households, int Overdue, int DueToday, int DueThisWeek, int KeyPeople);

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
        var people = await db.Set<ResidentTag>().Select(t => t.ResidentId).Distinct().CountAsync(ct);
        return new Response(households, overdue, dueToday, dueWeek, people);
    }
}
