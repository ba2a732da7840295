using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SocialWorkerCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A person known from an exam only (no employer) is not in post: 未在岗（考生）, not counted in the workforce.
            migrationBuilder.Sql("UPDATE \"SocialWorker\" SET \"Status\" = 3 WHERE \"EmployerKind\" IS NULL AND \"Status\" = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"SocialWorker\" SET \"Status\" = 1 WHERE \"Status\" = 3;");
        }
    }
}
