using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Volunteer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    VolunteerNo = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Skills = table.Column<int>(type: "integer", nullable: false),
                    SkillNotes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    GuardianName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    GuardianRelation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GuardianPhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    GuardianPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GuardianPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    GuardianConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SelfSupporting = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    RegisteredById = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Volunteer", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_AreaCode_RegisteredAt",
                table: "Volunteer",
                columns: new[] { "AreaCode", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_GuardianPhoneHash",
                table: "Volunteer",
                column: "GuardianPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_IdNumberHash",
                table: "Volunteer",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_PhoneHash",
                table: "Volunteer",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_UserId",
                table: "Volunteer",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Volunteer_VolunteerNo",
                table: "Volunteer",
                column: "VolunteerNo",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Volunteer");
        }
    }
}
