using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wishes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Wish",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Story = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CollectedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CollectedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FulfilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ThankYou = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wish", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Wish_Resident_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Resident",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WishClaim",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WishId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ClaimerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WishClaim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WishClaim_Wish_WishId",
                        column: x => x.WishId,
                        principalTable: "Wish",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Wish_AreaCode_CollectedAt",
                table: "Wish",
                columns: new[] { "AreaCode", "CollectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Wish_ResidentId",
                table: "Wish",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Wish_Status_Priority_PublishedAt",
                table: "Wish",
                columns: new[] { "Status", "Priority", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WishClaim_AreaCode",
                table: "WishClaim",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_WishClaim_ClaimerId_ClaimedAt",
                table: "WishClaim",
                columns: new[] { "ClaimerId", "ClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WishClaim_Status_ContactDueAt",
                table: "WishClaim",
                columns: new[] { "Status", "ContactDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WishClaim_WishId_ClaimedAt",
                table: "WishClaim",
                columns: new[] { "WishId", "ClaimedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WishClaim");

            migrationBuilder.DropTable(
                name: "Wish");
        }
    }
}
