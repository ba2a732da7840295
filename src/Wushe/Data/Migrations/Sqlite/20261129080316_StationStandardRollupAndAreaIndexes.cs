using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationStandardRollupAndAreaIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StandardChecked",
                table: "Stations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StandardMet",
                table: "Stations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_StationStaff_AreaCode",
                table: "StationStaff",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_StationRating_AreaCode",
                table: "StationRating",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_StandardCheck_AreaCode",
                table: "StandardCheck",
                column: "AreaCode");
        
            // Existing stations get their roll-up from their check history: per item, the latest check counts.
            migrationBuilder.Sql(@"UPDATE Stations SET
    StandardChecked = (SELECT COUNT(DISTINCT c.Item) FROM StandardCheck c WHERE c.StationId = Stations.Id),
    StandardMet = (SELECT COUNT(*) FROM StandardCheck c WHERE c.StationId = Stations.Id AND c.Met = 1
        AND NOT EXISTS (SELECT 1 FROM StandardCheck d WHERE d.StationId = c.StationId AND d.Item = c.Item
            AND (d.CheckedOn > c.CheckedOn OR (d.CheckedOn = c.CheckedOn AND d.RecordedAt > c.RecordedAt))));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StationStaff_AreaCode",
                table: "StationStaff");

            migrationBuilder.DropIndex(
                name: "IX_StationRating_AreaCode",
                table: "StationRating");

            migrationBuilder.DropIndex(
                name: "IX_StandardCheck_AreaCode",
                table: "StandardCheck");

            migrationBuilder.DropColumn(
                name: "StandardChecked",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "StandardMet",
                table: "Stations");
        }
    }
}
