using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "SignUp",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "Shift",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "HourRecord",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "ActivityTeam",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "Activity",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_OrganizationId_ServiceDate",
                table: "HourRecord",
                columns: new[] { "OrganizationId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Activity_OrganizationId",
                table: "Activity",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HourRecord_OrganizationId_ServiceDate",
                table: "HourRecord");

            migrationBuilder.DropIndex(
                name: "IX_Activity_OrganizationId",
                table: "Activity");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "SignUp");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "Shift");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "HourRecord");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "ActivityTeam");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "Activity");
        }
    }
}
