using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunityFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityFund",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FundNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HostOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Entries = table.Column<long>(type: "INTEGER", nullable: false),
                    Receipts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityFund", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityFund_Organization_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Donation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DonorKind = table.Column<int>(type: "INTEGER", nullable: false),
                    DonorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    DonorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DonatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceiptNo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReversedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Donation_CommunityFund_FundId",
                        column: x => x.FundId,
                        principalTable: "CommunityFund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundCommitteeMember",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Affiliation = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TermFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundCommitteeMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundCommitteeMember_CommunityFund_FundId",
                        column: x => x.FundId,
                        principalTable: "CommunityFund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceAfterFen = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DonationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundEntry_CommunityFund_FundId",
                        column: x => x.FundId,
                        principalTable: "CommunityFund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityFund_AreaCode_Name",
                table: "CommunityFund",
                columns: new[] { "AreaCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityFund_FundNo",
                table: "CommunityFund",
                column: "FundNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityFund_HostOrganizationId",
                table: "CommunityFund",
                column: "HostOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Donation_AreaCode",
                table: "Donation",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_Donation_DonorUserId",
                table: "Donation",
                column: "DonorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Donation_FundId_DonatedOn",
                table: "Donation",
                columns: new[] { "FundId", "DonatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Donation_ReceiptNo",
                table: "Donation",
                column: "ReceiptNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundCommitteeMember_AreaCode",
                table: "FundCommitteeMember",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_FundCommitteeMember_FundId_TermFrom",
                table: "FundCommitteeMember",
                columns: new[] { "FundId", "TermFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_FundCommitteeMember_UserId",
                table: "FundCommitteeMember",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntry_AreaCode",
                table: "FundEntry",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntry_DonationId",
                table: "FundEntry",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntry_FundId_Sequence",
                table: "FundEntry",
                columns: new[] { "FundId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Donation");

            migrationBuilder.DropTable(
                name: "FundCommitteeMember");

            migrationBuilder.DropTable(
                name: "FundEntry");

            migrationBuilder.DropTable(
                name: "CommunityFund");
        }
    }
}
