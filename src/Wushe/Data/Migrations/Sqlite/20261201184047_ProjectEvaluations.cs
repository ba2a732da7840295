using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectEvaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    PassScore = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SelfScores = table.Column<string>(type: "TEXT", nullable: false),
                    SelfComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SelfByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SelfAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewScores = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectEvaluation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectEvaluation_Project_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Project",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SatisfactionSurvey",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SurveyedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    VerySatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Neutral = table.Column<int>(type: "INTEGER", nullable: false),
                    Dissatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    VeryDissatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionSurvey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SatisfactionSurvey_ProjectActivity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "ProjectActivity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SatisfactionSurvey_Project_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Project",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluation_AreaCode",
                table: "ProjectEvaluation",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectEvaluation_ProjectId_Stage",
                table: "ProjectEvaluation",
                columns: new[] { "ProjectId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurvey_ActivityId",
                table: "SatisfactionSurvey",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurvey_AreaCode_SurveyedOn",
                table: "SatisfactionSurvey",
                columns: new[] { "AreaCode", "SurveyedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurvey_ProjectId",
                table: "SatisfactionSurvey",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectEvaluation");

            migrationBuilder.DropTable(
                name: "SatisfactionSurvey");
        }
    }
}
