using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 答辩安排: a call's eligible applications (and those since shortlisted or decided) with their defence slots — scheduled ones by time,
/// then the unscheduled by number; by a part of the number, title or organization; paged. A call out of scope is 404.
/// </summary>
public static class ListDefences
{
    public sealed record Query(string? Keyword = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid ApplicationId, string ApplicationNo, string Title, string OrganizationName, ApplicationStatus Status, string StatusName,
        DateTimeOffset? At, string Place);

    public sealed record Schedule(Guid CallId, string CallNo, string Title, CompetitionStatus Status, DateTimeOffset ClosesAt, bool CanSchedule, PageOf<Row> Rows);

    static readonly ApplicationStatus[] Listed = [ApplicationStatus.Eligible, ApplicationStatus.Shortlisted, ApplicationStatus.Awarded, ApplicationStatus.NotAwarded];

    public static async Task<Result<Schedule>> Handle(AppDb db, Guid callId, Query q, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var applications = db.Set<CompetitionApplication>().AsNoTracking().Where(a => a.CompetitionId == callId && Listed.Contains(a.Status));
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            applications = applications.Where(a => a.ApplicationNo.Contains(k) || a.Title.Contains(k) || a.OrganizationName.Contains(k));
        }
        var found = await applications.OrderBy(a => a.DefenceAt == null ? 1 : 0).ThenBy(a => a.DefenceAt).ThenBy(a => a.ApplicationNo)
            .Select(a => new { a.Id, a.ApplicationNo, a.Title, a.OrganizationName, a.Status, a.DefenceAt, a.DefencePlace }).ToPageAsync(q.Page, q.Size, ct);
        var rows = new PageOf<Row>([.. found.Items.Select(a => new Row(a.Id, a.ApplicationNo, a.Title, a.OrganizationName, a.Status, CompetitionApplication.StatusLabel(a.Status), a.DefenceAt, a.DefencePlace))],
            found.Total, found.Page, found.Size);
        return new Schedule(call.Id, call.CallNo, call.Title, call.Status, call.ClosesAt, call.Status == CompetitionStatus.Published, rows);
    }
}
