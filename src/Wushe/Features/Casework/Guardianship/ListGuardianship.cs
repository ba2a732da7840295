using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Casework.Guardianship;

/// <summary>
/// 监护评估台账: the minors (under 18 today, China date) living in the user's scope with their last assessment, its level and
/// the next due day; overdue from the day after it. Names are masked (张*丰). Filters: area (tree), name, level, due state.
/// </summary>
public static class ListGuardianship
{
    public enum Due
    {
        /// <summary>Never assessed.</summary>
        Never = 1,
        /// <summary>Past the due day.</summary>
        Overdue = 2,
        /// <summary>Due within 30 days (not overdue).</summary>
        Soon = 3,
    }

    public sealed record Query(string? Area = null, string? Keyword = null, [Label("评估结果", "Result")] GuardianshipLevel? Level = null,
        [Label("到期情况", "Due")] Due? Due = null, string? Sort = null, [Label("页码", "Page")] int? Page = null,
        [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"due" (the default: never assessed, then the earliest due), "name", "assessed" (latest first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["due", "name", "assessed"];

    /// <summary>A child as the list shows it: <c>name</c> masked; <c>overdueDays</c> &gt; 0 once past <c>nextDueOn</c>.</summary>
    public sealed record Row(Guid ResidentId, Guid HouseholdId, string Name, Sex Sex, int Age, string AreaCode, DateOnly? LastAssessedOn,
        GuardianshipLevel? Level, DateOnly? NextDueOn, int OverdueDays);

    public const int SoonDays = 30;

    public static async Task<PageOf<Row>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var bornAfter = today.AddYears(-18);
        var children = db.Set<Resident>().Under(q.Area).Where(r => r.Status == ResidentStatus.Active && r.BirthDate > bornAfter);
        if (!string.IsNullOrWhiteSpace(q.Keyword)) children = children.Where(r => r.Name.Contains(q.Keyword.Trim()));
        // Three scalar subqueries over the child's latest assessment (an index on ResidentId, AssessedOn serves each).
        var rows = children.Select(r => new
        {
            r.Id, r.HouseholdId, r.Name, r.Sex, r.BirthDate, r.AreaCode,
            LastOn = db.Set<GuardianshipAssessment>().Where(a => a.ResidentId == r.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => (DateOnly?)a.AssessedOn).FirstOrDefault(),
            Level = db.Set<GuardianshipAssessment>().Where(a => a.ResidentId == r.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => (GuardianshipLevel?)a.Level).FirstOrDefault(),
            NextDueOn = db.Set<GuardianshipAssessment>().Where(a => a.ResidentId == r.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => (DateOnly?)a.NextDueOn).FirstOrDefault(),
        });
        if (q.Level is { } level) rows = rows.Where(x => x.Level == level);
        var soon = today.AddDays(SoonDays);
        rows = q.Due switch
        {
            Due.Never => rows.Where(x => x.LastOn == null),
            Due.Overdue => rows.Where(x => x.NextDueOn < today),
            Due.Soon => rows.Where(x => x.NextDueOn >= today && x.NextDueOn <= soon),
            _ => rows,
        };
        rows = q.Sort switch
        {
            "name" => rows.OrderBy(x => x.Name).ThenBy(x => x.Id),
            "assessed" => rows.OrderBy(x => x.LastOn == null).ThenByDescending(x => x.LastOn).ThenBy(x => x.Id),
            _ => rows.OrderBy(x => x.LastOn != null).ThenBy(x => x.NextDueOn).ThenBy(x => x.AreaCode).ThenBy(x => x.Id),
        };
        var page = await rows.ToPageAsync(q.Page, q.Size, ct);
        return new PageOf<Row>(page.Items.Select(x => new Row(x.Id, x.HouseholdId, Mask.Name(x.Name), x.Sex, ChinaTime.AgeOn(x.BirthDate, today), x.AreaCode,
            x.LastOn, x.Level, x.NextDueOn, x.NextDueOn is { } due && due < today ? today.DayNumber - due.DayNumber : 0)).ToList(), page.Total, page.Page, page.Size);
    }

    public static string DueLabel(Due d) => d switch
    {
        Due.Never => Lang.T("从未评估", "Never assessed"),
        Due.Overdue => Lang.T("已逾期", "Overdue"),
        _ => Lang.T("30天内到期", "Due within 30 days"),
    };
}
