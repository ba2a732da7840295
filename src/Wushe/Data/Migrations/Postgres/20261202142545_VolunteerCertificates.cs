using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    VolunteerNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    ServiceSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SelfService = table.Column<bool>(type: "boolean", nullable: false),
                    IssuedById = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RevokeReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
