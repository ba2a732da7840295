using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Wushe.Data;

/// <summary>
/// Natural keys (a contract number per station, one station per area and level, a user name) are
/// unique indexes; a use case checks them first for a friendly answer, and these helpers turn the
/// race that slips past the check (two requests at one moment) into the same answer instead of a
/// generic conflict: the violated index is named by its columns on both databases.
/// </summary>
public static class UniqueKeys
{
    /// <summary>
    /// Saves. When a unique index refuses the save, returns the columns of that index (e.g.
    /// ["StationId", "ContractNo"]) and forgets the refused changes, so the caller can answer 409
    /// naming its field; null when saved. Any other failure throws as before.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> SaveOrFindDuplicateAsync(this AppDb db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (Violated(db, e) is { } columns)
        {
            db.ChangeTracker.Clear();
            return columns;
        }
    }

    /// <summary>The answer for a duplicate the use case has no words for (a key it does not own).</summary>
    public static Platform.Outcomes.Failure Conflict() => Platform.Outcomes.Failure.Conflict(Platform.Localization.Lang.T(
        "数据与已有记录冲突（可能重复），请检查后重试", "The data conflicts with an existing record (a duplicate?)"));

    /// <summary>The columns of the unique index or key a failed save violated; null for any other failure.</summary>
    public static IReadOnlyList<string>? Violated(AppDb db, Exception e)
    {
        switch (e.InnerException ?? e)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name }:
                foreach (var entity in db.Model.GetEntityTypes())
                {
                    if (entity.GetIndexes().FirstOrDefault(i => i.IsUnique && i.GetDatabaseName() == name) is { } index)
                        return index.Properties.Select(p => p.GetColumnName()).ToList();
                    if (entity.GetKeys().FirstOrDefault(k => k.GetName() == name) is { } key)
                        return key.Properties.Select(p => p.GetColumnName()).ToList();
                }
                return [];
            case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite:
                // "UNIQUE constraint failed: ServicePurchases.StationId, ServicePurchases.ContractNo"
                var list = sqlite.Message[(sqlite.Message.IndexOf("failed:", StringComparison.Ordinal) + "failed:".Length)..].TrimEnd('.', '\'', ' ');
                return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c[(c.LastIndexOf('.') + 1)..].TrimEnd('.', '\'')).ToList();
            default:
                return null;
        }
    }
}
