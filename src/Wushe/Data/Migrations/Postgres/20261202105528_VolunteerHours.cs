using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VolunteerHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FinalMinutes",
                table: "Volunteer",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "AttendanceManual",
                table: "SignUp",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AttendanceNote",
                table: "SignUp",
                type: "character varying(220)",
                maxLength: 220,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "CheckInMinute",
                table: "SignUp",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CheckedInAt",
                table: "SignUp",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CheckedOutAt",
                table: "SignUp",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HourRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    ShiftId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignUpId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OrganizerName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Content = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FinalOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FinalizedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DisputeReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DisputeAnswer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HourRecord_Volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HourTotal",
                columns: table => new
                {
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourTotal", x => new { x.AreaCode, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_ActivityId",
                table: "HourRecord",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_AreaCode_Status_ServiceDate",
                table: "HourRecord",
                columns: new[] { "AreaCode", "Status", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_CorrectsId",
                table: "HourRecord",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_SignUpId",
                table: "HourRecord",
                column: "SignUpId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_Status_FinalOn",
                table: "HourRecord",
                columns: new[] { "Status", "FinalOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HourRecord_VolunteerId_ServiceDate",
                table: "HourRecord",
                columns: new[] { "VolunteerId", "ServiceDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HourRecord");

            migrationBuilder.DropTable(
                name: "HourTotal");

            migrationBuilder.DropColumn(
                name: "FinalMinutes",
                table: "Volunteer");

            migrationBuilder.DropColumn(
                name: "AttendanceManual",
                table: "SignUp");

            migrationBuilder.DropColumn(
                name: "AttendanceNote",
                table: "SignUp");

            migrationBuilder.DropColumn(
                name: "CheckInMinute",
                table: "SignUp");

            migrationBuilder.DropColumn(
                name: "CheckedInAt",
                table: "SignUp");

            migrationBuilder.DropColumn(
                name: "CheckedOutAt",
                table: "SignUp");
        }
    }
}
