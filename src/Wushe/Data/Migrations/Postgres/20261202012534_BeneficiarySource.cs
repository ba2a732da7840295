using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BeneficiarySource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "ServiceBeneficiary",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Each beneficiary takes its record's source (the column is new: every existing row is filled from its record).
            migrationBuilder.Sql("""
                UPDATE "ServiceBeneficiary" b SET "Source" = r."Source" FROM "ServiceRecord" r WHERE r."Id" = b."ServiceRecordId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceBeneficiary_Source_AreaCode_ServedOn_ResidentId",
                table: "ServiceBeneficiary",
                columns: new[] { "Source", "AreaCode", "ServedOn", "ResidentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceBeneficiary_Source_AreaCode_ServedOn_ResidentId",
                table: "ServiceBeneficiary");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ServiceBeneficiary");
        }
    }
}
