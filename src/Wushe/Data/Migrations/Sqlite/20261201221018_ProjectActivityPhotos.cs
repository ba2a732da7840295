using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectActivityPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectActivityPhoto",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectActivityPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectActivityPhoto_ProjectActivity_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "ProjectActivity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectActivityPhoto_Project_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Project",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectActivityPhoto_ActivityId",
                table: "ProjectActivityPhoto",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectActivityPhoto_AreaCode",
                table: "ProjectActivityPhoto",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectActivityPhoto_FileId",
                table: "ProjectActivityPhoto",
                column: "FileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectActivityPhoto_ProjectId",
                table: "ProjectActivityPhoto",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectActivityPhoto");
        }
    }
}
