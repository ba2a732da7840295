using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AreaCodeColumnsByConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_AreaCode",
                table: "StoredFiles",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_StationRating_RoundAreaCode",
                table: "StationRating",
                column: "RoundAreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_AreaCode",
                table: "RoleAssignments",
                column: "AreaCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_AreaCode",
                table: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_StationRating_RoundAreaCode",
                table: "StationRating");

            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_AreaCode",
                table: "RoleAssignments");
        }
    }
}
