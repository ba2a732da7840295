using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TargetGroupAges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxAge",
                table: "TargetGroup",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinAge",
                table: "TargetGroup",
                type: "integer",
                nullable: true);

            // The holders' ages: elderly tags 60 and over, children's under 18 (the kind's bounds, written out so the settings show
            // them), 高龄老人 80 and over.
            migrationBuilder.Sql("UPDATE \"TargetGroup\" SET \"MinAge\" = 60 WHERE \"Kind\" = 1 AND \"MinAge\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"TargetGroup\" SET \"MaxAge\" = 17 WHERE \"Kind\" = 2 AND \"MaxAge\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"TargetGroup\" SET \"MinAge\" = 80 WHERE \"Kind\" = 1 AND \"Name\" LIKE '%高龄%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxAge",
                table: "TargetGroup");

            migrationBuilder.DropColumn(
                name: "MinAge",
                table: "TargetGroup");
        }
    }
}
