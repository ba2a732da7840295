using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Bench;

/// <summary>
/// The database a run works on: a SQLite file (<c>--db PATH</c>) or PostgreSQL
/// (<c>--postgres CONNSTRING</c>). Contexts are built as the app builds them (same provider
/// subclass, same SQLite pragmas), one per unit of work, from options built once.
/// </summary>
sealed class BenchDb
{
    /// <summary>Fixed keys of the generated data, so the app can open sealed values (never use them anywhere else).</summary>
    public const string EncryptionKey = "d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=";
    public const string LookupKey = "d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=";

    readonly DbContextOptions<SqliteAppDb>? sqlite;
    readonly DbContextOptions<PostgresAppDb>? postgres;

    BenchDb(string? path, string? connection, bool logSql)
    {
        SqlitePath = path;
        PostgresConnection = connection;
        if (connection is not null)
            postgres = Log(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(connection), logSql).Options;
        else
            sqlite = Log(new DbContextOptionsBuilder<SqliteAppDb>()
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString())
                .AddInterceptors(new SqlitePragmas()), logSql).Options;
    }

    DbContextOptionsBuilder<T> Log<T>(DbContextOptionsBuilder<T> builder, bool logSql) where T : DbContext
    {
        // As the app's contexts: the roll-ups (services, volunteers) are kept by every save that changes their records.
        builder.AddInterceptors(Commands, Saves, Wushe.Data.FilterLiftGuard.Instance, new Wushe.Data.RollUps([new Wushe.Features.Households.ServiceTallies(), new Wushe.Features.Volunteers.VolunteerTallies()]));
        return logSql ? builder.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging() : builder;
    }

    /// <summary>The time of each save, when enabled (the import's profile).</summary>
    public Measure.SaveTimer Saves { get; } = new();

    /// <summary>SQL commands sent through contexts of this database so far.</summary>
    public Measure.CommandCounter Commands { get; } = new();

    public string? SqlitePath { get; }
    public string? PostgresConnection { get; }
    public bool IsPostgres => PostgresConnection is not null;

    public string Describe => IsPostgres
        ? "PostgreSQL " + new NpgsqlConnectionStringBuilder(PostgresConnection) { Password = null }.ToString()
        : "SQLite " + Path.GetFullPath(SqlitePath!);

    public static BenchDb From(Options options)
    {
        var pg = options.Get("postgres");
        var path = options.Get("db");
        if (pg is null && path is null) throw new UsageException("Give --db PATH (SQLite) or --postgres CONNSTRING.");
        return new BenchDb(pg is null ? path : null, pg, options.Get("log-sql") is not null);
    }

    public AppDb Open(CurrentUser actor) => (IsPostgres ? (AppDb)new PostgresAppDb(postgres!) : new SqliteAppDb(sqlite!)).ActingAs(actor);

    public AppDb OpenAsSystem() => Open(CurrentUser.System);

    /// <summary>Drops whatever was there and applies the app's migrations to an empty database.</summary>
    public async Task RecreateAsync()
    {
        if (IsPostgres)
        {
            await using var db = OpenAsSystem();
            await db.Database.EnsureDeletedAsync();
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var full = Path.GetFullPath(SqlitePath!);
            foreach (var f in new[] { full, full + "-wal", full + "-shm" }) File.Delete(f);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
        await using (var db = OpenAsSystem())
        {
            if (!IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
        }
    }

    /// <summary>Refreshes the planner's statistics after a bulk load, as an operator would.</summary>
    public async Task AnalyzeAsync()
    {
        await using var db = OpenAsSystem();
        await db.Database.ExecuteSqlRawAsync(IsPostgres ? "ANALYZE;" : "PRAGMA optimize; ANALYZE;");
    }
}
