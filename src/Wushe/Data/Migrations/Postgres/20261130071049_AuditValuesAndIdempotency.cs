using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectName",
                table: "AuditRecords",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IdempotencyRecord",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
