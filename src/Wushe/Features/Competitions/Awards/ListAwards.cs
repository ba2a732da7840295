using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 资助项目: the awards of the scope (organization staff: their organization's — the central filter), of one call (?callId=) or all,
/// searched by agreement number, project or organization (?keyword=), by status; sorted newest first (?sort=amount: the largest first);
/// paged.
/// </summary>
public static class ListAwards
{
    public sealed record Query(
        [property: Label("公益创投", "Call")] Guid? CallId = null,
        [property: Label("关键词", "Keyword")] string? Keyword = null,
        [property: Label("状态", "Status")] AwardStatus? Status = null,
        [property: Label("排序", "Sort")] string? Sort = null,
        [property: Label("页码", "Page")] int? Page = null,
        [property: Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Row(Guid Id, string AgreementNo, Guid CompetitionId, string CallTitle, string ProjectNo, string ProjectTitle, string OrganizationName,
        long AmountFen, long ReleasedFen, long ClawedBackFen, AwardStatus Status, DateOnly? SignedOn, DateTimeOffset ConfirmedAt);

    /// <summary>The awards the reader reads (scope, or their organization's) of the query's call and status: the list's rows before the keyword; the home figures count and sum these.</summary>
    public static IQueryable<CompetitionAward> Filtered(AppDb db, Query q)
    {
        var awards = db.Set<CompetitionAward>().AsNoTracking();
        if (q.CallId is { } call) awards = awards.Where(a => a.CompetitionId == call);
        if (q.Status is { } status) awards = awards.Where(a => a.Status == status);
        return awards;
    }

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var awards = Filtered(db, q);
        var joined = from a in awards
                     join c in db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]) on a.CompetitionId equals c.Id
                     join p in db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]) on a.ProjectId equals p.Id
                     select new { a, CallTitle = c.Title, p.ProjectNo, ProjectTitle = p.Title, p.OrganizationName };
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            joined = joined.Where(r => r.a.AgreementNo.Contains(k) || r.ProjectTitle.Contains(k) || r.OrganizationName.Contains(k) || r.ProjectNo.Contains(k));
        }
        joined = q.Sort == "amount" ? joined.OrderByDescending(r => r.a.AmountFen).ThenBy(r => r.a.AgreementNo) : joined.OrderByDescending(r => r.a.ConfirmedAt).ThenBy(r => r.a.AgreementNo);
        var rows = joined.Select(r => new Row(r.a.Id, r.a.AgreementNo, r.a.CompetitionId, r.CallTitle, r.ProjectNo, r.ProjectTitle, r.OrganizationName, r.a.AmountFen,
            r.a.ReleasedFen, r.a.ClawedBackFen, r.a.Status, r.a.SignedOn, r.a.ConfirmedAt));
        return await rows.ToPageAsync(q.Page, q.Size, ct);
    }
}
