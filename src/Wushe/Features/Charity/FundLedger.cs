using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Features.Charity;

/// <summary>
/// The one writer of fund money (STYLE.md: only this class posts entries). Every movement runs in a transaction that first takes the
/// fund's row (a write that changes nothing: a row lock on PostgreSQL, the write lock on SQLite — as <c>PointsLedger</c> does), reads it
/// again, checks, and posts: the entry and the fund's roll-ups are saved together, so the balance is always the sum of the entries,
/// never below zero, and two approvals cannot both reserve the last of it.
/// </summary>
public static class FundLedger
{
    /// <summary>Takes the fund's row for this transaction and reads it (tracked), or null when there is no such fund in scope.</summary>
    public static async Task<CommunityFund?> LockAsync(AppDb db, Guid fundId, CancellationToken ct)
    {
        var set = db.Set<CommunityFund>();
        if (await set.Where(f => f.Id == fundId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct) == 0) return null;
        // A row read earlier in this context may be stale: read again what the lock now guards. One not tracked yet is read once, fresh.
        if (set.Local.FindEntry(fundId) is { } tracked)
        {
            await tracked.ReloadAsync(ct);
            return tracked.Entity;
        }
        return await set.SingleAsync(f => f.Id == fundId, ct);
    }

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
