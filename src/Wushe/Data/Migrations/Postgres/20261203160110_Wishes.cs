using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Alias = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Story = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValueFen = table.Column<long>(type: "bigint", nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: true),
                    CollectedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CollectedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CollectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FulfilledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ThankYou = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WishId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    ClaimerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
