using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialWorker",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Education = table.Column<int>(type: "integer", nullable: true),
                    EmployerKind = table.Column<int>(type: "integer", nullable: true),
                    StationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    EmployerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Post = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    QualifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialWorker", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EducationRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SocialWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TrainingEnrolmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EducationRecord_SocialWorker_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Qualification",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SocialWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Route = table.Column<int>(type: "integer", nullable: false),
                    ObtainedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CertificateNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualification", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Qualification_SocialWorker_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Registration",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SocialWorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    QualificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Renewal = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    RegistrationNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PeriodMinutes = table.Column<int>(type: "integer", nullable: false),
                    RegisteredById = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registration", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registration_Qualification_QualificationId",
                        column: x => x.QualificationId,
                        principalTable: "Qualification",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registration_SocialWorker_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecord_AreaCode",
                table: "EducationRecord",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecord_SocialWorkerId_On",
                table: "EducationRecord",
                columns: new[] { "SocialWorkerId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecord_TrainingEnrolmentId",
                table: "EducationRecord",
                column: "TrainingEnrolmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Qualification_AreaCode_ObtainedOn",
                table: "Qualification",
                columns: new[] { "AreaCode", "ObtainedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Qualification_CertificateNo",
                table: "Qualification",
                column: "CertificateNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Qualification_SocialWorkerId",
                table: "Qualification",
                column: "SocialWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Qualification_SocialWorkerId_Level",
                table: "Qualification",
                columns: new[] { "SocialWorkerId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registration_AreaCode",
                table: "Registration",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_Registration_QualificationId",
                table: "Registration",
                column: "QualificationId");

            migrationBuilder.CreateIndex(
                name: "IX_Registration_RegistrationNo",
                table: "Registration",
                column: "RegistrationNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registration_SocialWorkerId_Level_RegisteredOn",
                table: "Registration",
                columns: new[] { "SocialWorkerId", "Level", "RegisteredOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_AreaCode_CreatedAt",
                table: "SocialWorker",
                columns: new[] { "AreaCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_AreaCode_Level",
                table: "SocialWorker",
                columns: new[] { "AreaCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_IdNumberHash",
                table: "SocialWorker",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_OrganizationId",
                table: "SocialWorker",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_PhoneHash",
                table: "SocialWorker",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_StationId",
                table: "SocialWorker",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorker_UserId",
                table: "SocialWorker",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EducationRecord");

            migrationBuilder.DropTable(
                name: "Registration");

            migrationBuilder.DropTable(
                name: "Qualification");

            migrationBuilder.DropTable(
                name: "SocialWorker");
        }
    }
}
