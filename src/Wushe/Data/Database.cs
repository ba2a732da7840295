using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wushe.Platform.Access;

namespace Wushe.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Database
{
    /// <summary>Registers AppDb with the configured provider: <c>Wushe:Database:Provider</c> and <c>ConnectionStrings:Wushe</c>.</summary>
    public static IServiceCollection AddWusheDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = config.GetValue("Wushe:Database:Provider", DatabaseProvider.Sqlite);
        var connection = config.GetConnectionString("Wushe");
        // The roll-ups the features declare (IRollUpPlan), kept in the transaction of every save.
        services.AddSingleton<RollUps>();
        services.AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<RollUps>());
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrEmpty(connection)) throw new InvalidOperationException("ConnectionStrings:Wushe is required for PostgreSQL.");
            services.AddPooledDbContextFactory<PostgresAppDb>((sp, o) => o.UseNpgsql(connection).AddInterceptors([FilterLiftGuard.Instance, .. AccountInterceptors(sp)]));
            services.AddScoped<AppDb>(Rent<PostgresAppDb>);
        }
        else
        {
            connection ??= "Data Source=" + Path.Combine(contentRoot, "data", "wushe.db");
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            services.AddPooledDbContextFactory<SqliteAppDb>((sp, o) => o.UseSqlite(connection).AddInterceptors([new SqlitePragmas(), SqliteWriteGate.Instance, FilterLiftGuard.Instance, .. AccountInterceptors(sp)]));
            services.AddScoped<AppDb>(Rent<SqliteAppDb>);
        }
        return services;
    }

    /// <summary>
    /// A scope's AppDb: rented from the pool (no model, services or interceptors set up per request) and bound
    /// to the scope's actor and clock; the scope's end returns it (EF's pattern for pooled contexts with
    /// per-request state). The actor is read at use, so the query filters see the request's user.
    /// </summary>
    static AppDb Rent<T>(IServiceProvider sp) where T : AppDb =>
        sp.GetRequiredService<IDbContextFactory<T>>().CreateDbContext().Bind(sp.GetRequiredService<UserContext>(), sp.GetRequiredService<TimeProvider>());

    /// <summary>Save interceptors the app registers (Accounts forgets cached stamps when a save changes an account: SessionCheck).</summary>
    static IInterceptor[] AccountInterceptors(IServiceProvider sp) => [.. sp.GetServices<ISaveChangesInterceptor>()];

    public static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }
}

/// <summary>WAL with synchronous=NORMAL: a process crash loses nothing committed (MACHINE-NOTES.md), and readers do not block the writer.</summary>
sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    // One open per context lease (per request), not one per query and save: EF opens and closes the connection
    // around each command, and every open rents from Microsoft.Data.Sqlite's pool and registers EF's SQL
    // functions again. The first close is skipped; EF then finds the connection open, leaves it so, and
    // disposes it (back to Microsoft.Data.Sqlite's pool) when the context returns to its pool.
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        eventData.Context is not null ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>The native handles already set up: Microsoft.Data.Sqlite pools them, and the pragmas hold per handle.</summary>
    static readonly ConditionalWeakTable<object, object> Applied = new();

    static void Apply(DbConnection connection)
    {
        // A pooled handle keeps its pragmas: set them once per handle, not on every open (once or more per request).
        var handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out _)) return;
        using var cmd = connection.CreateCommand();
        // No mmap_size: mapping the file made every pooled connection fault its pages in on its own and doubled the CPU of a write
        // at 64 connections (docs/PERFORMANCE.md, "The database file is read, not mapped").
        cmd.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={BusyMilliseconds(connection)};";
        cmd.ExecuteNonQuery();
        if (handle is not null) Applied.AddOrUpdate(handle, handle);
    }

    /// <summary>A writer waits up to 10 s for another's lock, or less when the connection string's "Default Timeout" says so.</summary>
    internal static int BusyMilliseconds(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection { DefaultTimeout: > 0 and < 10 } sqlite ? sqlite.DefaultTimeout * 1000 : 10_000;
}

/// <summary>
/// One writer at a time per SQLite file, queued without blocking threads. SQLite lets one connection write;
/// the others wait in its busy handler, which sleeps the thread (1, 2, 5 … 100 ms) and retries, so under
/// concurrent writes thread-pool threads sleep, writers overtake each other, and the slowest wait hundreds
/// of milliseconds (docs/PERFORMANCE.md, "Write path"). Here every transaction of this process first awaits
/// the one gate of its file (a queue, not a sleep) and holds it until commit or rollback; every SaveChanges
/// takes a transaction, so single-statement saves queue too. SQLite's lock and busy timeout stay as they
/// were behind it (another process; a statement outside a transaction); a gate not had within the busy
/// timeout is not waited for further, so a caller that would have met SQLITE_BUSY before still does.
/// </summary>
sealed class SqliteWriteGate : DbTransactionInterceptor, ISaveChangesInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate each open connection holds, while it holds one.</summary>
    static readonly ConditionalWeakTable<DbConnection, Lease> Leases = new();

    sealed class Lease
    {
        public SemaphoreSlim? Gate;
    }

    SqliteWriteGate() { }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (Want(connection) is (var lease, var gate) && gate.Wait(SqlitePragmas.BusyMilliseconds(connection))) lease.Gate = gate;
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Want(connection) is (var lease, var gate) && await gate.WaitAsync(SqlitePragmas.BusyMilliseconds(connection), cancellationToken)) lease.Gate = gate;
        return result;
    }

    /// <summary>The lease and the gate to wait for; null for a connection that holds its gate already, or a database in memory.</summary>
    static (Lease, SemaphoreSlim)? Want(DbConnection connection)
    {
        var lease = Leases.GetOrCreateValue(connection);
        if (lease.Gate is not null || string.IsNullOrEmpty(connection.DataSource)) return null;
        return (lease, Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1)));
    }

    static void Release(DbContext? context)
    {
        if (context is not null) Release(context.Database.GetDbConnection());
    }

    /// <summary>
    /// A context going back to its pool lets go of a gate its connection still holds: a transaction disposed without commit or
    /// rollback (a handler that returns a refusal from inside <c>await using var tx</c>) is rolled back by SQLite at once but
    /// raises no interceptor event, and the pooled connection stays open, so its gate was held until that context was rented
    /// again — every other writer of the process waited out the busy timeout (10 s) meanwhile.
    /// </summary>
    internal static void ReleaseOnReturn(DbContext context)
    {
        context.Database.CurrentTransaction?.Dispose();
        Release(context.Database.GetDbConnection());
    }

    static void Release(DbConnection connection)
    {
        if (Leases.TryGetValue(connection, out var lease)) Interlocked.Exchange(ref lease.Gate, null)?.Release();
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback ends with its connection at the latest.
    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    // EF saves a single statement without a transaction; on SQLite it takes one, so that the save queues at the gate.
    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AlwaysTransaction(eventData.Context);
        return result;
    }

    ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        AlwaysTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    static void AlwaysTransaction(DbContext? context)
    {
        if (context?.Database is { AutoTransactionBehavior: AutoTransactionBehavior.WhenNeeded } database)
            database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }
}
