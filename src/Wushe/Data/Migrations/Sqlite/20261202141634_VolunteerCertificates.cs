using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VolunteerCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VolunteerCertificate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VolunteerNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SelfService = table.Column<bool>(type: "INTEGER", nullable: false),
                    IssuedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerCertificate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerCertificate_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerCertificate_AreaCode_IssuedAt",
                table: "VolunteerCertificate",
                columns: new[] { "AreaCode", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerCertificate_Number",
                table: "VolunteerCertificate",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerCertificate_VolunteerId_IssuedAt",
                table: "VolunteerCertificate",
                columns: new[] { "VolunteerId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerCertificate_Year_Sequence",
                table: "VolunteerCertificate",
                columns: new[] { "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VolunteerCertificate");
        }
    }
}
