using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Casework;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 服务记录列表: the service records behind a figure of <see cref="ServiceSummary"/>: by area (tree), kind and period (China
/// dates, inclusive; the same period rules and defaults as the summary), newest first, paged. Failures: 400 on a malformed
/// period, area, page or size.
/// </summary>
public static class ListServiceRecords
{
    public sealed record Query(string? Area = null, [Label("服务类型", "Kind")] ServiceKind? Kind = null,
        [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    /// <summary>A record; <see cref="GroupId"/> names the group of a group session (for a link to it).</summary>
    public sealed record Row(Guid Id, DateOnly ServedOn, ServiceKind Kind, string AreaCode, string AreaName, ServiceSource Source, Guid SourceId,
        Guid? GroupId, string Workers, string Summary, int People);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var (from, to, errors) = ServiceSummary.Period(q.From, q.To, ChinaTime.Today(clock));
        if (errors.Any) return errors.ToFailure();
        var records = db.Set<ServiceRecord>().AsNoTracking().Under(q.Area).Where(r => r.ServedOn >= from && r.ServedOn <= to);
        if (q.Kind is { } kind) records = records.Where(r => r.Kind == kind);
        var page = await records.OrderByDescending(r => r.ServedOn).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.ServedOn, r.Kind, r.AreaCode, "", r.Source, r.SourceId, null, r.Workers, r.Summary, r.People))
            .ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(r => r.AreaCode), ct);
        var sessionIds = page.Items.Where(r => r.Source == ServiceSource.GroupSession).Select(r => r.SourceId).ToList();
        var groups = sessionIds.Count == 0 ? [] : await db.Set<GroupSession>().AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.GroupId, ct);
        return page with
        {
            Items = [.. page.Items.Select(r => r with
            {
                AreaName = names.GetValueOrDefault(r.AreaCode, r.AreaCode),
                GroupId = groups.TryGetValue(r.SourceId, out var g) ? g : null,
            })],
        };
    }
}
