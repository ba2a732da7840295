using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialWorkerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SocialWorker_AreaCode_CreatedAt",
                table: "SocialWorker");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_AreaCode_CreatedAt_Status",
                table: "SocialWorker",
                columns: new[] { "AreaCode", "CreatedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_EmployerKind_Status_AreaCode_StationId_Level",
                table: "SocialWorker",
                columns: new[] { "EmployerKind", "Status", "AreaCode", "StationId", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SocialWorker_AreaCode_CreatedAt_Status",
                table: "SocialWorker");

            migrationBuilder.DropIndex(
                name: "IX_SocialWorker_EmployerKind_Status_AreaCode_StationId_Level",
                table: "SocialWorker");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_AreaCode_CreatedAt",
                table: "SocialWorker",
                columns: new[] { "AreaCode", "CreatedAt" });
        }
    }
}
