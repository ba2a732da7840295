using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CharityReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Donation_AreaCode",
                table: "Donation");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementPayment_AreaCode",
                table: "DisbursementPayment");

            migrationBuilder.CreateIndex(
                name: "IX_Donation_AreaCode_DonatedOn",
                table: "Donation",
                columns: new[] { "AreaCode", "DonatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementPayment_AreaCode_PaidOn",
                table: "DisbursementPayment",
                columns: new[] { "AreaCode", "PaidOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Donation_AreaCode_DonatedOn",
                table: "Donation");

            migrationBuilder.DropIndex(
                name: "IX_DisbursementPayment_AreaCode_PaidOn",
                table: "DisbursementPayment");

            migrationBuilder.CreateIndex(
                name: "IX_Donation_AreaCode",
                table: "Donation",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementPayment_AreaCode",
                table: "DisbursementPayment",
                column: "AreaCode");
        }
    }
}
