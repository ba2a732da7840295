using Wushe.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>督导记录: supervision and capacity-building visits, newest first.</summary>
public static class ListSupervisions
{
    public sealed record Query(string? Area = null, Guid? StationId = null, SupervisionKind? Kind = null, DateOnly? From = null, DateOnly? To = null, int? Page = null, int? Size = null);

    public sealed record Row(Guid Id, Guid StationId, string StationName, SupervisionKind Kind, DateOnly VisitedOn, string SupervisorName,
        string Topics, string Findings, string FollowUps, DateOnly? FollowUpDue);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var rows = db.Set<Supervision>().Under(q.Area);
        if (q.StationId is { } id) rows = rows.Where(s => s.StationId == id);
        if (q.Kind is { } kind) rows = rows.Where(s => s.Kind == kind);
        if (q.From is { } from) rows = rows.Where(s => s.VisitedOn >= from);
        if (q.To is { } to) rows = rows.Where(s => s.VisitedOn <= to);
        var query = from s in rows
                    join st in db.Stations on s.StationId equals st.Id
                    orderby s.VisitedOn descending, s.Id descending
                    select new Row(s.Id, s.StationId, st.Name, s.Kind, s.VisitedOn, s.SupervisorName, s.Topics, s.Findings, s.FollowUps, s.FollowUpDue);
        return await query.ToPageAsync(q.Page, q.Size, ct);
    }
}
