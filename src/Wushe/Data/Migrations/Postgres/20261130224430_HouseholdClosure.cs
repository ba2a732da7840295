using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HouseholdClosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedNote",
                table: "Household",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Household",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedReason",
                table: "Household",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedNote",
                table: "Household");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Household");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "Household");
        }
    }
}
