using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// The activities of the user's scope (志愿活动): by area (tree), keyword (title or place), service category, status and when
/// (<c>upcoming</c>: a shift not yet ended — the default order is by the first shift, soonest first —, <c>past</c>: all shifts ended);
/// paged, with places taken and offered.
/// </summary>
public static class ListActivities
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("服务类别", "Category")] VolunteerServiceKind? Kind = null,
        [Label("状态", "Status")] ActivityStatus? Status = null, [Label("时间", "When")] string? When = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string Title, VolunteerServiceKind Kind, string AreaCode, string AreaName, string Place, string OrganizerName,
        DateTimeOffset? FirstStart, DateTimeOffset? LastEnd, int Shifts, int Capacity, int Confirmed, int Waitlisted, ActivityStatus Status);

    public static async Task<PageOf<Row>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var activities = db.Set<Activity>().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            activities = activities.Where(a => a.Title.Contains(k) || a.Place.Contains(k));
        }
        if (q.Kind is { } kind) activities = activities.Where(a => a.Kind == kind);
        if (q.Status is { } status) activities = activities.Where(a => a.Status == status);
        var shifts = db.Set<Shift>();
        if (q.When == "upcoming") activities = activities.Where(a => shifts.Any(s => s.ActivityId == a.Id && s.EndsAt > now));
        else if (q.When == "past") activities = activities.Where(a => !shifts.Any(s => s.ActivityId == a.Id && s.EndsAt > now));
        var found = await activities
            .Select(a => new { a, First = shifts.Where(s => s.ActivityId == a.Id).Min(s => (DateTimeOffset?)s.StartsAt), Last = shifts.Where(s => s.ActivityId == a.Id).Max(s => (DateTimeOffset?)s.EndsAt) })
            .OrderByDescending(x => x.First).ThenBy(x => x.a.Id)
            .Select(x => new { x.a.Id, x.a.Title, x.a.Kind, x.a.AreaCode, x.a.Place, x.a.OrganizerName, x.First, x.Last, x.a.Status })
            .ToPageAsync(q.Page, q.Size, ct);
        var ids = found.Items.Select(f => f.Id).ToList();
        var places = await shifts.Where(s => ids.Contains(s.ActivityId)).GroupBy(s => s.ActivityId)
            .Select(g => new { g.Key, Shifts = g.Count(), Capacity = g.Sum(s => s.Capacity) }).ToListAsync(ct);
        var taken = await db.Set<SignUp>().Where(s => ids.Contains(s.ActivityId) && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .GroupBy(s => new { s.ActivityId, s.Status }).Select(g => new { g.Key.ActivityId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        return new PageOf<Row>(found.Items.Select(f =>
        {
            var p = places.FirstOrDefault(x => x.Key == f.Id);
            return new Row(f.Id, f.Title, f.Kind, f.AreaCode, names.GetValueOrDefault(f.AreaCode, ""), f.Place, f.OrganizerName, f.First, f.Last, p?.Shifts ?? 0,
                p?.Capacity ?? 0, taken.Where(t => t.ActivityId == f.Id && t.Status == SignUpStatus.Confirmed).Sum(t => t.Count),
                taken.Where(t => t.ActivityId == f.Id && t.Status == SignUpStatus.Waitlisted).Sum(t => t.Count), f.Status);
        }).ToList(), found.Total, found.Page, found.Size);
    }
}
