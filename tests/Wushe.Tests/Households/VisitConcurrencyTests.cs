using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>Two saves of one household at the same moment: the concurrency token lets one win and the other answer 409, never a lost update.</summary>
public sealed class VisitConcurrencyTests(TestApp app)
{
    [Fact]
    public async Task Visits_recorded_at_once_for_one_household_keep_its_due_date_true_to_the_visits_saved()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), workerId: worker.Id);
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.CreateClientAsync(worker.UserName)));
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsJsonAsync($"/api/v1/households/{made.Id}/visits", new { visitedOn = today.ToString("yyyy-MM-dd"), method = i % 2 == 0 ? "InPerson" : "Phone" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
        Assert.Contains(HttpStatusCode.Created, statuses);

        // Whatever won, the household's last visit is the latest visit saved, and its due date follows from it.
        var (household, visits) = await app.Query(async db => (
            await db.Set<Household>().IgnoreQueryFilters().SingleAsync(h => h.Id == made.Id),
            await db.Set<Visit>().IgnoreQueryFilters().Where(v => v.HouseholdId == made.Id).Select(v => v.VisitedOn).ToListAsync()));
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Created), visits.Count);
        Assert.Equal(visits.Max(), household.LastVisitedOn);
        Assert.Equal(VisitPlan.NextDue(visits.Max(), household.VisitEveryDays, household.MajorChangeOn, DateOnly.FromDateTime(household.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime)), household.NextDueOn);

        // The service roll-ups count the visits saved, not the ones refused (their transaction rolled the roll-up back too).
        var summary = await app.Query(db => ServiceSummary.Handle(db, CurrentUser.System, TimeProvider.System, new(township, today.Year, today.Month, today.Month)));
        var records = await app.Query(db => db.Set<ServiceRecord>().IgnoreQueryFilters().CountAsync(r => r.AreaCode.StartsWith(township.Substring(0, 9))));
        Assert.Equal(records, summary.Value!.Services);
        Assert.Equal(visits.Count, summary.Value.Kinds.Single(k => k.Kind == ServiceKind.HomeVisit).Services);
        Assert.Equal(made.Members.Count, summary.Value.People);
    }
}
