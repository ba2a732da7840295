using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 培训管理: the courses of the user's scope (organization staff: their organization's) — by host area (tree), a part of the title or
/// organizer, kind, and the year they start in; newest start first; paged; each with the people enrolled and attending.
/// </summary>
public static class ListTrainings
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("培训类型", "Kind")] TrainingKind? Kind = null,
        [Label("年度", "Year")] int? Year = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string Title, TrainingKind Kind, string KindName, TrainingOrganizerKind OrganizerKind, string OrganizerName,
        string AreaCode, string AreaName, DateOnly StartsOn, DateOnly EndsOn, int Minutes, string Place, int Capacity, int Enrolled, int Attended);

    sealed record Found(Guid Id, string Title, TrainingKind Kind, TrainingOrganizerKind OrganizerKind, string OrganizerName, string AreaCode,
        DateOnly StartsOn, DateOnly EndsOn, int Minutes, string Place, int Capacity, int Enrolled, int Attended);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var enrolments = db.Set<TrainingEnrolment>();
        var found = await Filter(db, q).OrderByDescending(t => t.StartsOn).ThenByDescending(t => t.Id)
            .Select(t => new Found(t.Id, t.Title, t.Kind, t.OrganizerKind, t.OrganizerName, t.AreaCode, t.StartsOn, t.EndsOn, t.Minutes, t.Place, t.Capacity,
                enrolments.Count(e => e.TrainingId == t.Id), enrolments.Count(e => e.TrainingId == t.Id && e.AttendedMinutes != null)))
            .ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        return new PageOf<Row>([.. found.Items.Select(f => new Row(f.Id, f.Title, f.Kind, Training.KindLabel(f.Kind), f.OrganizerKind, f.OrganizerName, f.AreaCode,
            names.GetValueOrDefault(f.AreaCode, f.AreaCode), f.StartsOn, f.EndsOn, f.Minutes, f.Place, f.Capacity, f.Enrolled, f.Attended))], found.Total, found.Page, found.Size);
    }

    public static IQueryable<Training> Filter(AppDb db, Query q)
    {
        var trainings = db.Set<Training>().AsNoTracking().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            trainings = trainings.Where(t => t.Title.Contains(k) || t.OrganizerName.Contains(k));
        }
        if (q.Kind is { } kind) trainings = trainings.Where(t => t.Kind == kind);
        if (q.Year is { } y)
        {
            var from = new DateOnly(Math.Clamp(y, 1, 9998), 1, 1);
            var to = from.AddYears(1);
            trainings = trainings.Where(t => t.StartsOn >= from && t.StartsOn < to);
        }
        return trainings;
    }
}
