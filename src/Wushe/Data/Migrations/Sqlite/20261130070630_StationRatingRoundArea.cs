using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationRatingRoundArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoundAreaCode",
                table: "StationRating",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            // The review of a station's rating is held by its round's area (the write guard reads it from the row).
            migrationBuilder.Sql("""UPDATE "StationRating" SET "RoundAreaCode" = (SELECT r."AreaCode" FROM "RatingRound" r WHERE r."Id" = "StationRating"."RoundId");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RoundAreaCode",
                table: "StationRating");
        }
    }
}
