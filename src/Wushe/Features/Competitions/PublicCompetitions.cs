using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Charity;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公益创投公告 (no sign-in): the calls published, on notice or decided — of an area (?area=, the host areas under it) and holding a
/// keyword in their title, number or host — newest published first, paged. The call as a notice only: no creator, no person.
/// Failures: an area that names no place is 404 in the visitor's terms.
/// </summary>
public static class PublicCompetitions
{
    public sealed record Query([Label("区划", "Area")] string? Area = null, [Label("关键词", "Keyword")] string? Keyword = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, string CallNo, string Title, string HostName, string AreaName, IReadOnlyList<string> FocusNames, long PoolFen, long CapFen,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? PublishedAt, CompetitionStatus Status, string Phase);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        if (await PublicNotFound.AreaAsync(db, q.Area, ct) is { } unknown) return unknown;
        var now = clock.GetUtcNow();
        var calls = db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Under(q.Area)
            .Where(c => c.Status == CompetitionStatus.Published || c.Status == CompetitionStatus.Notice || c.Status == CompetitionStatus.Decided);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            calls = calls.Where(c => c.CallNo.Contains(upper) || c.Title.Contains(k) || c.HostName.Contains(k));
        }
        var page = await calls.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(c => c.AreaCode).Distinct(), ct);
        return new PageOf<Row>([.. page.Items.Select(c => new Row(c.Id, c.CallNo, c.Title, c.HostName, names.GetValueOrDefault(c.AreaCode, ""),
            [.. c.Focuses.Select(Organization.FocusLabel)], c.PoolFen, c.CapFen, c.OpensAt, c.ClosesAt, c.PublishedAt, c.Status, c.PhaseLabel(now)))],
            page.Total, page.Page, page.Size);
    }
}
