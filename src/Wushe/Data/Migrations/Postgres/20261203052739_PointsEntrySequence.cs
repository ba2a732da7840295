using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PointsEntrySequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "PointsEntry",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Entries posted before: numbered per account in the order they were read until now (At, then Id).
            migrationBuilder.Sql("""
                UPDATE "PointsEntry" SET "Sequence" = (SELECT COUNT(*) FROM "PointsEntry" AS e
                    WHERE e."AccountId" = "PointsEntry"."AccountId" AND (e."At" < "PointsEntry"."At" OR (e."At" = "PointsEntry"."At" AND e."Id" <= "PointsEntry"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntry_AccountId_Sequence",
                table: "PointsEntry",
                columns: new[] { "AccountId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PointsEntry_AccountId_Sequence",
                table: "PointsEntry");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "PointsEntry");
        }
    }
}
