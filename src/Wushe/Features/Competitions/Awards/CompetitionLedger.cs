using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Features.Competitions;

/// <summary>
/// The row locks of competition money (as Charity's FundLedger): a call's row while its awards are confirmed (the pool's sum
/// <see cref="Competition.AwardedFen"/>), an award's row while its ledger moves (<see cref="CompetitionAward.ReleasedFen"/>). PostgreSQL:
/// <c>SELECT … FOR NO KEY UPDATE</c>, the lock and the read in one statement; SQLite: a write that changes nothing (the write lock), then
/// the read. Call inside a transaction, as late as the change allows; null when the row is not in scope.
/// </summary>
public static class CompetitionLedger
{
    public static Task<Competition?> LockCallAsync(AppDb db, Guid id, CancellationToken ct) => LockAsync<Competition>(db, id, nameof(Competition.Id), ct);

    public static Task<CompetitionAward?> LockAwardAsync(AppDb db, Guid id, CancellationToken ct) => LockAsync<CompetitionAward>(db, id, nameof(CompetitionAward.Id), ct);

    static async Task<T?> LockAsync<T>(AppDb db, Guid id, string key, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A competition row is locked inside a transaction.");
        var set = db.Set<T>();
        if (set.Local.FindEntry(id) is null && db.Database.IsNpgsql())
            return await set.FromSqlRaw(LockSql<T>(db, key), id).SingleOrDefaultAsync(ct);
        if (await set.Where(x => EF.Property<Guid>(x, key) == id).ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<int>(x, "Version"), x => EF.Property<int>(x, "Version")), ct) == 0)
            return null;
        if (set.Local.FindEntry(id) is { } tracked)
        {
            await tracked.ReloadAsync(ct);
            return tracked.Entity;
        }
        return await set.SingleAsync(x => EF.Property<Guid>(x, key) == id, ct);
    }

    /// <summary>The names come from the model, never from input.</summary>
    static string LockSql<T>(AppDb db, string key) => db.Model.FindEntityType(typeof(T)) is { } type
        ? $"SELECT * FROM \"{type.GetTableName()}\" WHERE \"{type.FindProperty(key)!.GetColumnName()}\" = {{0}} FOR NO KEY UPDATE"
        : throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
}
