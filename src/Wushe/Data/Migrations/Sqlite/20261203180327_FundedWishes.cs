using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundedWishes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FundingRequestId",
                table: "Wish",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WishId",
                table: "DisbursementRequest",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_WishId",
                table: "DisbursementRequest",
                column: "WishId");

            migrationBuilder.AddForeignKey(
                name: "FK_DisbursementRequest_Wish_WishId",
                table: "DisbursementRequest",
                column: "WishId",
                principalTable: "Wish",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DisbursementRequest_Wish_WishId",
                table: "DisbursementRequest");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementRequest_WishId",
                table: "DisbursementRequest");

            migrationBuilder.DropColumn(
                name: "FundingRequestId",
                table: "Wish");

            migrationBuilder.DropColumn(
                name: "WishId",
                table: "DisbursementRequest");
        }
    }
}
