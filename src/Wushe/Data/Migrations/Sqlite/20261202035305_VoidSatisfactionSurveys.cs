using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VoidSatisfactionSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "SatisfactionSurvey",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "VoidedAt",
                table: "SatisfactionSurvey",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VoidedById",
                table: "SatisfactionSurvey",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoidedByName",
                table: "SatisfactionSurvey",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "SatisfactionSurvey");

            migrationBuilder.DropColumn(
                name: "VoidedAt",
                table: "SatisfactionSurvey");

            migrationBuilder.DropColumn(
                name: "VoidedById",
                table: "SatisfactionSurvey");

            migrationBuilder.DropColumn(
                name: "VoidedByName",
                table: "SatisfactionSurvey");
        }
    }
}
