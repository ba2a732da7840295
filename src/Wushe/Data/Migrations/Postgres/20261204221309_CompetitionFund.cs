using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompetitionFund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AwardId",
                table: "DisbursementRequest",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "DisbursementRequest",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNo",
                table: "DisbursementRequest",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_AwardId",
                table: "DisbursementRequest",
                column: "AwardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Competition_FundId",
                table: "Competition",
                column: "FundId");

            migrationBuilder.AddForeignKey(
                name: "FK_Competition_CommunityFund_FundId",
                table: "Competition",
                column: "FundId",
                principalTable: "CommunityFund",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DisbursementRequest_CompetitionAward_AwardId",
                table: "DisbursementRequest",
                column: "AwardId",
                principalTable: "CompetitionAward",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Competition_CommunityFund_FundId",
                table: "Competition");

            migrationBuilder.DropForeignKey(
                name: "FK_DisbursementRequest_CompetitionAward_AwardId",
                table: "DisbursementRequest");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementRequest_AwardId",
                table: "DisbursementRequest");

            migrationBuilder.DropIndex(
                name: "IX_Competition_FundId",
                table: "Competition");

            migrationBuilder.DropColumn(
                name: "AwardId",
                table: "DisbursementRequest");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "DisbursementRequest");

            migrationBuilder.DropColumn(
                name: "DecisionNo",
                table: "DisbursementRequest");
        }
    }
}
