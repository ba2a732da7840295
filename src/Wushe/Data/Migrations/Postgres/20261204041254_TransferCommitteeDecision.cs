using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransferCommitteeDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "FundEntry",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNo",
                table: "FundEntry",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "FundEntry");

            migrationBuilder.DropColumn(
                name: "DecisionNo",
                table: "FundEntry");
        }
    }
}
