using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FileKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "StoredFiles",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Files uploaded before kinds existed: name each by the record that holds it (a file of no known kind is
            // served to nobody).
            migrationBuilder.Sql("""UPDATE "StoredFiles" SET "Kind" = 'case-note' WHERE "Id" IN (SELECT "FileId" FROM "CaseNote" WHERE "FileId" IS NOT NULL)""");
            migrationBuilder.Sql("""UPDATE "StoredFiles" SET "Kind" = 'station-evidence' WHERE "Id" IN (SELECT "EvidenceFileId" FROM "StandardCheck" WHERE "EvidenceFileId" IS NOT NULL)""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "StoredFiles");
        }
    }
}
