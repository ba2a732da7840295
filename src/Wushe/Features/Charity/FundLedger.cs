using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Features.Charity;

/// <summary>
/// The one writer of fund money (STYLE.md: only this class posts entries). Every movement runs in a transaction that takes the
/// fund's row (PostgreSQL: <c>SELECT … FOR NO KEY UPDATE</c>, the row lock and the read in one statement; SQLite: a write that changes
/// nothing, the write lock — as <c>PointsLedger</c> does — then the read), checks, and posts: the entry and the fund's roll-ups are saved together, so the balance is always the sum of the entries,
/// never below zero, and two approvals cannot both reserve the last of it.
/// </summary>
public static class FundLedger
{
    /// <summary>
    /// Takes the fund's row for this transaction and reads it (tracked), or null when there is no such fund in scope. Call it as late as the
    /// movement allows — after validating and reading what needs no lock — since every other movement of the fund waits from here to commit.
    /// </summary>
    public static async Task<CommunityFund?> LockAsync(AppDb db, Guid fundId, CancellationToken ct)
    {
        var set = db.Set<CommunityFund>();
        if (set.Local.FindEntry(fundId) is null && db.Database.IsNpgsql())
            // One statement takes the row and reads it: a round trip fewer while holding it (the hot fund's queue waits for each). FOR NO KEY
            // UPDATE is the lock an UPDATE takes, so rows that only refer to the fund (their foreign key's KEY SHARE) are not held up. The
            // scope filter is applied around it: a fund out of scope is locked until this transaction ends, and read as null.
            return await set.FromSqlRaw(LockSql(db), fundId).SingleOrDefaultAsync(ct);
        if (await set.Where(f => f.Id == fundId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct) == 0) return null;
        // A row read earlier in this context may be stale: read again what the lock now guards. One not tracked yet is read once, fresh.
        if (set.Local.FindEntry(fundId) is { } tracked)
        {
            await tracked.ReloadAsync(ct);
            return tracked.Entity;
        }
        return await set.SingleAsync(f => f.Id == fundId, ct);
    }

    static string? lockSql;

    /// <summary>PostgreSQL's <c>SELECT … FOR NO KEY UPDATE</c> of one fund; the names come from the model, never from input.</summary>
    static string LockSql(AppDb db) => lockSql ??= db.Model.FindEntityType(typeof(CommunityFund)) is { } fund
        ? $"SELECT * FROM \"{fund.GetTableName()}\" WHERE \"{fund.FindProperty(nameof(CommunityFund.Id))!.GetColumnName()}\" = {{0}} FOR NO KEY UPDATE"
        : throw new InvalidOperationException("CommunityFund is not in the model");

    /// <summary>Takes the fund's row, then reads its request afresh (lock order: fund → request, as every movement); null when either is out of scope.</summary>
    public static async Task<(CommunityFund Fund, DisbursementRequest Request)?> LockAsync(AppDb db, Guid fundId, Guid requestId, CancellationToken ct)
    {
        if (await LockAsync(db, fundId, ct) is not { } fund) return null;
        if (await db.Set<DisbursementRequest>().FirstOrDefaultAsync(x => x.Id == requestId && x.FundId == fundId, ct) is not { } request) return null;
        await db.Entry(request).ReloadAsync(ct);
        return (fund, request);
    }

    /// <summary>Posts a movement on a locked fund: the roll-ups and the entry, saved by the caller's SaveChanges.</summary>
    public static FundEntry Post(AppDb db, CommunityFund fund, FundEntryKind kind, long amountFen, long reservedFen, DateTimeOffset at, string note,
        string recordedByName, Guid? donationId = null, CommitteeDecision? decision = null)
    {
        if (fund.BalanceFen + amountFen < 0 || fund.ReservedFen + reservedFen < 0 || fund.ReservedFen + reservedFen > fund.BalanceFen + amountFen)
            throw new InvalidOperationException($"Fund {fund.Id}: the movement would leave balance {fund.BalanceFen + amountFen}, reserved {fund.ReservedFen + reservedFen}.");
        var entry = fund.Post(kind, amountFen, reservedFen, at, note.Length > 200 ? note[..200] : note, recordedByName, donationId, decision);
        db.Add(entry);
        return entry;
    }
}
