using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganizationStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncubationProgramme",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HostStationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEndOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubationProgramme", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubationProgramme_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncubationMilestone",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubationMilestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubationMilestone_IncubationProgramme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "IncubationProgramme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncubationSupport",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubationSupport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubationSupport_IncubationProgramme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "IncubationProgramme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncubationMilestone_AreaCode",
                table: "IncubationMilestone",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationMilestone_ProgrammeId",
                table: "IncubationMilestone",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationProgramme_AreaCode_Status",
                table: "IncubationProgramme",
                columns: new[] { "AreaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IncubationProgramme_OrganizationId",
                table: "IncubationProgramme",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationSupport_AreaCode",
                table: "IncubationSupport",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationSupport_ProgrammeId",
                table: "IncubationSupport",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncubationMilestone");

            migrationBuilder.DropTable(
                name: "IncubationSupport");

            migrationBuilder.DropTable(
                name: "IncubationProgramme");
        }
    }
}
