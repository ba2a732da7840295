using Wushe.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

/// <summary>督导记录: supervision and capacity-building visits, newest first.</summary>
public static class ListSupervisions
{
    public sealed record Query(string? Area = null, [Label("社工站", "Station")] Guid? StationId = null, [Label("督导类型", "Kind")] SupervisionKind? Kind = null,
        [Label("开始日期", "Start date")] DateOnly? From = null, [Label("结束日期", "End date")] DateOnly? To = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, Guid StationId, string StationName, SupervisionKind Kind, DateOnly VisitedOn, string SupervisorName,
        string Topics, string Findings, string FollowUps, DateOnly? FollowUpDue);

    /// <summary>The newest few, without counting them all (the home page).</summary>
    public static Task<List<Row>> Newest(AppDb db, int count, CancellationToken ct = default) =>
        Rows(db, db.Set<Supervision>()).Take(count).ToListAsync(ct);

    /// <summary>Newest first, with the station's name.</summary>
    static IQueryable<Row> Rows(AppDb db, IQueryable<Supervision> visits) =>
        from s in visits
        join st in db.Stations on s.StationId equals st.Id
        orderby s.VisitedOn descending, s.Id descending
        select new Row(s.Id, s.StationId, st.Name, s.Kind, s.VisitedOn, s.SupervisorName, s.Topics, s.Findings, s.FollowUps, s.FollowUpDue);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var rows = db.Set<Supervision>().Under(q.Area);
        if (q.StationId is { } id) rows = rows.Where(s => s.StationId == id);
        if (q.Kind is { } kind) rows = rows.Where(s => s.Kind == kind);
        if (q.From is { } from) rows = rows.Where(s => s.VisitedOn >= from);
        if (q.To is { } to) rows = rows.Where(s => s.VisitedOn <= to);
        return await Rows(db, rows).ToPageAsync(q.Page, q.Size, ct);
    }
}
