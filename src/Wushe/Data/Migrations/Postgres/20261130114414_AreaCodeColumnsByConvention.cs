using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AreaCodeColumnsByConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "RoundAreaCode",
                table: "StationRating",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12);

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

            migrationBuilder.AlterColumn<string>(
                name: "RoundAreaCode",
                table: "StationRating",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12,
                oldCollation: "C");
        }
    }
}
