using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// The demo's volunteer rules, saved through <see cref="SaveVolunteerRules"/> as the system: 毕节市 keeps its own — five working
/// days of posting, 2 points an hour, points may be donated, a 1 km check-in radius for scattered mountain villages — so its
/// counties (七星关区) show rules inherited from the city; 淮北市, 九原区 and 东营区 read the national defaults. Runs once: an
/// installation that has any rule set keeps its own.
/// </summary>
public static class VolunteerRulesDemo
{
    public const string Bijie = "520500000000";

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<VolunteerRuleSet>().IgnoreQueryFilters().AnyAsync()) return;
        // A demo without that place (a configured division list of other places) simply keeps the national defaults.
        if (!await db.Areas.AnyAsync(a => a.Code == Bijie)) return;
        var rules = VolunteerSettings.National with { PostingDays = 5, PointsPerHour = 2, PointsDonationAllowed = true, GeofenceMeters = 1000, PointsValidYears = 3 };
        var result = await SaveVolunteerRules.Handle(db, CurrentUser.System, sp.GetRequiredService<TimeProvider>(), SaveVolunteerRules.Request.Of(Bijie, rules, null));
        if (!result.IsOk) throw new InvalidOperationException($"The demo volunteer rules of {Bijie} were refused: {result.Failure!.Title}");
    }
}
