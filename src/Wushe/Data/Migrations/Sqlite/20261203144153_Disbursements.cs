using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disbursements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Requests",
                table: "CommunityFund",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DisbursementRequest",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RequestNo = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Payee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisbursementRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisbursementRequest_CommunityFund_FundId",
                        column: x => x.FundId,
                        principalTable: "CommunityFund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisbursementRequest_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisbursementRequest_Project_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Project",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisbursementPayment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VoucherNo = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisbursementPayment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisbursementPayment_DisbursementRequest_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DisbursementRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisbursementVote",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Approve = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisbursementVote", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisbursementVote_DisbursementRequest_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DisbursementRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisbursementVote_FundCommitteeMember_MemberId",
                        column: x => x.MemberId,
                        principalTable: "FundCommitteeMember",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementPayment_AreaCode",
                table: "DisbursementPayment",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementPayment_FundId_PaidOn_Id",
                table: "DisbursementPayment",
                columns: new[] { "FundId", "PaidOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementPayment_RequestId",
                table: "DisbursementPayment",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_AreaCode",
                table: "DisbursementRequest",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_FundId_RaisedAt_Id",
                table: "DisbursementRequest",
                columns: new[] { "FundId", "RaisedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_NeedId",
                table: "DisbursementRequest",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_ProjectId",
                table: "DisbursementRequest",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_RequestNo",
                table: "DisbursementRequest",
                column: "RequestNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementRequest_Status_AreaCode",
                table: "DisbursementRequest",
                columns: new[] { "Status", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementVote_AreaCode",
                table: "DisbursementVote",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementVote_MemberId",
                table: "DisbursementVote",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DisbursementVote_RequestId_MemberId",
                table: "DisbursementVote",
                columns: new[] { "RequestId", "MemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisbursementPayment");

            migrationBuilder.DropTable(
                name: "DisbursementVote");

            migrationBuilder.DropTable(
                name: "DisbursementRequest");

            migrationBuilder.DropColumn(
                name: "Requests",
                table: "CommunityFund");
        }
    }
}
