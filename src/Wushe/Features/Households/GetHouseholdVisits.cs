using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 探访记录: a household's visits, newest first, paged (default 10 a page: the details page's "show more"), with what was
/// found, the services given on the spot, follow-ups and the needs raised from each. For users of the household's scope
/// (its findings are sensitive free text); 404 out of scope.
/// </summary>
public static class GetHouseholdVisits
{
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery
    {
        /// <summary>The details page's "show more" (<c>?visits=20</c>): the first page of that many (10, 20, 50 or 100; 10 otherwise).</summary>
        public static Query ShowMore(string? visits) => new(1, int.TryParse(visits, out var n) && Paging.Sizes.Contains(n) ? n : 10);
    }

    public sealed record Row(Guid Id, DateOnly VisitedOn, VisitMethod Method, string Visitors, string LivingConditions, string Health, string Safety,
        string NeedsFound, List<ServiceKind> Services, string ServicesNote, string FollowUps, DateOnly? FollowUpDue, string RecordedByName,
        DateTimeOffset RecordedAt, int NeedsRaised);

    public sealed record Response(Guid HouseholdId, bool Closed, DateOnly? NextDueOn, PageOf<Row> Visits);

    public static async Task<Result<Response>> Handle(AppDb db, Guid householdId, Query? q = null, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().AsNoTracking().Where(h => h.Id == householdId).Select(h => new { h.Status, h.NextDueOn }).FirstOrDefaultAsync(ct);
        if (household is null) return Failure.NotFound();
        var visits = db.Set<Visit>().Where(v => v.HouseholdId == householdId)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt).ThenBy(v => v.Id)
            .Select(v => new Row(v.Id, v.VisitedOn, v.Method, v.Visitors, v.LivingConditions, v.Health, v.Safety, v.NeedsFound, v.Services, v.ServicesNote,
                v.FollowUps, v.FollowUpDue, v.RecordedByName, v.RecordedAt,
                db.Set<Needs.Need>().Count(n => n.Source == Needs.NeedSource.Visit && n.SourceId == v.Id)));
        var (page, size) = (q?.Page, q?.Size ?? 10);
        var found = await visits.ToPageAsync(page, size, ct);
        var lines = await VisitorLine.ForVisitsAsync(db, [.. found.Items.Select(v => v.Id)], ct);
        found = found with { Items = [.. found.Items.Select(v => lines.TryGetValue(v.Id, out var line) ? v with { Visitors = line } : v)] };
        return new Response(householdId, household.Status == HouseholdStatus.Closed, household.NextDueOn, found);
    }
}
