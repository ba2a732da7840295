using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VolunteerTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VolunteerTally",
                columns: table => new
                {
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerTally", x => new { x.AreaCode, x.Status, x.Source });
                });
            // Existing volunteers counted once (the roll-up is kept by every save from now on: VolunteerTallies).
            migrationBuilder.Sql("INSERT INTO \"VolunteerTally\" (\"AreaCode\", \"Status\", \"Source\", \"Count\") "
                + "SELECT \"AreaCode\", \"Status\", \"Source\", COUNT(*) FROM \"Volunteer\" GROUP BY \"AreaCode\", \"Status\", \"Source\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VolunteerTally");
        }
    }
}
