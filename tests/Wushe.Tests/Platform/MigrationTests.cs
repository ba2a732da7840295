using Microsoft.EntityFrameworkCore;
using Wushe.Data;

namespace Wushe.Tests.Platform;

/// <summary>
/// Every model change needs a migration for both providers (scripts/add-migration.sh adds both).
/// The contexts come from the design-time factories that `dotnet ef` uses; neither opens a connection here.
/// </summary>
public sealed class MigrationTests
{
    static SqliteAppDb Sqlite() => new SqliteDesignFactory().CreateDbContext([]);

    static PostgresAppDb Postgres() => new PostgresDesignFactory().CreateDbContext([]);

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = Sqlite();
        Assert.True(db.Database.IsSqlite());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = Postgres();
        Assert.True(db.Database.IsNpgsql());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a PostgreSQL migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void Each_provider_has_the_same_list_of_migrations()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
