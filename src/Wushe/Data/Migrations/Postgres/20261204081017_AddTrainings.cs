using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OrganizerKind = table.Column<int>(type: "integer", nullable: false),
                    OrganizerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    StationId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Training", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrainingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SocialWorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AttendedMinutes = table.Column<int>(type: "integer", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EnrolledById = table.Column<Guid>(type: "uuid", nullable: true),
                    EnrolledByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
