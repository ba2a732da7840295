using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Organizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteringAuthority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ContactPhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContactPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FocusAreas = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organization", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationServiceArea",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ServedAreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationServiceArea", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationServiceArea_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organization_AreaCode_Name",
                table: "Organization",
                columns: new[] { "AreaCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Organization_ContactPhoneHash",
                table: "Organization",
                column: "ContactPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Organization_CreditCode",
                table: "Organization",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organization_ParentId",
                table: "Organization",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationServiceArea_AreaCode",
                table: "OrganizationServiceArea",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationServiceArea_OrganizationId_ServedAreaCode",
                table: "OrganizationServiceArea",
                columns: new[] { "OrganizationId", "ServedAreaCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationServiceArea_ServedAreaCode",
                table: "OrganizationServiceArea",
                column: "ServedAreaCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganizationServiceArea");

            migrationBuilder.DropTable(
                name: "Organization");
        }
    }
}
