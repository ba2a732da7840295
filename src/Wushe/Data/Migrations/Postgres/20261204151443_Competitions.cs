using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Competitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Competition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    CallNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HostName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FundId = table.Column<Guid>(type: "uuid", nullable: true),
                    Focuses = table.Column<string>(type: "text", nullable: false),
                    EligibleKinds = table.Column<string>(type: "text", nullable: false),
                    MinRegisteredMonths = table.Column<int>(type: "integer", nullable: false),
                    MustServeArea = table.Column<bool>(type: "boolean", nullable: false),
                    NoUnfinishedAward = table.Column<bool>(type: "boolean", nullable: false),
                    OtherConditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PoolFen = table.Column<long>(type: "bigint", nullable: false),
                    CapFen = table.Column<long>(type: "bigint", nullable: false),
                    CoFunding = table.Column<int>(type: "integer", nullable: false),
                    CoFundingMinPercent = table.Column<int>(type: "integer", nullable: false),
                    BonusMaxPoints = table.Column<int>(type: "integer", nullable: false),
                    BonusFullPercent = table.Column<int>(type: "integer", nullable: false),
                    Rubric = table.Column<string>(type: "text", nullable: false),
                    JudgeCount = table.Column<int>(type: "integer", nullable: false),
                    Aggregation = table.Column<int>(type: "integer", nullable: false),
                    TieBreak = table.Column<int>(type: "integer", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NoticeDays = table.Column<int>(type: "integer", nullable: false),
                    RequiredDocuments = table.Column<string>(type: "text", nullable: false),
                    Tranches = table.Column<string>(type: "text", nullable: false),
                    MidTermMonths = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NoticeFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NoticeUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AwardedFen = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Competition", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionApplication",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganizationKind = table.Column<int>(type: "integer", nullable: false),
                    ApplicationNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Focus = table.Column<int>(type: "integer", nullable: false),
                    FocusNote = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TargetGroups = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PlannedActivities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    RequestedFen = table.Column<long>(type: "bigint", nullable: false),
                    CoFundingFen = table.Column<long>(type: "bigint", nullable: false),
                    Funding = table.Column<string>(type: "text", nullable: false),
                    Indicators = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WasReturned = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AwardFen = table.Column<long>(type: "bigint", nullable: false),
                    Checks = table.Column<string>(type: "text", nullable: false),
                    ScreeningNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ScreenedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ScreenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DefenceAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DefencePlace = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionApplication", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionApplication_Competition_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompetitionApplication_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionJudge",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionJudge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionJudge_Competition_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionObjection",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ContactPhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactPhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LodgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Upheld = table.Column<bool>(type: "boolean", nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionObjection", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionObjection_Competition_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationDocument",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationDocument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationDocument_CompetitionApplication_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CompetitionApplication",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionAward",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    AgreementNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MidTermDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleasedFen = table.Column<long>(type: "bigint", nullable: false),
                    ClawedBackFen = table.Column<long>(type: "bigint", nullable: false),
                    Entries = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConfirmedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ConfirmedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionAward", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionAward_CompetitionApplication_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CompetitionApplication",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompetitionAward_Competition_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "Competition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompetitionAward_Project_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Project",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionScore",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    JudgeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recused = table.Column<bool>(type: "boolean", nullable: false),
                    ConflictNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecusedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionScore", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionScore_CompetitionApplication_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CompetitionApplication",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompetitionScore_CompetitionJudge_JudgeId",
                        column: x => x.JudgeId,
                        principalTable: "CompetitionJudge",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardMovement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Tranche = table.Column<int>(type: "integer", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardMovement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardMovement_CompetitionAward_AwardId",
                        column: x => x.AwardId,
                        principalTable: "CompetitionAward",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationDocument_ApplicationId",
                table: "ApplicationDocument",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationDocument_AreaCode",
                table: "ApplicationDocument",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_AwardMovement_AreaCode",
                table: "AwardMovement",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_AwardMovement_AwardId_No",
                table: "AwardMovement",
                columns: new[] { "AwardId", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardMovement_AwardId_Tranche",
                table: "AwardMovement",
                columns: new[] { "AwardId", "Tranche" },
                unique: true,
                filter: "\"Tranche\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Competition_AreaCode_CreatedAt",
                table: "Competition",
                columns: new[] { "AreaCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Competition_CallNo",
                table: "Competition",
                column: "CallNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Competition_Status_OpensAt",
                table: "Competition",
                columns: new[] { "Status", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionApplication_ApplicationNo",
                table: "CompetitionApplication",
                column: "ApplicationNo",
                unique: true,
                filter: "\"ApplicationNo\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionApplication_AreaCode",
                table: "CompetitionApplication",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionApplication_CompetitionId_Status",
                table: "CompetitionApplication",
                columns: new[] { "CompetitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionApplication_OrganizationId_CompetitionId",
                table: "CompetitionApplication",
                columns: new[] { "OrganizationId", "CompetitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionAward_AgreementNo",
                table: "CompetitionAward",
                column: "AgreementNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionAward_ApplicationId",
                table: "CompetitionAward",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionAward_AreaCode",
                table: "CompetitionAward",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionAward_CompetitionId_Status",
                table: "CompetitionAward",
                columns: new[] { "CompetitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionAward_OrganizationId_Status",
                table: "CompetitionAward",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionAward_ProjectId",
                table: "CompetitionAward",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionJudge_AreaCode",
                table: "CompetitionJudge",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionJudge_CompetitionId_UserId",
                table: "CompetitionJudge",
                columns: new[] { "CompetitionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionJudge_UserId",
                table: "CompetitionJudge",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionObjection_AreaCode",
                table: "CompetitionObjection",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionObjection_CompetitionId_LodgedAt",
                table: "CompetitionObjection",
                columns: new[] { "CompetitionId", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionObjection_ContactPhoneHash",
                table: "CompetitionObjection",
                column: "ContactPhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionScore_ApplicationId_JudgeId",
                table: "CompetitionScore",
                columns: new[] { "ApplicationId", "JudgeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionScore_AreaCode",
                table: "CompetitionScore",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionScore_CompetitionId_ApplicationId",
                table: "CompetitionScore",
                columns: new[] { "CompetitionId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionScore_JudgeId_ApplicationId",
                table: "CompetitionScore",
                columns: new[] { "JudgeId", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationDocument");

            migrationBuilder.DropTable(
                name: "AwardMovement");

            migrationBuilder.DropTable(
                name: "CompetitionObjection");

            migrationBuilder.DropTable(
                name: "CompetitionScore");

            migrationBuilder.DropTable(
                name: "CompetitionAward");

            migrationBuilder.DropTable(
                name: "CompetitionJudge");

            migrationBuilder.DropTable(
                name: "CompetitionApplication");

            migrationBuilder.DropTable(
                name: "Competition");
        }
    }
}
