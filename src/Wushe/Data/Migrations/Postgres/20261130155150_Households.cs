using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Households : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsHead",
                table: "StationStaff",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CardAssignment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Colour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ColourName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreviousName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    VisitEveryDays = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssignedById = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardAssignment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CardScheme",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Colours = table.Column<string>(type: "text", nullable: false),
                    GuardianshipReassessMonths = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardScheme", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseNote",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    WrittenById = table.Column<Guid>(type: "uuid", nullable: true),
                    WrittenByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNote", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseReferral",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    ToStationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToAreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReferredById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReferral", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    NextAction = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NextActionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseStep",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Goals = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStep", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    ConsentedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByGuardian = table.Column<bool>(type: "boolean", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupMember",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMember", x => new { x.GroupId, x.ResidentId });
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlannedSessions = table.Column<int>(type: "integer", nullable: false),
                    SessionsHeld = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupSession",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupSession", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuardianshipAssessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    GuardianName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CapacityScore = table.Column<int>(type: "integer", nullable: false),
                    LivingScore = table.Column<int>(type: "integer", nullable: false),
                    SafetyScore = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FollowUpPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianshipAssessment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Household",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeadName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CardSchemeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CardColour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CardName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    VisitEveryDays = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastVisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MajorChangeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Household", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Need",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RaisedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Need", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Resident",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Relation = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IdTail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    HealthNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GuardianName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GuardianRelation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GuardianPhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    GuardianPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GuardianPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resident", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentTag",
                columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentTag", x => new { x.ResidentId, x.TargetGroupId });
                });

            migrationBuilder.CreateTable(
                name: "ServiceBeneficiary",
                columns: table => new
                {
                    ServiceRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceBeneficiary", x => new { x.ServiceRecordId, x.ResidentId });
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Workers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecord", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetGroup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetGroup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Visit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Visitors = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LivingConditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Health = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Safety = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NeedsFound = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Services = table.Column<string>(type: "text", nullable: false),
                    ServicesNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FollowUps = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FollowUpDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitParticipant",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitParticipant", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CardAssignment_AreaCode",
                table: "CardAssignment",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CardAssignment_HouseholdId_RecordedAt",
                table: "CardAssignment",
                columns: new[] { "HouseholdId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CardScheme_AreaCode",
                table: "CardScheme",
                column: "AreaCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseNote_AreaCode",
                table: "CaseNote",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CaseNote_CaseId_WrittenAt",
                table: "CaseNote",
                columns: new[] { "CaseId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferral_AreaCode",
                table: "CaseReferral",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferral_CaseId",
                table: "CaseReferral",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferral_ToAreaCode_Status",
                table: "CaseReferral",
                columns: new[] { "ToAreaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AreaCode_Status",
                table: "Cases",
                columns: new[] { "AreaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseNo",
                table: "Cases",
                column: "CaseNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ResidentId",
                table: "Cases",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_WorkerId_Status",
                table: "Cases",
                columns: new[] { "WorkerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStep_AreaCode_Status",
                table: "CaseStep",
                columns: new[] { "AreaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStep_CaseId_SubmittedAt",
                table: "CaseStep",
                columns: new[] { "CaseId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Consent_AreaCode",
                table: "Consent",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_Consent_ResidentId",
                table: "Consent",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMember_AreaCode",
                table: "GroupMember",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMember_ResidentId",
                table: "GroupMember",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Groups_AreaCode_StartsOn",
                table: "Groups",
                columns: new[] { "AreaCode", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupSession_AreaCode_HeldOn",
                table: "GroupSession",
                columns: new[] { "AreaCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupSession_GroupId_Number",
                table: "GroupSession",
                columns: new[] { "GroupId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuardianshipAssessment_AreaCode_NextDueOn",
                table: "GuardianshipAssessment",
                columns: new[] { "AreaCode", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GuardianshipAssessment_ResidentId_AssessedOn",
                table: "GuardianshipAssessment",
                columns: new[] { "ResidentId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Household_AreaCode_NextDueOn",
                table: "Household",
                columns: new[] { "AreaCode", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Household_NextDueOn_AreaCode",
                table: "Household",
                columns: new[] { "NextDueOn", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Household_WorkerId_NextDueOn",
                table: "Household",
                columns: new[] { "WorkerId", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Need_AreaCode_Status",
                table: "Need",
                columns: new[] { "AreaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Need_HouseholdId",
                table: "Need",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Need_Source_SourceId",
                table: "Need",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Resident_AreaCode_BirthDate",
                table: "Resident",
                columns: new[] { "AreaCode", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Resident_GuardianPhoneHash",
                table: "Resident",
                column: "GuardianPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Resident_HouseholdId",
                table: "Resident",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Resident_IdNumberHash",
                table: "Resident",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Resident_IdTail_AreaCode",
                table: "Resident",
                columns: new[] { "IdTail", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Resident_Name_AreaCode",
                table: "Resident",
                columns: new[] { "Name", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Resident_PhoneHash",
                table: "Resident",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTag_AreaCode",
                table: "ResidentTag",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTag_HouseholdId",
                table: "ResidentTag",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTag_TargetGroupId_AreaCode",
                table: "ResidentTag",
                columns: new[] { "TargetGroupId", "AreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceBeneficiary_AreaCode_ServedOn_ResidentId",
                table: "ServiceBeneficiary",
                columns: new[] { "AreaCode", "ServedOn", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceBeneficiary_ResidentId_ServedOn",
                table: "ServiceBeneficiary",
                columns: new[] { "ResidentId", "ServedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecord_AreaCode_ServedOn",
                table: "ServiceRecord",
                columns: new[] { "AreaCode", "ServedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecord_Source_SourceId",
                table: "ServiceRecord",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetGroup_AreaCode_Name",
                table: "TargetGroup",
                columns: new[] { "AreaCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visit_AreaCode_VisitedOn",
                table: "Visit",
                columns: new[] { "AreaCode", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visit_HouseholdId_VisitedOn",
                table: "Visit",
                columns: new[] { "HouseholdId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitParticipant_AreaCode",
                table: "VisitParticipant",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_VisitParticipant_UserId_HouseholdId",
                table: "VisitParticipant",
                columns: new[] { "UserId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitParticipant_VisitId",
                table: "VisitParticipant",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardAssignment");

            migrationBuilder.DropTable(
                name: "CardScheme");

            migrationBuilder.DropTable(
                name: "CaseNote");

            migrationBuilder.DropTable(
                name: "CaseReferral");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "CaseStep");

            migrationBuilder.DropTable(
                name: "Consent");

            migrationBuilder.DropTable(
                name: "GroupMember");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "GroupSession");

            migrationBuilder.DropTable(
                name: "GuardianshipAssessment");

            migrationBuilder.DropTable(
                name: "Household");

            migrationBuilder.DropTable(
                name: "Need");

            migrationBuilder.DropTable(
                name: "Resident");

            migrationBuilder.DropTable(
                name: "ResidentTag");

            migrationBuilder.DropTable(
                name: "ServiceBeneficiary");

            migrationBuilder.DropTable(
                name: "ServiceRecord");

            migrationBuilder.DropTable(
                name: "TargetGroup");

            migrationBuilder.DropTable(
                name: "Visit");

            migrationBuilder.DropTable(
                name: "VisitParticipant");

            migrationBuilder.DropColumn(
                name: "IsHead",
                table: "StationStaff");
        }
    }
}
