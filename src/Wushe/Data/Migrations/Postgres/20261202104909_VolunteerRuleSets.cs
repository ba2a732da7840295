using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VolunteerRuleSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VolunteerRuleSet",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    RoundingMinutes = table.Column<int>(type: "integer", nullable: false),
                    DailyCapMinutes = table.Column<int>(type: "integer", nullable: false),
                    PostingDays = table.Column<int>(type: "integer", nullable: false),
                    MinAttendancePercent = table.Column<int>(type: "integer", nullable: false),
                    Star1Hours = table.Column<int>(type: "integer", nullable: false),
                    Star2Hours = table.Column<int>(type: "integer", nullable: false),
                    Star3Hours = table.Column<int>(type: "integer", nullable: false),
                    Star4Hours = table.Column<int>(type: "integer", nullable: false),
                    Star5Hours = table.Column<int>(type: "integer", nullable: false),
                    PointsPerHour = table.Column<int>(type: "integer", nullable: false),
                    GeofenceMeters = table.Column<int>(type: "integer", nullable: false),
                    PointsDonationAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    RedeemMinStars = table.Column<int>(type: "integer", nullable: false),
                    PointsCap = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerRuleSet", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRuleSet_AreaCode",
                table: "VolunteerRuleSet",
                column: "AreaCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VolunteerRuleSet");
        }
    }
}
