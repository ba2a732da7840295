using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Areas;

namespace Wushe.Features.Households;

/// <summary>
/// Keeps <see cref="ServiceTally"/> and <see cref="ServedPeopleTally"/> true in the transaction of every save that adds
/// service records (<see cref="ServiceRecords.Add"/>), whatever the use case (a roll-up of <see cref="RollUps"/>): before the save it
/// reads the services the people had earlier in the year (index ResidentId, ServedOn), works out which month masks change, and
/// after EF's own statements the differences are added with one upsert per table (<see cref="RollUps.Upsert"/>), so that two
/// saves at once add up instead of overwriting each other; a failed save rolls the roll-up back with it. On PostgreSQL the people's rows
/// are locked first (<c>FOR UPDATE</c>), so two services of one person at once read each other's months; SQLite has
/// one writer at a time. A service record is never changed; one removed (a voided delivery record, Projects.VoidProjectActivity,
/// removes it with its beneficiaries) is taken back the same way: its services and attendances subtracted, and its people's month
/// masks recomputed without it.
/// </summary>
public sealed class ServiceTallies : IRollUpPlan, IAreaRollUp
{
    public bool Touches(AppDb db) => db.ChangeTracker.Entries<ServiceRecord>().Any(e => e.State is EntityState.Added or EntityState.Deleted);

