using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditNoRewrite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // INSERT OR REPLACE (and REPLACE INTO) delete the old row without firing delete triggers unless
            // recursive_triggers is on, which is a setting of each connection, not of the database. A BEFORE
            // INSERT trigger fires for every insert on every connection, before any conflict is resolved: an
            // insert that would meet an existing id (REPLACE, or an upsert's ON CONFLICT DO UPDATE) is refused.
            // The id is the table's only unique key; a unique index added later needs the same guard.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditRecords_NoReplace BEFORE INSERT ON AuditRecords
                WHEN EXISTS (SELECT 1 FROM AuditRecords WHERE Id = NEW.Id)
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditRecords_NoReplace;");
        }
    }
}
