using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// The one writer of points (STYLE.md: only this class posts entries). Every movement runs in a transaction that first takes the
/// account's row (a write that changes nothing: a row lock on PostgreSQL, the write lock on SQLite — see Activities/SignUps.cs), then
/// reads the balance, checks, and posts: the entry and the account's roll-up are saved together, so the balance equals the sum of
/// the entries and never goes below zero however many requests spend at once. Locks are taken in one order: redemption → account(s,
/// by id) → offer.
/// </summary>
public static class PointsLedger
{
    /// <summary>The volunteer's account, created on its first movement (under the volunteer's row lock, so two first movements make one).</summary>
    public static async Task<Guid> AccountIdAsync(AppDb db, Volunteer volunteer, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = db.Set<PointsAccount>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        if (await accounts.Where(a => a.VolunteerId == volunteer.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct) is { } id) return id;
        await Activities.SignUps.LockVolunteerAsync(db, volunteer.Id, ct);
        if (await accounts.Where(a => a.VolunteerId == volunteer.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct) is { } raced) return raced;
        var account = new PointsAccount(volunteer.Id, volunteer.AreaCode, now);
        db.Add(account);
        return account.Id;
    }

    /// <summary>Takes the account's row for this transaction and reads it (tracked). Call inside the transaction, before checking.</summary>
    public static async Task<PointsAccount> LockAsync(AppDb db, Guid accountId, CancellationToken ct)
    {
        var set = db.Set<PointsAccount>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        if (db.ChangeTracker.Entries<PointsAccount>().FirstOrDefault(e => e.Entity.Id == accountId) is { State: EntityState.Added } added) return added.Entity;
        await set.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);
        var account = await set.SingleAsync(a => a.Id == accountId, ct);
        // A row read earlier in this context may be stale: read what the lock now guards.
        await db.Entry(account).ReloadAsync(ct);
        return account;
    }

    /// <summary>Takes an offer's row for this transaction and reads it (tracked).</summary>
    public static async Task<Offer?> LockOfferAsync(AppDb db, Guid offerId, CancellationToken ct)
    {
        var set = db.Set<Offer>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        await set.Where(o => o.Id == offerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);
        var offer = await set.SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is not null) await db.Entry(offer).ReloadAsync(ct);
        return offer;
    }

    /// <summary>Takes a redemption's row for this transaction and reads it (tracked).</summary>
    public static async Task<Redemption?> LockRedemptionAsync(AppDb db, Guid redemptionId, CancellationToken ct)
    {
        var set = db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        await set.Where(r => r.Id == redemptionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);
        var redemption = await set.SingleOrDefaultAsync(r => r.Id == redemptionId, ct);
        if (redemption is not null) await db.Entry(redemption).ReloadAsync(ct);
        return redemption;
    }

    /// <summary>Posts a movement on a locked account: the roll-up and the entry, saved by the caller's SaveChanges.</summary>
    public static PointsEntry Post(AppDb db, PointsAccount account, PointsEntryKind kind, int points, DateTimeOffset at, string note,
        Guid? hourRecordId = null, Guid? redemptionId = null, Guid? otherVolunteerId = null)
    {
        account.Apply(kind, points);
        var entry = new PointsEntry(account, kind, points, at, note, hourRecordId, redemptionId, otherVolunteerId);
        db.Add(entry);
        return entry;
    }

    /// <summary>The nearest area holding both codes (the whole country when none): a self-service write touching two places acts there.</summary>
    public static string CommonArea(string a, string b)
    {
        foreach (var n in (int[])[12, 9, 6, 4, 2])
            if (string.CompareOrdinal(a, 0, b, 0, n) == 0) return a[..n].PadRight(12, '0');
        return Scope.Country;
    }

    const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>An 8-character redemption code from 32 unambiguous characters (40 random bits): unguessable, easy to read aloud.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, 8);

    /// <summary>A typed code read as stored: upper case, spaces and dashes dropped.</summary>
    public static string NormalizeCode(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
}
