using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedLifeCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptDueAt",
                table: "Need",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "Need",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandlerId",
                table: "Need",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlerName",
                table: "Need",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NeedNo",
                table: "Need",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Need",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RatedBy",
                table: "Need",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequesterName",
                table: "Need",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RequesterPhoneCipher",
                table: "Need",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequesterPhoneHash",
                table: "Need",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequesterPhoneMasked",
                table: "Need",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolveDueAt",
                table: "Need",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "Need",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Satisfaction",
                table: "Need",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SatisfactionComment",
                table: "Need",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "StatusChangedAt",
                table: "Need",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Need",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Verified",
                table: "Need",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NeedMatch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedMatch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedMatch_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedPhoto",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedPhoto_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedStep",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedStep_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedTimeLimits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    NormalAcceptHours = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalResolveDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentAcceptHours = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentResolveDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CriticalAcceptHours = table.Column<int>(type: "INTEGER", nullable: false),
                    CriticalResolveDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedTimeLimits", x => x.Id);
                });

            // Needs raised before their life cycle (from visits): a number of their own (the id), a title from the description,
            // verified (a worker raised them), the default acceptance limit of 72 hours (the stored form of DateTimeOffset on
            // SQLite is EF's binary one: ticks / 1000 shifted by 11 bits, so 72 h adds 72·3600·10⁴ « 11).
            migrationBuilder.Sql("""
                UPDATE "Need" SET "NeedNo" = 'XQ-' || "Id", "Title" = substr("Description", 1, 30), "Verified" = CASE WHEN "Source" = 3 THEN 0 ELSE 1 END, "AcceptDueAt" = "RaisedAt" + 5308416000000, "StatusChangedAt" = "RaisedAt";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Need_NeedNo",
                table: "Need",
                column: "NeedNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Need_RequesterPhoneHash",
                table: "Need",
                column: "RequesterPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Need_Status_AcceptDueAt",
                table: "Need",
                columns: new[] { "Status", "AcceptDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedMatch_AreaCode",
                table: "NeedMatch",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_NeedMatch_Kind_TargetId",
                table: "NeedMatch",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedMatch_NeedId",
                table: "NeedMatch",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedPhoto_AreaCode",
                table: "NeedPhoto",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_NeedPhoto_NeedId",
                table: "NeedPhoto",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedStep_AreaCode",
                table: "NeedStep",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_NeedStep_NeedId_At",
                table: "NeedStep",
                columns: new[] { "NeedId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedTimeLimits_AreaCode",
                table: "NeedTimeLimits",
                column: "AreaCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NeedMatch");

            migrationBuilder.DropTable(
                name: "NeedPhoto");

            migrationBuilder.DropTable(
                name: "NeedStep");

            migrationBuilder.DropTable(
                name: "NeedTimeLimits");

            migrationBuilder.DropIndex(
                name: "IX_Need_NeedNo",
                table: "Need");

            migrationBuilder.DropIndex(
                name: "IX_Need_RequesterPhoneHash",
                table: "Need");

            migrationBuilder.DropIndex(
                name: "IX_Need_Status_AcceptDueAt",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "AcceptDueAt",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "HandlerId",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "HandlerName",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "NeedNo",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "RatedBy",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "RequesterName",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "RequesterPhoneCipher",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "RequesterPhoneHash",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "RequesterPhoneMasked",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "ResolveDueAt",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "SatisfactionComment",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Need");

            migrationBuilder.DropColumn(
                name: "Verified",
                table: "Need");
        }
    }
}
