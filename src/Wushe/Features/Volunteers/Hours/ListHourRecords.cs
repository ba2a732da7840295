using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 志愿服务记录 of the user's scope (the organizer's working list): by area (tree), volunteer (name or number), status (the disputes to
/// answer: <c>Disputed</c>), kind, activity and China dates of service; newest service first (or <c>sort=final</c>: the soonest to become
/// final first); paged. Minutes are whole minutes; the volunteers' names are read from the register wherever they live.
/// A record belongs to the area where the service was given (its organizer keeps it); <see cref="HourRecordReach.Residents"/> lists instead
/// the records of the volunteers registered in the scope, wherever they served — read only (a community's staff follow their volunteers;
/// the organizer answers and corrects).
/// </summary>
public static class ListHourRecords
{
    public sealed record Query(string? Area = null, string? Keyword = null,
        [Label("状态", "Status")] HourRecordStatus? Status = null, [Label("记录方式", "Kind")] HourRecordKind? Kind = null,
        [Label("志愿活动", "Activity")] Guid? ActivityId = null,
        [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null, string? Sort = null,
        [Label("记录范围", "Records of")] HourRecordReach? Of = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    public sealed record Row(Guid Id, Guid VolunteerId, string VolunteerName, string VolunteerNo, Guid? ActivityId, string AreaName, string OrganizerName,
        string Content, DateOnly ServiceDate, DateTimeOffset StartedAt, DateTimeOffset EndedAt, int Minutes, HourRecordKind Kind, HourRecordStatus Status,
        DateOnly FinalOn, Guid? CorrectsId, string Reason, string DisputeReason, string RecordedByName);

    public sealed record Totals(int Records, long Minutes, int Disputed, int Pending);

    public sealed record Response(PageOf<Row> Records, Totals Totals);

    public static async Task<Response> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var records = Filter(db, q, out var none);
        if (none) return new Response(new PageOf<Row>([], 0, 1, Paging.Normalize(q.Page, q.Size).Size), new Totals(0, 0, 0, 0));
        var volunteerIds = await VolunteerIdsAsync(db, q.Keyword, ct);
        if (volunteerIds is not null) records = records.Where(r => volunteerIds.Contains(r.VolunteerId));
        var ordered = q.Sort == "final" ? records.OrderBy(r => r.FinalOn).ThenBy(r => r.Id) : records.OrderByDescending(r => r.ServiceDate).ThenByDescending(r => r.Id);
        var found = await ordered.ToPageAsync(q.Page, q.Size, ct);
        var totals = await records.GroupBy(_ => 1).Select(g => new Totals(g.Count(), g.Sum(r => (long)r.Minutes),
            g.Count(r => r.Status == HourRecordStatus.Disputed), g.Count(r => r.Status == HourRecordStatus.Pending))).FirstOrDefaultAsync(ct) ?? new Totals(0, 0, 0, 0);
        return new Response(new PageOf<Row>(await RowsAsync(db, found.Items, ct), found.Total, found.Page, found.Size), totals);
    }

    /// <summary>The filtered records (scoped); <paramref name="none"/> when the filter can match nothing.</summary>
    static IQueryable<HourRecord> Filter(AppDb db, Query q, out bool none)
    {
        none = false;
        var records = q.Of == HourRecordReach.Residents && ReadsResidents(db.Actor)
            ? OfResidents(db, db.Set<Volunteer>().Under(q.Area))
            : db.Set<HourRecord>().Under(q.Area);
        if (q.Status is { } s) records = records.Where(r => r.Status == s);
        if (q.Kind is { } k) records = records.Where(r => r.Kind == k);
        if (q.ActivityId is { } a) records = records.Where(r => r.ActivityId == a);
        if (q.From is { } from) records = records.Where(r => r.ServiceDate >= from);
        if (q.To is { } to) records = records.Where(r => r.ServiceDate <= to);
        if (q.From > q.To) none = true;
        return records;
    }

    /// <summary>
    /// Whether <paramref name="user"/> may list <see cref="HourRecordReach.Residents"/>: the register's keepers
    /// (<see cref="VolunteersPermissions.View"/>) follow the volunteers of their area; an organization's staff read their own
    /// activities' records only (asked for residents, they get those).
    /// </summary>
    public static bool ReadsResidents(CurrentUser user) => user.Has(VolunteersPermissions.View);

    /// <summary>Every record (any area) of the given volunteers within the user's scope. The scope is applied here by hand: ignoring the
    /// records' scope filter ignores it in the volunteers' subquery too.</summary>
    static IQueryable<HourRecord> OfResidents(AppDb db, IQueryable<Volunteer> volunteers)
    {
        var scoped = volunteers.IgnoreQueryFilters(AppDb.Unscoped).WithinArea(v => v.AreaCode, db.Actor.Scope);
        return db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => scoped.Any(v => v.Id == r.VolunteerId));
    }

    /// <summary>The volunteers a keyword names (number exactly, or a part of the name), read without scope (they may live elsewhere); null: no keyword.</summary>
    static async Task<List<Guid>?> VolunteerIdsAsync(AppDb db, string? keyword, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(keyword)) return null;
        var k = keyword.Trim();
        var upper = k.ToUpperInvariant();
        var volunteers = db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        // A volunteer number (ZY + 16 digits) is looked up by its unique index alone: no name holds one, and OR-ed with the name's
        // substring test the query read every volunteer of the platform (400,000 in the city bench: 0.4–0.8 s; issue 9).
        if (upper.Length == 18 && upper.StartsWith("ZY", StringComparison.Ordinal) && upper.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0)
            return await volunteers.Where(v => v.VolunteerNo == upper).Select(v => v.Id).ToListAsync(ct);
        return await volunteers.Where(v => v.VolunteerNo == upper || v.Name.Contains(k)).Select(v => v.Id).Take(2000).ToListAsync(ct);
    }

    public static async Task<List<Row>> RowsAsync(AppDb db, IReadOnlyList<HourRecord> items, CancellationToken ct)
    {
        var ids = items.Select(r => r.VolunteerId).Distinct().ToList();
        var people = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Name, v.VolunteerNo }).ToDictionaryAsync(v => v.Id, ct);
        var names = await AreaNames.LookupAsync(db, items.Select(r => r.AreaCode).Distinct(), ct);
        return [.. items.Select(r => new Row(r.Id, r.VolunteerId, people.GetValueOrDefault(r.VolunteerId)?.Name ?? "", people.GetValueOrDefault(r.VolunteerId)?.VolunteerNo ?? "",
            r.ActivityId, names.GetValueOrDefault(r.AreaCode, ""), r.OrganizerName, r.Content, r.ServiceDate, r.StartedAt, r.EndedAt, r.Minutes, r.Kind, r.Status,
            r.FinalOn, r.CorrectsId, r.Reason, r.DisputeReason, r.RecordedByName))];
    }

    /// <summary>One record of the scope, or of a volunteer registered in the scope (read only: <see cref="Detail.Organizer"/> false), with
    /// its corrections and the record it corrects (404 otherwise).</summary>
    /// <param name="Organizer">The record is of the scope's own service: its staff answer disputes and correct it.</param>
    public sealed record Detail(Row Record, string Evidence, DateTimeOffset? DisputedAt, string DisputeAnswer, DateTimeOffset? AnsweredAt, string AnsweredByName,
        DateTimeOffset? FinalizedAt, DateOnly PostedOn, int TotalMinutes, IReadOnlyList<Row> Corrections, Row? Corrects, int Version, bool Organizer = true);

    public static async Task<Result<Detail>> Get(AppDb db, Guid id, CancellationToken ct = default)
    {
        var organizer = true;
        if (await db.Set<HourRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } record)
        {
            organizer = false;
            if (!ReadsResidents(db.Actor) || await OfResidents(db, db.Set<Volunteer>()).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } resident) return Failure.NotFound();
            record = resident;
        }
        // A correction and the record it corrects are of the same volunteer and service.
        var related = db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(r => r.VolunteerId == record.VolunteerId);
        var corrections = await related.Where(r => r.CorrectsId == id).OrderBy(r => r.RecordedAt).ToListAsync(ct);
        var original = record.CorrectsId is { } of ? await related.FirstOrDefaultAsync(r => r.Id == of, ct) : null;
        var rows = await RowsAsync(db, [record, .. corrections, .. original is null ? Array.Empty<HourRecord>() : [original]], ct);
        return new Detail(rows[0], record.Evidence, record.DisputedAt, record.DisputeAnswer, record.AnsweredAt, record.AnsweredByName, record.FinalizedAt,
            record.PostedOn, record.Minutes + corrections.Sum(c => c.Minutes), rows.Skip(1).Take(corrections.Count).ToList(),
            original is null ? null : rows[^1], record.Version, organizer);
    }
}

/// <summary>Which hour records a list reads: <see cref="Served"/> the service given in the area (default), <see cref="Residents"/> the
/// service of the volunteers registered in it, wherever given.</summary>
public enum HourRecordReach
{
    /// <summary>在本辖区服务: records of the area (where the service was given).</summary>
    Served = 0,
    /// <summary>本辖区志愿者: records of the volunteers registered in the area.</summary>
    Residents = 1,
}
