using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HouseholdLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Resident_IdNumberHash",
                table: "Resident");

            migrationBuilder.AddColumn<bool>(
                name: "IdNumberReleased",
                table: "Resident",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MoveNote",
                table: "Household",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MovedFromAreaCode",
                table: "Household",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateOnly>(
                name: "MovedOn",
                table: "Household",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "Household",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReopenedOn",
                table: "Household",
                type: "date",
                nullable: true);

            // Members who moved out, and the active members of households closed as moved away, hold their ID numbers no more
            // (Resident.IdNumberReleased): set before the unique index of the numbers held is built.
            migrationBuilder.Sql("UPDATE \"Resident\" SET \"IdNumberReleased\" = TRUE WHERE \"Status\" = 2 OR (\"Status\" = 1 AND \"HouseholdId\" IN (SELECT \"Id\" FROM \"Household\" WHERE \"Status\" = 2 AND \"ClosedReason\" = 1))");

            migrationBuilder.CreateIndex(
                name: "IX_Resident_IdNumberHash",
                table: "Resident",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "UX_Residents_IdNumberHeld",
                table: "Resident",
                column: "IdNumberHash",
                unique: true,
                filter: "NOT \"IdNumberReleased\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Resident_IdNumberHash",
                table: "Resident");

            migrationBuilder.DropIndex(
                name: "UX_Residents_IdNumberHeld",
                table: "Resident");

            migrationBuilder.DropColumn(
                name: "IdNumberReleased",
                table: "Resident");

            migrationBuilder.DropColumn(
                name: "MoveNote",
                table: "Household");

            migrationBuilder.DropColumn(
                name: "MovedFromAreaCode",
                table: "Household");

            migrationBuilder.DropColumn(
                name: "MovedOn",
                table: "Household");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "Household");

            migrationBuilder.DropColumn(
                name: "ReopenedOn",
                table: "Household");

            migrationBuilder.CreateIndex(
                name: "IX_Resident_IdNumberHash",
                table: "Resident",
                column: "IdNumberHash",
                unique: true);
        }
    }
}
