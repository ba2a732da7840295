using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExamResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExamCandidate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialWorkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IdMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score1 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score2 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score3 = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewPassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    PassedSubjects = table.Column<int>(type: "INTEGER", nullable: false),
                    Sat = table.Column<bool>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredById = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamCandidate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamCandidate_SocialWorker_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamPassLine",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Mark = table.Column<int>(type: "INTEGER", nullable: false),
                    SetById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPassLine", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExamCandidate_AreaCode_Year_Level_Sat_Passed",
                table: "ExamCandidate",
                columns: new[] { "AreaCode", "Year", "Level", "Sat", "Passed" });

            migrationBuilder.CreateIndex(
                name: "IX_ExamCandidate_SocialWorkerId_Level_Year",
                table: "ExamCandidate",
                columns: new[] { "SocialWorkerId", "Level", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamCandidate_Year_Level_AreaCode",
                table: "ExamCandidate",
                columns: new[] { "Year", "Level", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ExamPassLine_AreaCode",
                table: "ExamPassLine",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPassLine_Year_Level_Subject_AreaCode",
                table: "ExamPassLine",
                columns: new[] { "Year", "Level", "Subject", "AreaCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExamCandidate");

            migrationBuilder.DropTable(
                name: "ExamPassLine");
        }
    }
}
