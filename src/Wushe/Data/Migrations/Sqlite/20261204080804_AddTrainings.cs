using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTrainings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Training", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SocialWorkerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AttendedMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnrolledById = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnrolledByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolment_SocialWorker_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolment_Training_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "Training",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Training_AreaCode_StartsOn",
                table: "Training",
                columns: new[] { "AreaCode", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Training_OrganizationId",
                table: "Training",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_AreaCode_TrainingId_AttendedMinutes",
                table: "TrainingEnrolment",
                columns: new[] { "AreaCode", "TrainingId", "AttendedMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_CertificateNumber",
                table: "TrainingEnrolment",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_PhoneHash",
                table: "TrainingEnrolment",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_SocialWorkerId",
                table: "TrainingEnrolment",
                column: "SocialWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_TrainingId_SocialWorkerId",
                table: "TrainingEnrolment",
                columns: new[] { "TrainingId", "SocialWorkerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingEnrolment");

            migrationBuilder.DropTable(
                name: "Training");
        }
    }
}
