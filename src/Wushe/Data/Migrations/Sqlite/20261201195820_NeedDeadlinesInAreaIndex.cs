using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedDeadlinesInAreaIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Need_AreaCode_Status",
                table: "Need");

            migrationBuilder.CreateIndex(
                name: "IX_Need_AreaCode_Status_AcceptDueAt_ResolveDueAt",
                table: "Need",
                columns: new[] { "AreaCode", "Status", "AcceptDueAt", "ResolveDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Need_AreaCode_Status_AcceptDueAt_ResolveDueAt",
                table: "Need");

            migrationBuilder.CreateIndex(
                name: "IX_Need_AreaCode_Status",
                table: "Need",
                columns: new[] { "AreaCode", "Status" });
        }
    }
}
