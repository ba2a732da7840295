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

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var awards = db.Set<CompetitionAward>().AsQueryable();
        if (q.CallId is { } call) awards = awards.Where(a => a.CompetitionId == call);
        if (q.Status is { } status) awards = awards.Where(a => a.Status == status);
        var rows = from a in awards
                   join c in db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]) on a.CompetitionId equals c.Id
                   join p in db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]) on a.ProjectId equals p.Id
                   select new Row(a.Id, a.AgreementNo, a.CompetitionId, c.Title, p.ProjectNo, p.Title, p.OrganizationName, a.AmountFen, a.ReleasedFen, a.ClawedBackFen,
                       a.Status, a.SignedOn, a.ConfirmedAt);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            rows = rows.Where(r => r.AgreementNo.Contains(k) || r.ProjectTitle.Contains(k) || r.OrganizationName.Contains(k) || r.ProjectNo.Contains(k));
        }
        rows = q.Sort == "amount" ? rows.OrderByDescending(r => r.AmountFen).ThenBy(r => r.AgreementNo) : rows.OrderByDescending(r => r.ConfirmedAt).ThenBy(r => r.AgreementNo);
        return await rows.ToPageAsync(q.Page, q.Size, ct);
    }
}