    public async Task<IReadOnlyList<(string Sql, object[] Args)>> PlanAsync(AppDb db, CancellationToken ct)
    {
        var records = db.ChangeTracker.Entries<ServiceRecord>().Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => (e.Entity.AreaCode, e.Entity.Kind, e.Entity.ServedOn, Sign: e.State == EntityState.Added ? 1 : -1, e.Entity.People)).ToList();
        var beneficiaries = db.ChangeTracker.Entries<ServiceBeneficiary>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList();
        var added = beneficiaries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var removed = beneficiaries.Where(e => e.State == EntityState.Deleted).Select(e => e.Entity).ToList();
        var earlier = await EarlierAsync(db, [.. added, .. removed], ct);
        var gone = removed.Select(b => (b.ServiceRecordId, b.ResidentId)).ToHashSet();
        var people = People(added.Select(b => (b.ResidentId, b.Kind, b.AreaCode, b.ServedOn)), earlier, gone,
            removed.Select(b => (b.ResidentId, b.Kind, b.AreaCode, b.ServedOn)));
        return Upserts(db, Services(records.Select(r => (r.AreaCode, r.Kind, r.ServedOn, r.Sign, r.Sign * r.People))), people);
    }

    /// <summary>
    /// The people's services of the same years already saved (wherever they were: the nodes above count them all), with the record
    /// each belongs to (those being removed among them).
    /// </summary>
    static async Task<List<Earlier>> EarlierAsync(AppDb db, List<ServiceBeneficiary> added, CancellationToken ct)
    {
        if (added.Count == 0) return [];
        var ids = added.Select(b => b.ResidentId).Distinct().ToList();
        if (db.Database.IsNpgsql())
        {
            var resident = db.Model.FindEntityType(typeof(Resident))!;
            var table = resident.GetTableName();
            var id = resident.FindProperty(nameof(Resident.Id))!.GetColumnName();
            // Two services of one person at once: the second waits here and then reads the first's months.
            // The names come from the model, never from input.
            var sql = $"SELECT 1 FROM \"{table}\" WHERE \"{id}\" = ANY({{0}}) ORDER BY \"{id}\" FOR UPDATE";
            await db.Database.ExecuteSqlRawAsync(sql, [ids.ToArray()], ct);
        }
        var from = new DateOnly(added.Min(b => b.ServedOn.Year), 1, 1);
        var to = new DateOnly(added.Max(b => b.ServedOn.Year), 12, 31);
        // The roll-up counts a person once in every node above, whoever saves: the read ignores the actor's scope on purpose,
        // and nothing read leaves this method.
        var rows = await db.Set<ServiceBeneficiary>().IgnoreQueryFilters().AsNoTracking()
            .Where(b => ids.Contains(b.ResidentId) && b.ServedOn >= from && b.ServedOn <= to)
            .Select(b => new { b.ServiceRecordId, b.ResidentId, b.Kind, b.AreaCode, b.ServedOn }).ToListAsync(ct);
        return [.. rows.Select(r => new Earlier(r.ServiceRecordId, r.ResidentId, r.Kind, r.AreaCode, r.ServedOn))];
    }

    /// <summary>A service a person had, as saved: its record, the person, the kind, area and day.</summary>
    readonly record struct Earlier(Guid ServiceRecordId, Guid ResidentId, ServiceKind Kind, string AreaCode, DateOnly ServedOn);

    /// <summary>Records and attendances to add per node, month and kind (a removed record adds −1 and minus its people).</summary>
    static Dictionary<(string Area, bool Own, int Year, int Month, ServiceKind Kind), (int Services, int Attendances)> Services(
        IEnumerable<(string AreaCode, ServiceKind Kind, DateOnly ServedOn, int Count, int People)> records,
        Dictionary<(string Area, bool Own, int Year, int Month, ServiceKind Kind), (int Services, int Attendances)>? into = null)
    {
        var sums = into ?? [];
        foreach (var r in records)
            foreach (var (area, own) in TallyNodes.Of(r.AreaCode))
            {
                var key = (area, own, r.ServedOn.Year, r.ServedOn.Month, r.Kind);
                var (s, a) = sums.GetValueOrDefault(key);
                sums[key] = (s + r.Count, a + r.People);
            }
        return sums;
    }

    /// <summary>
    /// People to move between month masks: −1 from the old mask's row, +1 to the new one's, where the mask changes (a person left with
    /// no month of a year, kind and node is only taken off). Before: the months <paramref name="earlier"/> saved; after: those months
    /// but the <paramref name="gone"/> records' (removed in this save), with the <paramref name="added"/> ones. The people looked at
    /// are those added or <paramref name="removed"/>.
    /// </summary>
    static Dictionary<(string Area, bool Own, int Year, int Kind, int Months), int> People(IEnumerable<(Guid ResidentId, ServiceKind Kind, string AreaCode, DateOnly ServedOn)> added,
        List<Earlier> earlier, HashSet<(Guid ServiceRecordId, Guid ResidentId)>? gone = null,
        IEnumerable<(Guid ResidentId, ServiceKind Kind, string AreaCode, DateOnly ServedOn)>? removed = null,
        Dictionary<(string Area, bool Own, int Year, int Kind, int Months), int>? into = null)
    {
        var masks = new Dictionary<(Guid, int Year, int Kind, string Area, bool Own), (int Before, int After)>();
        foreach (var b in removed ?? [])
            foreach (var key in Keys(b.ResidentId, b.Kind, b.AreaCode, b.ServedOn.Year))
                masks.TryAdd(key, (0, 0));
        foreach (var b in added)
            foreach (var key in Keys(b.ResidentId, b.Kind, b.AreaCode, b.ServedOn.Year))
                masks[key] = (masks.GetValueOrDefault(key).Before, masks.GetValueOrDefault(key).After | Bit(b.ServedOn));
        foreach (var e in earlier)
        {
            var stays = gone is null || !gone.Contains((e.ServiceRecordId, e.ResidentId));
            foreach (var key in Keys(e.ResidentId, e.Kind, e.AreaCode, e.ServedOn.Year))
                if (masks.TryGetValue(key, out var m)) masks[key] = (m.Before | Bit(e.ServedOn), stays ? m.After | Bit(e.ServedOn) : m.After);
        }
        var moves = into ?? [];
        foreach (var ((_, year, kind, area, own), (before, after)) in masks)
        {
            if (before == after) continue;
            if (before != 0) moves[(area, own, year, kind, before)] = moves.GetValueOrDefault((area, own, year, kind, before)) - 1;
            if (after != 0) moves[(area, own, year, kind, after)] = moves.GetValueOrDefault((area, own, year, kind, after)) + 1;
        }
        return moves;
    }

    static IEnumerable<(Guid, int, int, string, bool)> Keys(Guid resident, ServiceKind kind, string areaCode, int year) =>
        TallyNodes.Of(areaCode).SelectMany(n => new[] { ServedPeopleTally.AnyKind, (int)kind }.Select(k => (resident, year, k, n.AreaCode, n.Own)));

    static int Bit(DateOnly day) => 1 << (day.Month - 1);

    static List<(string Sql, object[] Args)> Upserts(AppDb db,
        Dictionary<(string Area, bool Own, int Year, int Month, ServiceKind Kind), (int Services, int Attendances)> services,
        Dictionary<(string Area, bool Own, int Year, int Kind, int Months), int> people)
    {
        var commands = new List<(string, object[])>();
        commands.AddRange(RollUps.Upsert(db, typeof(ServiceTally),
            [nameof(ServiceTally.AreaCode), nameof(ServiceTally.Own), nameof(ServiceTally.Year), nameof(ServiceTally.Month), nameof(ServiceTally.Kind)],
            [nameof(ServiceTally.Services), nameof(ServiceTally.Attendances)],
            services.Select(s => new object[] { s.Key.Area, s.Key.Own, s.Key.Year, s.Key.Month, (int)s.Key.Kind, s.Value.Services, s.Value.Attendances })));
        commands.AddRange(RollUps.Upsert(db, typeof(ServedPeopleTally),
            [nameof(ServedPeopleTally.AreaCode), nameof(ServedPeopleTally.Own), nameof(ServedPeopleTally.Year), nameof(ServedPeopleTally.Kind), nameof(ServedPeopleTally.Months)],
            [nameof(ServedPeopleTally.People)],
            people.Where(p => p.Value != 0).Select(p => new object[] { p.Key.Area, p.Key.Own, p.Key.Year, p.Key.Kind, p.Key.Months, p.Value })));
        return commands;
    }

    /// <summary>
    /// Recomputes both roll-ups from the service records (after a bulk load that bypassed the use cases, or to check them):
    /// deletes them and writes them anew in one transaction, reading the beneficiaries a batch of people at a time in the
    /// order of their index (ResidentId, ServedOn), so memory holds the roll-ups, never the records.
    /// </summary>
    public static async Task RebuildAsync(AppDb db, CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The roll-ups are the whole database's: every area's records are read and written, whoever runs this.
        await db.Set<ServiceTally>().ExecuteDeleteAsync(ct);
        await db.Set<ServedPeopleTally>().ExecuteDeleteAsync(ct);
        var services = new Dictionary<(string Area, bool Own, int Year, int Month, ServiceKind Kind), (int Services, int Attendances)>();
        await foreach (var r in db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking()
            .Select(r => new { r.AreaCode, r.Kind, r.ServedOn, r.People }).AsAsyncEnumerable().WithCancellation(ct))
            Services([(r.AreaCode, r.Kind, r.ServedOn, 1, r.People)], services);
        var people = new Dictionary<(string Area, bool Own, int Year, int Kind, int Months), int>();
        var batch = new List<(Guid ResidentId, ServiceKind Kind, string AreaCode, DateOnly ServedOn)>();
        await foreach (var b in db.Set<ServiceBeneficiary>().IgnoreQueryFilters().AsNoTracking().OrderBy(b => b.ResidentId)
            .Select(b => new { b.ResidentId, b.Kind, b.AreaCode, b.ServedOn }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // A batch ends between two people: each person's months are whole within one batch.
            if (batch.Count >= 50_000 && batch[^1].ResidentId != b.ResidentId)
            {
                People(batch, [], into: people);
                batch.Clear();
            }
            batch.Add((b.ResidentId, b.Kind, b.AreaCode, b.ServedOn));
        }
        People(batch, [], into: people);
        foreach (var (sql, args) in Upserts(db, services, people)) await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    Task IAreaRollUp.RebuildAsync(AppDb db, CancellationToken ct) => RebuildAsync(db, ct);
}
