using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>小组与社区活动列表: groups and activities in the user's scope, by area (tree), title, kind and status; sorted; paged.</summary>
public static class ListGroups
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("类型", "Kind")] GroupKind? Kind = null,
        [Label("状态", "Status")] GroupStatus? Status = null, string? Sort = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"starts" (the default: newest start first), "title", "area".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["starts", "title", "area"];

    public sealed record Row(Guid Id, GroupKind Kind, string Title, string Topic, string TargetGroup, string AreaCode, string AreaName,
        int PlannedSessions, int SessionsHeld, int Members, DateOnly StartsOn, string WorkerName, GroupStatus Status);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var groups = db.Set<Group>().AsNoTracking().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword)) groups = groups.Where(g => g.Title.Contains(q.Keyword.Trim()));
        if (q.Kind is { } kind) groups = groups.Where(g => g.Kind == kind);
        if (q.Status is { } status) groups = groups.Where(g => g.Status == status);
        // Every sort ends with the unique id, so paging neither repeats nor skips tied rows.
        groups = q.Sort switch
        {
            "title" => groups.OrderBy(g => g.Title).ThenBy(g => g.Id),
            "area" => groups.OrderBy(g => g.AreaCode).ThenByDescending(g => g.StartsOn).ThenBy(g => g.Id),
            _ => groups.OrderByDescending(g => g.StartsOn).ThenBy(g => g.Id),
        };
        var page = await groups.Select(g => new Row(g.Id, g.Kind, g.Title, g.Topic, g.TargetGroup, g.AreaCode, "", g.PlannedSessions, g.SessionsHeld,
            db.Set<GroupMember>().Count(m => m.GroupId == g.Id), g.StartsOn, g.WorkerName, g.Status)).ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(r => r.AreaCode), ct);
        return page with { Items = [.. page.Items.Select(r => r with { AreaName = names.GetValueOrDefault(r.AreaCode, r.AreaCode) })] };
    }
}
