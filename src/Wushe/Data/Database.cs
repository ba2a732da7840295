using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrEmpty(connection)) throw new InvalidOperationException("ConnectionStrings:Wushe is required for PostgreSQL.");
            services.AddDbContext<AppDb, PostgresAppDb>((sp, o) => o.UseNpgsql(connection).AddInterceptors(AccountInterceptors(sp)));
        }
        else
        {
            connection ??= "Data Source=" + Path.Combine(contentRoot, "data", "wushe.db");
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            services.AddDbContext<AppDb, SqliteAppDb>((sp, o) => o.UseSqlite(connection).AddInterceptors([new SqlitePragmas(), .. AccountInterceptors(sp)]));
        }
        return services;
    }

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

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    static void Apply(DbConnection connection)
    {
        // A writer waits up to 10 s for another's lock, or less when the connection string's "Default Timeout" says so.
        var busyMs = connection is Microsoft.Data.Sqlite.SqliteConnection { DefaultTimeout: > 0 and < 10 } sqlite ? sqlite.DefaultTimeout * 1000 : 10_000;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={busyMs};";
        cmd.ExecuteNonQuery();
    }
}
