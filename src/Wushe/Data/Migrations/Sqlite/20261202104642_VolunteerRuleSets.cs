using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RoundingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyCapMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PostingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MinAttendancePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Star1Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    Star2Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    Star3Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    Star4Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    Star5Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsPerHour = table.Column<int>(type: "INTEGER", nullable: false),
                    GeofenceMeters = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsDonationAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RedeemMinStars = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsCap = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
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
