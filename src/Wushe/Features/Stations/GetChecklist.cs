using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>The "五有五统一" checklist of a station: each item's latest check, and the full history.</summary>
public static class GetChecklist
{
    public sealed record Item(StandardItem Key, bool? Met, DateOnly? CheckedOn, string? Note, Guid? EvidenceFileId, string? EvidenceName, string? CheckedBy);

    public sealed record HistoryRow(Guid Id, StandardItem Item, bool Met, DateOnly CheckedOn, string Note, Guid? EvidenceFileId, string? EvidenceName, string CheckedBy, DateTimeOffset RecordedAt);

    public sealed record Response(Guid StationId, string StationName, IReadOnlyList<Item> Items, int MetCount, IReadOnlyList<HistoryRow> History);

    /// <summary>Ten rows, one per item, unchecked items with nulls.</summary>
    public static async Task<List<Item>> Current(AppDb db, Guid stationId, CancellationToken ct = default)
    {
        var checks = await History(db, stationId, ct);
        return StandardCheck.Items.Select(i => checks.FirstOrDefault(c => c.Item == i) is { } c
            ? new Item(i, c.Met, c.CheckedOn, c.Note, c.EvidenceFileId, c.EvidenceName, c.CheckedBy)
            : new Item(i, null, null, null, null, null, null)).ToList();
    }

    /// <summary>Newest first.</summary>
    public static async Task<List<HistoryRow>> History(AppDb db, Guid stationId, CancellationToken ct = default)
    {
        var rows = await (from c in db.Set<StandardCheck>().Where(c => c.StationId == stationId)
                          join f in db.StoredFiles on c.EvidenceFileId equals f.Id into files
                          from f in files.DefaultIfEmpty()
                          select new HistoryRow(c.Id, c.Item, c.Met, c.CheckedOn, c.Note, c.EvidenceFileId, f == null ? null : f.FileName, c.CheckedByName, c.RecordedAt))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.CheckedOn).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).ToList();
    }

    public static async Task<Result<Response>> Handle(AppDb db, Guid stationId, CancellationToken ct = default)
    {
        var station = await db.Stations.Where(s => s.Id == stationId).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        if (station is null) return Failure.NotFound();
        var history = await History(db, stationId, ct);
        var items = StandardCheck.Items.Select(i => history.FirstOrDefault(c => c.Item == i) is { } c
            ? new Item(i, c.Met, c.CheckedOn, c.Note, c.EvidenceFileId, c.EvidenceName, c.CheckedBy)
            : new Item(i, null, null, null, null, null, null)).ToList();
        return new Response(station.Id, station.Name, items, items.Count(i => i.Met == true), history);
    }
}
