using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ToOrganizationId",
                table: "CaseReferral",
                type: "TEXT",
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
