using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditNoRewrite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Row triggers already refuse UPDATE and DELETE, which also covers INSERT … ON CONFLICT DO UPDATE
            // and MERGE (both fire BEFORE UPDATE/DELETE row triggers). TRUNCATE fires no row trigger: refuse it
            // with a statement trigger.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON "AuditRecords"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_records_no_truncate ON "AuditRecords";""");
        }
    }
}
