using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    FundNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HostOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HostName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BalanceFen = table.Column<long>(type: "bigint", nullable: false),
                    ReservedFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    SpentFen = table.Column<long>(type: "bigint", nullable: false),
                    Entries = table.Column<long>(type: "bigint", nullable: false),
                    Receipts = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    DonorKind = table.Column<int>(type: "integer", nullable: false),
                    DonorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    DonorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Items = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DonatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceiptNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReversedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReversalReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Affiliation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    TermFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ReservedFen = table.Column<long>(type: "bigint", nullable: false),
                    BalanceAfterFen = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DonationId = table.Column<Guid>(type: "uuid", nullable: true)
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
