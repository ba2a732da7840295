using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganizationReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ToStationId",
                table: "CaseReferral",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ToOrganizationId",
                table: "CaseReferral",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferral_ToOrganizationId_Status",
                table: "CaseReferral",
                columns: new[] { "ToOrganizationId", "Status" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_CaseReferral_OneReceiver",
                table: "CaseReferral",
                sql: "(\"ToStationId\" IS NULL) <> (\"ToOrganizationId\" IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseReferral_ToOrganizationId_Status",
                table: "CaseReferral");

            migrationBuilder.DropCheckConstraint(
                name: "CK_CaseReferral_OneReceiver",
                table: "CaseReferral");

            migrationBuilder.DropColumn(
                name: "ToOrganizationId",
                table: "CaseReferral");

            migrationBuilder.AlterColumn<Guid>(
                name: "ToStationId",
                table: "CaseReferral",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
