using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "Shift",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OrganizerName",
                table: "HourRecord",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "HourRecord",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "ActivityTeam",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OrganizerName",
                table: "Activity",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "Activity",
                type: "uuid",
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

            migrationBuilder.AlterColumn<string>(
                name: "OrganizerName",
                table: "HourRecord",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "OrganizerName",
                table: "Activity",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);
        }
    }
}
