using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhoneTurnsAndOneIncubation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportingPhone",
                columns: table => new
                {
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingPhone", x => x.PhoneHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncubationProgramme_OrganizationId_InProgress",
                table: "IncubationProgramme",
                column: "OrganizationId",
                unique: true,
                filter: "\"Status\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportingPhone");

            migrationBuilder.DropIndex(
                name: "IX_IncubationProgramme_OrganizationId_InProgress",
                table: "IncubationProgramme");
        }
    }
}
