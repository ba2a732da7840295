using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditValuesAndIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServicePurchase_StationId",
                table: "ServicePurchase");

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "AuditRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectName",
                table: "AuditRecords",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IdempotencyRecord",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecord", x => new { x.UserId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServicePurchase_StationId_ContractNo",
                table: "ServicePurchase",
                columns: new[] { "StationId", "ContractNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingRound_AreaCode_Year_Name",
                table: "RatingRound",
                columns: new[] { "AreaCode", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecord_CreatedAt",
                table: "IdempotencyRecord",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdempotencyRecord");

            migrationBuilder.DropIndex(
                name: "IX_ServicePurchase_StationId_ContractNo",
                table: "ServicePurchase");

            migrationBuilder.DropIndex(
                name: "IX_RatingRound_AreaCode_Year_Name",
                table: "RatingRound");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "ObjectName",
                table: "AuditRecords");

            migrationBuilder.CreateIndex(
                name: "IX_ServicePurchase_StationId",
                table: "ServicePurchase",
                column: "StationId");
        }
    }
}
