using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wushe.Data;

/// <summary>Database errors that mean "busy, try again", not a fault of the data.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A lock wait that ran out, anywhere in the exception chain: SQLite BUSY (5) or LOCKED (6) after the
    /// busy timeout; PostgreSQL lock_not_available (55P03, lock_timeout) or deadlock_detected (40P01); no pooled connection in
    /// time (Npgsql's pool exhausted, or the connection attempt timed out: a <see cref="NpgsqlException"/> over a <see cref="TimeoutException"/>).
    /// </summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } || e is PostgresException { SqlState: "55P03" or "40P01" }
                || e is NpgsqlException { InnerException: TimeoutException })
                return true;
        return false;
    }
}
